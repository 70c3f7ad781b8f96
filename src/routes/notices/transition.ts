// POST /v1/notices/{id}/transitions: a lifecycle action, applied to exactly the version the caller saw (If-Match).
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IfMatchHeaders, Notice, TransitionBody } from '../../schemas/notices.ts'
import { BODY_ERRORS, errorResponses, IdParams } from '../../schemas/common.ts'
import { transitionNotice as applyTransition } from '../../use-cases/transition-notice.ts'
import { toNoticeView, noticeEtag } from '../../use-cases/notice-views.ts'
import { AppError } from '../../lib/errors.ts'
import type { NoticeRouteOptions } from './options.ts'

/** Runs before the headers are validated, so that a missing If-Match is the 428 it means rather than a 400. */
async function requireIfMatch (request: FastifyRequest): Promise<void> {
  if (request.headers['if-match'] === undefined) {
    throw new AppError('precondition_required', 'send If-Match with the notice\'s ETag from your last read')
  }
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
      description: 'Liaisons report what the platform did (acknowledge, remove, restrict, reject, cannot_comply); ' +
        'authorities clarify, escalate, withdraw and close. An action the current status does not allow is a 409 ' +
        'listing the allowed actions.',
      params: IdParams,
      headers: IfMatchHeaders,
      body: TransitionBody,
      response: {
        200: {
          description: 'The notice after the action; ETag is its new version',
          headers: { ETag: { type: 'string', description: 'The notice\'s new version, for the next If-Match' } },
          content: { 'application/json': { schema: Notice } }
        },
        ...errorResponses(...BODY_ERRORS, 403, 404, 409, 412, 422, 428)
      }
    }
  }, async (request, reply) => {
    const expected = versionFromIfMatch(request.headers['if-match'])
    const updated = await applyTransition(
      db, hooks, { principal: request.principal }, request.params.id, expected, request.body
    )
    return reply.header('etag', noticeEtag(updated.notice.version)).send(toNoticeView(updated))
  })
}

export default transitionNotice
