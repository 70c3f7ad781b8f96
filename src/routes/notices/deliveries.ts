// GET /v1/notices/{id}/deliveries: every delivery of the notice by e-mail and webhook, with its attempts; and
// POST /v1/deliveries/{id}/redeliver, the authority's redelivery of one.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { NoticeDelivery } from '../../schemas/webhook-endpoints.ts'
import { BODY_ERRORS, errorResponses, IdParams } from '../../schemas/common.ts'
import { readNoticeDeliveries, redeliver } from '../../use-cases/notice-deliveries.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const noticeDeliveries: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db, nudgeDeliveries }) => {
  app.get('/v1/notices/:id/deliveries', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'listNoticeDeliveries',
      summary: 'How the notice and its later steps reached the platform: each delivery and its attempts',
      description: 'Authorities, auditors and that notice\'s liaison may read it (404 for another platform\'s ' +
        'notice); reading it does not deliver the notice. One delivery per event and channel target (the ' +
        'platform\'s notice address, or a subscribed webhook endpoint), oldest first, each with every attempt: ' +
        'when, the outcome, the HTTP status or SMTP reply code, the error, and at most 1 KB of the answer.',
      params: IdParams,
      response: { 200: Type.Object({ data: Type.Array(NoticeDelivery) }), ...errorResponses(400, 403, 404) }
    }
  }, async (request) => ({ data: await readNoticeDeliveries(db, request.principal, request.params.id) }))

  app.post('/v1/deliveries/:id/redeliver', {
    config: { roles: ['authority'] },
    schema: {
      tags: ['notices'],
      operationId: 'redeliverNoticeDelivery',
      summary: 'Send a delivery again, at once',
      description: 'For authorities: the delivery goes back in the queue, due now, whatever its state (failed, ' +
        'cancelled or delivered); its attempts go on counting. A webhook carries the same webhook-id, so a ' +
        'receiver that had it may drop the repeat.',
      params: IdParams,
      response: { 202: NoticeDelivery, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request, reply) => {
    const delivery = await redeliver(db, request.principal, request.params.id)
    nudgeDeliveries()
    return reply.status(202).send(delivery)
  })
}

export default noticeDeliveries
