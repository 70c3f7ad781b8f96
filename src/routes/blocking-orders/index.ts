// Access-restriction (blocking) orders: authorities and auditors read all, a liaison those against its platform.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { ListOrdersQuery, Order, OrderSummary, type OrderSummaryView, type OrderView } from '../../schemas/blocking-orders.ts'
import { errorResponses, IdParams, ListOf } from '../../schemas/common.ts'
import { findBlockingOrder, listBlockingOrders, type OrderSummary as OrderSummaryRow, type OrderWithEntries } from '../../repositories/blocking-orders.ts'
import { decodeCursor, page, DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import { notFound } from '../../lib/errors.ts'
import { platformScope } from '../../repositories/clients.ts'
import registerExport from './export.ts'

// A liaison may read the orders against its own platform: an order is public toward operators anyway, and it
// tells the platform exactly what to remove for access to be restored. Others' orders answer 404, as notices do.
const READERS = ['authority', 'auditor', 'liaison'] as const

function toSummaryView ({ order, referenceNumber, entryCount, activeEntryCount }: OrderSummaryRow): OrderSummaryView {
  return {
    id: order.id,
    decisionNumber: order.decisionNumber,
    notice: { id: order.noticeId, referenceNumber },
    platform: order.platform as OrderSummaryView['platform'],
    issuingBody: order.issuingBody,
    urgency: order.urgency as OrderSummaryView['urgency'],
    status: order.status as OrderSummaryView['status'],
    decidedAt: order.decidedAt.toISOString(),
    liftedAt: order.liftedAt?.toISOString() ?? null,
    liftReason: order.liftReason,
    updatedAt: order.updatedAt.toISOString(),
    entryCount,
    activeEntryCount
  }
}

function toOrderView (found: OrderWithEntries): OrderView {
  const { entryCount: _count, activeEntryCount: _active, ...summary } = toSummaryView(found)
  return {
    ...summary,
    entries: found.entries.map((e) => ({
      id: e.id,
      noticeItemId: e.noticeItemId,
      blockType: e.blockType as OrderView['entries'][number]['blockType'],
      value: e.value,
      url: e.url,
      includedAt: e.includedAt.toISOString(),
      liftedAt: e.liftedAt?.toISOString() ?? null
    }))
  }
}

const blockingOrders: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/blocking-orders', {
    config: { roles: READERS },
    schema: {
      tags: ['blocking-orders'],
      operationId: 'listBlockingOrders',
      summary: 'List blocking orders in decision order (a liaison sees those against its own platform only)',
      description: 'Each order carries counts of its entries; `GET /v1/blocking-orders/{id}` lists the entries themselves.',
      querystring: ListOrdersQuery,
      response: { 200: ListOf(OrderSummary), ...errorResponses(400, 403) }
    }
  }, async (request) => {
    const { limit = DEFAULT_PAGE_SIZE, cursor, status, platform, updatedSince } = request.query
    const scope = platformScope(request.principal)
    // A liaison asking for another platform gets an empty list, exactly as if that platform had no orders.
    if (scope !== null && platform !== undefined && platform !== scope) return { data: [], nextCursor: null }
    const rows = await listBlockingOrders(db, {
      status,
      platform: scope ?? platform,
      updatedSince: updatedSince ? new Date(updatedSince) : undefined
    }, limit + 1, decodeCursor(cursor))
    const { data, nextCursor } = page(rows.map((r) => ({ ...r, seq: r.order.seq })), limit)
    return { data: data.map(toSummaryView), nextCursor }
  })

  await app.register(registerExport, { db })

  app.get('/v1/blocking-orders/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['blocking-orders'],
      operationId: 'getBlockingOrder',
      summary: 'One blocking order with its entries, the blocked resources',
      description: 'An entry\'s `liftedAt` is set when the order is lifted: the notice\'s material was removed (access is ' +
        'restored) or the notice was withdrawn. A liaison reads the orders against its own platform; others answer 404.',
      params: IdParams,
      response: { 200: Order, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => {
    const found = await findBlockingOrder(db, request.params.id, platformScope(request.principal))
    if (!found) throw notFound(`blocking order ${request.params.id}`)
    return toOrderView(found)
  })
}

export default blockingOrders
