// GET /v1/notices/{id}/events: the notice's history, oldest first, in one answer.
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NoticeEvent } from '../../schemas/notices.ts'
import { errorResponses, IdParams, Timestamp } from '../../schemas/common.ts'
import { toNoticeEventView } from '../../use-cases/notice-views.ts'
import { findNotice } from '../../repositories/notices.ts'
import { noticeHistory } from '../../repositories/notice-events.ts'
import { platformScope } from '../../repositories/clients.ts'
import { notFound } from '../../lib/errors.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const listNoticeEvents: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db }) => {
  app.get('/v1/notices/:id/events', {
    config: { roles: READERS },
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
    if (!(await findNotice(db, request.params.id, platformScope(request.principal)))) throw notFound(`notice ${request.params.id}`)
    const since = request.query.updatedSince === undefined ? undefined : new Date(request.query.updatedSince)
    return { data: (await noticeHistory(db, request.params.id, since)).map(toNoticeEventView) }
  })
}

export default listNoticeEvents
