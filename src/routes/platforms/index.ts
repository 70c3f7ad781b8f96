// The platform catalogue: everyone reads it, administrators edit it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { Platform, PlatformCatalogue, PlatformSlugParams, UpdatePlatformBody } from '../../schemas/platforms.ts'
import { BODY_ERRORS, errorResponses } from '../../schemas/common.ts'
import { ROLES } from '../../domain/vocabulary.ts'
import { editPlatform, getPlatform, listPlatformViews } from '../../use-cases/catalogues.ts'

const platforms: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/platforms', {
    config: { roles: ROLES },
    schema: {
      tags: ['platforms'],
      operationId: 'listPlatforms',
      summary: 'The platform catalogue',
      description: 'Any role may read it. The whole catalogue comes in one answer, ordered by slug (`nextCursor` is ' +
        'always null): each platform\'s addressee, recognised hosts and URL patterns, delivery channels, languages ' +
        'and deadlines.',
      response: { 200: PlatformCatalogue, ...errorResponses() }
    }
  }, async () => ({ data: await listPlatformViews(db), nextCursor: null }))

  app.get('/v1/platforms/:slug', {
    config: { roles: ROLES },
    schema: {
      tags: ['platforms'],
      operationId: 'getPlatform',
      summary: 'One platform',
      description: 'Any role may read it: the addressee, recognised hosts and URL patterns, delivery channels, ' +
        'languages and deadlines. `version` goes up with every edit.',
      params: PlatformSlugParams,
      response: { 200: Platform, ...errorResponses(400, 404) }
    }
  }, async (request) => getPlatform(db, request.params.slug))

  app.patch('/v1/platforms/:slug', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['platforms'],
      operationId: 'updatePlatform',
      summary: 'Edit a platform\'s entry (addressee, channels, languages, deadlines)',
      description: 'For administrators. Send only the fields to change: each replaces the stored value whole ' +
        '(`legalRepresentative: null` removes it) and `version` goes up by one. New notices use the edited entry ' +
        'within 5 seconds; notices already issued keep the addressee they were signed with.',
      params: PlatformSlugParams,
      body: UpdatePlatformBody,
      response: { 200: Platform, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => editPlatform(db, request.principal, request.params.slug, request.body))
}

export default platforms
