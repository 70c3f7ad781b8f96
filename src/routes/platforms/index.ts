// The platform catalogue: everyone reads it, administrators edit it.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { Platform, UpdatePlatformBody, type PlatformView } from '../../schemas/platforms.ts'
import { BODY_ERRORS, errorResponses } from '../../schemas/common.ts'
import { findPlatform, listPlatforms, type PlatformRow } from '../../repositories/platforms.ts'
import { notFound } from '../../lib/errors.ts'
import { ROLES } from '../../domain/vocabulary.ts'
import { editPlatform } from '../../use-cases/catalogues.ts'

const SlugParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{1,40}$', maxLength: 40 }) }, { additionalProperties: false })

export function toPlatformView (row: PlatformRow): PlatformView {
  return {
    slug: row.slug,
    name: row.name,
    legalEntity: row.legalEntity as PlatformView['legalEntity'],
    legalRepresentative: row.legalRepresentative as PlatformView['legalRepresentative'],
    hosts: row.hosts,
    urlPatterns: row.urlPatterns,
    channels: row.channels as PlatformView['channels'],
    languages: row.languages,
    deadlines: { normalHours: row.deadlineNormalHours, urgentHours: row.deadlineUrgentHours },
    version: row.version,
    updatedAt: row.updatedAt.toISOString()
  }
}

const platforms: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/platforms', {
    config: { roles: ROLES },
    schema: {
      tags: ['platforms'],
      operationId: 'listPlatforms',
      summary: 'The platform catalogue',
      description: 'Any role may read it. The whole catalogue comes in one answer, ordered by slug (`nextCursor` is always null): ' +
        'each platform\'s addressee, recognised hosts and URL patterns, delivery channels, languages and deadlines.',
      response: { 200: Type.Object({ data: Type.Array(Platform), nextCursor: Type.Null() }), ...errorResponses() }
    }
  }, async () => ({ data: (await listPlatforms(db)).map(toPlatformView), nextCursor: null }))

  app.get('/v1/platforms/:slug', {
    config: { roles: ROLES },
    schema: {
      tags: ['platforms'],
      operationId: 'getPlatform',
      summary: 'One platform',
      description: 'Any role may read it: the addressee, recognised hosts and URL patterns, delivery channels, languages and ' +
        'deadlines. `version` goes up with every edit.',
      params: SlugParams,
      response: { 200: Platform, ...errorResponses(400, 404) }
    }
  }, async (request) => {
    const row = await findPlatform(db, request.params.slug)
    if (!row) throw notFound(`platform ${request.params.slug}`)
    return toPlatformView(row)
  })

  app.patch('/v1/platforms/:slug', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['platforms'],
      operationId: 'updatePlatform',
      summary: 'Edit a platform\'s entry (addressee, channels, languages, deadlines)',
      description: 'For administrators. Send only the fields to change: each replaces the stored value whole (`legalRepresentative: null` ' +
        'removes it) and `version` goes up by one. New notices use the edited entry within 5 seconds; notices already issued ' +
        'keep the addressee they were signed with.',
      params: SlugParams,
      body: UpdatePlatformBody,
      response: { 200: Platform, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => toPlatformView(await editPlatform(db, request.principal, request.params.slug, request.body)))
}

export default platforms
