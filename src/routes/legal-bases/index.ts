// The legal-basis catalogue: provisions a notice can cite, in the state languages and English.
import { createdAnswer, storeAnswer } from '../../repositories/idempotency.ts'
import { Type, type Static } from 'typebox'
import { named } from '../../schemas/named.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { BODY_ERRORS, created, errorResponses, IdempotencyHeaders, Timestamp } from '../../schemas/common.ts'
import * as repo from '../../repositories/legal-bases.ts'
import { notFound } from '../../lib/errors.ts'
import { ROLES } from '../../domain/vocabulary.ts'
import { createLegalBasis, editLegalBasis } from '../../use-cases/catalogues.ts'

const Texts = (max: number) => Type.Object({
  kk: Type.String({ minLength: 1, maxLength: max }),
  ru: Type.String({ minLength: 1, maxLength: max }),
  en: Type.String({ minLength: 1, maxLength: max })
}, { additionalProperties: false })

const LegalBasis = named('LegalBasis', Type.Object({
  id: Type.String(),
  citation: Type.String(),
  citations: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }, {
    description: 'The citation as each notice language prints it (the one `citation` in every language where none were given)'
  }),
  title: Texts(1000),
  text: Texts(20000),
  version: Type.Integer(),
  updatedAt: Timestamp
}))

const CreateBody = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,79}$', maxLength: 80, description: 'A stable slug, e.g. kz-communications-41-1' }),
  citation: Type.String({ minLength: 1, maxLength: 1000 }),
  citations: Type.Optional(Texts(1000)),
  title: Texts(1000),
  text: Texts(20000)
}, { additionalProperties: false })

const UpdateBody = Type.Object({
  citation: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  citations: Type.Optional(Texts(1000)),
  title: Type.Optional(Texts(1000)),
  text: Type.Optional(Texts(20000))
}, { additionalProperties: false, minProperties: 1 })

const IdParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,79}$', maxLength: 80 }) }, { additionalProperties: false })

type LegalBasisView = Static<typeof LegalBasis>

function toView (row: repo.LegalBasisRow): LegalBasisView {
  return {
    id: row.id,
    citation: row.citation,
    citations: repo.citationsOf(row),
    title: row.title as LegalBasisView['title'],
    text: row.text as LegalBasisView['text'],
    version: row.version,
    updatedAt: row.updatedAt.toISOString()
  }
}

const legalBases: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/legal-bases', {
    config: { roles: ROLES },
    schema: {
      tags: ['legal-bases'],
      operationId: 'listLegalBases',
      summary: 'The legal-basis catalogue',
      description: 'Any role may read it. The whole catalogue comes in one answer, ordered by id (`nextCursor` is always null); ' +
        'each provision has its citation, and its title and text in Kazakh, Russian and English.',
      response: { 200: Type.Object({ data: Type.Array(LegalBasis), nextCursor: Type.Null() }), ...errorResponses() }
    }
  }, async () => ({ data: (await repo.listLegalBases(db)).map(toView), nextCursor: null }))

  app.get('/v1/legal-bases/:id', {
    config: { roles: ROLES },
    schema: {
      tags: ['legal-bases'],
      operationId: 'getLegalBasis',
      summary: 'One legal basis',
      description: 'Any role may read it. The id is what a report names in `legalBasis`; `version` goes up with every edit.',
      params: IdParams,
      response: { 200: LegalBasis, ...errorResponses(400, 404) }
    }
  }, async (request) => {
    const row = await repo.findLegalBasis(db, request.params.id)
    if (!row) throw notFound(`legal basis ${request.params.id}`)
    return toView(row)
  })

  app.post('/v1/legal-bases', {
    config: { roles: ['admin'], idempotent: true },
    schema: {
      tags: ['legal-bases'],
      operationId: 'createLegalBasis',
      summary: 'Add a provision to the catalogue',
      description: 'For administrators. The caller chooses the `id`, which cannot change later; an id already in the catalogue is 409. ' +
        'A retry with the same Idempotency-Key within 24 hours replays the first response.',
      headers: IdempotencyHeaders,
      body: CreateBody,
      response: { 201: created(LegalBasis), ...errorResponses(...BODY_ERRORS, 403, 409, 422) }
    }
  }, async (request, reply) => {
    // A retry after a crash replays this answer: it commits with the row it describes.
    const row = await createLegalBasis(db, request.principal, request.body, async (tx, created) => {
      if (request.idempotency) await storeAnswer(tx, request.idempotency, createdAnswer(`/v1/legal-bases/${created.id}`, toView(created)))
    })
    return reply.status(201).header('location', `/v1/legal-bases/${row.id}`).send(toView(row))
  })

  app.patch('/v1/legal-bases/:id', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['legal-bases'],
      operationId: 'updateLegalBasis',
      summary: 'Edit a provision (notices already issued keep the citation they were issued with)',
      description: 'For administrators. Send only the fields to change: `title` and `text` are replaced whole, in all three languages, ' +
        'and `version` goes up by one. New reports cite the new wording within 5 seconds.',
      params: IdParams,
      body: UpdateBody,
      response: { 200: LegalBasis, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => toView(await editLegalBasis(db, request.principal, request.params.id, request.body)))
}

export default legalBases
