// POST /v1/notices/{id}/transitions: a lifecycle action, applied to exactly the version the caller saw (If-Match).
import { Type } from 'typebox'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Notice } from '../../schemas/notices.ts'
import { BODY_ERRORS, errorResponses, IdParams } from '../../schemas/common.ts'
import { transitionNotice as applyTransition } from '../../use-cases/transition-notice.ts'
import { toNoticeView, noticeEtag } from '../../use-cases/notice-views.ts'
import { AppError } from '../../lib/errors.ts'
import { CANNOT_COMPLY_REASONS, NOTICE_ACTIONS } from '../../domain/vocabulary.ts'
import type { NoticeRouteOptions } from './options.ts'

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
  if (request.headers['if-match'] === undefined) throw new AppError('precondition_required', 'send If-Match with the notice\'s ETag from your last read')
}

/** Strong ETags only: a transition must apply to exactly the version the caller saw. */
function versionFromIfMatch (header: string): number {
  const match = /^"(\d+)"$/.exec(header.trim())
  if (!match) throw new AppError('precondition_failed', 'If-Match does not name a version of this notice')
  return Number(match[1])
}

const transitionNotice: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db, hooks }) => {
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
    const updated = await applyTransition(db, hooks, { principal: request.principal }, request.params.id, expected, request.body)
    return reply.header('etag', noticeEtag(updated.notice.version)).send(toNoticeView(updated))
  })
}

export default transitionNotice
