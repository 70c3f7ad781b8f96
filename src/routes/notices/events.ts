// GET /v1/notices/{id}/events: the notice's history, oldest first, in one answer.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NoticeHistory, NoticeHistoryQuery } from '../../schemas/notices.ts'
import { errorResponses, IdParams } from '../../schemas/common.ts'
import { readNoticeHistory } from '../../use-cases/notice-events.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const listNoticeEvents: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db }) => {
  app.get('/v1/notices/:id/events', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'listNoticeEvents',
      summary: 'The notice\'s history: every transition with actor, time, reason and version',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s ' +
        'notice. Oldest first, from the notice\'s creation (`notice.created`); `updatedSince` keeps the events at or ' +
        'after a time. The whole history comes in one answer, without pagination.',
      params: IdParams,
      querystring: NoticeHistoryQuery,
      response: { 200: NoticeHistory, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => {
    const since = request.query.updatedSince === undefined ? undefined : new Date(request.query.updatedSince)
    return { data: await readNoticeHistory(db, request.principal, request.params.id, since) }
  })
}

export default listNoticeEvents
