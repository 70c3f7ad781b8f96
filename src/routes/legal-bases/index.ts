// The legal-basis catalogue: provisions a notice can cite, in the state languages and English.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { BODY_ERRORS, created, errorResponses, IdempotencyHeaders } from '../../schemas/common.ts'
import {
  CreateLegalBasisBody, LegalBasis, LegalBasisCatalogue, LegalBasisIdParams, UpdateLegalBasisBody
} from '../../schemas/legal-bases.ts'
import { ROLES } from '../../domain/vocabulary.ts'
import { createLegalBasis, editLegalBasis, getLegalBasis, listLegalBasisViews } from '../../use-cases/catalogues.ts'

const legalBases: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/legal-bases', {
    config: { roles: ROLES },
    schema: {
      tags: ['legal-bases'],
      operationId: 'listLegalBases',
      summary: 'The legal-basis catalogue',
      description: 'Any role may read it. The whole catalogue comes in one answer, ordered by id (`nextCursor` is ' +
        'always null); each provision has its citation, and its title and text in Kazakh, Russian and English.',
      response: { 200: LegalBasisCatalogue, ...errorResponses() }
    }
  }, async () => ({ data: await listLegalBasisViews(db), nextCursor: null }))

  app.get('/v1/legal-bases/:id', {
    config: { roles: ROLES },
    schema: {
      tags: ['legal-bases'],
      operationId: 'getLegalBasis',
      summary: 'One legal basis',
      description: 'Any role may read it. The id is what a report names in `legalBasis`; `version` goes up with ' +
        'every edit.',
      params: LegalBasisIdParams,
      response: { 200: LegalBasis, ...errorResponses(400, 404) }
    }
  }, async (request) => getLegalBasis(db, request.params.id))

  app.post('/v1/legal-bases', {
    config: { roles: ['admin'], idempotent: true },
    schema: {
      tags: ['legal-bases'],
      operationId: 'createLegalBasis',
      summary: 'Add a provision to the catalogue',
      description: 'For administrators. The caller chooses the `id`, which cannot change later; an id already in the ' +
        'catalogue is 409. A retry with the same Idempotency-Key within 24 hours replays the first response.',
      headers: IdempotencyHeaders,
      body: CreateLegalBasisBody,
      response: { 201: created(LegalBasis), ...errorResponses(...BODY_ERRORS, 403, 409, 422) }
    }
  }, async (request, reply) => {
    const view = await createLegalBasis(db, request.principal, request.body, request.idempotency)
    return reply.status(201).header('location', `/v1/legal-bases/${view.id}`).send(view)
  })

  app.patch('/v1/legal-bases/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['legal-bases'],
      operationId: 'updateLegalBasis',
      summary: 'Edit a provision (notices already issued keep the citation they were issued with)',
      description: 'For administrators. Send only the fields to change: `title` and `text` are replaced whole, in ' +
        'all three languages, and `version` goes up by one. New reports cite the new wording within 5 seconds.',
      params: LegalBasisIdParams,
      body: UpdateLegalBasisBody,
      response: { 200: LegalBasis, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => editLegalBasis(db, request.principal, request.params.id, request.body))
}

export default legalBases
