// GET /v1/notices/{id}: one notice; a liaison's first read of an issued notice delivers it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Notice } from '../../schemas/notices.ts'
import { errorResponses, IdParams } from '../../schemas/common.ts'
import { readDelivers, readNotice } from '../../use-cases/deliver-on-read.ts'
import { noticeEtag, toNoticeView } from '../../use-cases/notice-views.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const getNotice: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db, hooks }) => {
  app.get('/v1/notices/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'getNotice',
      summary: 'One notice (a liaison\'s first read of an issued notice delivers it)',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s ' +
        'notice. The ETag is the notice\'s version in quotes: send it as If-Match to take a lifecycle action, or as ' +
        'If-None-Match for a 304 while the notice is unchanged. A HEAD answers the notice as it stands and delivers ' +
        'nothing (nor does it of a list, document or signature).',
      params: IdParams,
      response: { 200: Notice, ...errorResponses(400, 403, 404) }
    }
  }, async (request, reply) => {
    const found = await readNotice(db, hooks, request.principal, request.params.id, readDelivers(request.method))
    return reply.header('etag', noticeEtag(found.notice.version)).send(toNoticeView(found))
  })
}

export default getNotice
