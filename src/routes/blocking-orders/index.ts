// Access-restriction (blocking) orders: authorities and auditors read all, a liaison those against its platform.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { ListOrdersQuery, Order, OrderSummary } from '../../schemas/blocking-orders.ts'
import { errorResponses, IdParams, ListOf } from '../../schemas/common.ts'
import { getBlockingOrder, listBlockingOrderViews } from '../../use-cases/blocking-orders.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import registerExport from './export.ts'

// A liaison may read the orders against its own platform: an order is public toward operators anyway, and it
// tells the platform exactly what to remove for access to be restored. Others' orders answer 404, as notices do.
const READERS = ['authority', 'auditor', 'liaison'] as const

const blockingOrders: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/blocking-orders', {
    config: { roles: READERS },
    schema: {
      tags: ['blocking-orders'],
      operationId: 'listBlockingOrders',
      summary: 'List blocking orders in decision order (a liaison sees those against its own platform only)',
      description: 'Each order carries counts of its entries; `GET /v1/blocking-orders/{id}` lists the entries ' +
        'themselves.',
      querystring: ListOrdersQuery,
      response: { 200: ListOf(OrderSummary), ...errorResponses(400, 403) }
    }
  }, async (request) => {
    const { limit = DEFAULT_PAGE_SIZE, cursor, status, platform, updatedSince } = request.query
    return listBlockingOrderViews(db, request.principal, { status, platform, updatedSince }, limit, cursor)
  })

  await app.register(registerExport, { db })

  app.get('/v1/blocking-orders/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['blocking-orders'],
      operationId: 'getBlockingOrder',
      summary: 'One blocking order with its entries, the blocked resources',
      description: 'An entry\'s `liftedAt` is set when the order is lifted: the notice\'s material was removed ' +
        '(access is restored) or the notice was withdrawn. A liaison reads the orders against its own platform; ' +
        'others answer 404.',
      params: IdParams,
      response: { 200: Order, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => getBlockingOrder(db, request.principal, request.params.id))
}

export default blockingOrders
