// Lifecycle actions on a notice, and its history.
import { Type } from 'typebox'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { Notice, NoticeEvent } from '../../schemas/notices.ts'
import { BODY_ERRORS, errorResponses, IdParams, Timestamp } from '../../schemas/common.ts'
import { transitionNotice, type TransitionHooks } from '../../use-cases/transition-notice.ts'
import { toNoticeView, toNoticeEventView, noticeEtag } from '../../use-cases/notice-views.ts'
import { findNotice } from '../../repositories/notices.ts'
import { noticeHistory } from '../../repositories/notice-events.ts'
import { HttpProblem } from '../../plugins/problems.ts'
import { platformScope } from '../../repositories/clients.ts'
import { CANNOT_COMPLY_REASONS, NOTICE_ACTIONS } from '../../domain/vocabulary.ts'

const TransitionBody = Type.Object({
  action: Type.Enum(NOTICE_ACTIONS.filter((a) => a !== 'expire'), { description: 'What was done (see the lifecycle table)' }),
  items: Type.Optional(Type.Array(Type.String({ format: 'uuid', maxLength: 36 }), { minItems: 1, maxItems: 1000, uniqueItems: true, description: 'For remove: the items removed; omitted means all remaining' })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: `Required for reject and withdraw; for cannot_comply one of ${CANNOT_COMPLY_REASONS.join(', ')}` })),
  detail: Type.Optional(Type.String({ minLength: 1, maxLength: 10000, description: 'Required for cannot_comply and clarify' })),
  note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 }))
}, { additionalProperties: false })

const IfMatchHeaders = Type.Object({
  'if-match': Type.String({ maxLength: 100, description: 'The notice\'s current ETag, from your last read; without it the answer is 428' })
})

/** Runs before the headers are validated, so that a missing If-Match is the 428 it means rather than a 400. */
async function requireIfMatch (request: FastifyRequest): Promise<void> {
  if (request.headers['if-match'] === undefined) throw new HttpProblem(428, 'Precondition required', 'send If-Match with the notice\'s ETag from your last read')
}

/** Strong ETags only: a transition must apply to exactly the version the caller saw. */
function versionFromIfMatch (header: string): number {
  const match = /^"(\d+)"$/.exec(header.trim())
  if (!match) throw new HttpProblem(412, 'Precondition failed', 'If-Match does not name a version of this notice')
  return Number(match[1])
}

const transitions: FastifyPluginAsyncTypebox<{ db: Database, hooks: TransitionHooks }> = async (app, { db, hooks }) => {
  app.post('/v1/notices/:id/transitions', {
    config: { roles: ['authority', 'liaison'] },
    preValidation: requireIfMatch,
    schema: {
      tags: ['notices'],
      operationId: 'transitionNotice',
      summary: 'Take a lifecycle action on a notice (requires If-Match)',
      description: 'Liaisons report what the platform did (acknowledge, remove, restrict, reject, cannot_comply); authorities clarify, escalate, withdraw and close. An action the current status does not allow is a 409 listing the allowed actions.',
      params: IdParams,
      headers: IfMatchHeaders,
      body: TransitionBody,
      response: { 200: { description: 'The notice after the action; ETag is its new version', headers: { ETag: { type: 'string', description: 'The notice\'s new version, for the next If-Match' } }, content: { 'application/json': { schema: Notice } } }, ...errorResponses(...BODY_ERRORS, 403, 404, 409, 412, 422, 428) }
    }
  }, async (request, reply) => {
    const expected = versionFromIfMatch(request.headers['if-match'])
    const updated = await transitionNotice(db, hooks, { principal: request.principal }, request.params.id, expected, request.body)
    return reply.header('etag', noticeEtag(updated.notice.version)).send(toNoticeView(updated))
  })

  app.get('/v1/notices/:id/events', {
    config: { roles: ['authority', 'auditor', 'liaison'] },
    schema: {
      tags: ['notices'],
      operationId: 'listNoticeEvents',
      summary: 'The notice\'s history: every transition with actor, time, reason and version',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s notice. Oldest first, ' +
        'from the notice\'s creation (`notice.created`); `updatedSince` keeps the events at or after a time. The whole history ' +
        'comes in one answer, without pagination.',
      params: IdParams,
      querystring: Type.Object({ updatedSince: Type.Optional(Timestamp) }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(NoticeEvent) }), ...errorResponses(400, 403, 404) }
    }
  }, async (request) => {
    if (!(await findNotice(db, request.params.id, platformScope(request.principal)))) throw new HttpProblem(404, 'Not found', `no notice ${request.params.id}`)
    const since = request.query.updatedSince === undefined ? undefined : new Date(request.query.updatedSince)
    return { data: (await noticeHistory(db, request.params.id, since)).map(toNoticeEventView) }
  })
}

export default transitions
