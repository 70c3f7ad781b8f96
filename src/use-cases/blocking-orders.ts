// Reading blocking orders: authorities and auditors read all, a liaison those against its own platform.
import type { Database } from '../db/index.ts'
import { findBlockingOrder, listBlockingOrders } from '../repositories/blocking-orders.ts'
import type { Principal } from '../repositories/clients.ts'
import type { OrderSummaryView, OrderView } from '../schemas/blocking-orders.ts'
import { notFound } from '../lib/errors.ts'
import { decodeCursor, page } from '../lib/pagination.ts'
import { toOrderSummaryView, toOrderView } from './blocking-order-views.ts'
import { platformScope } from './scope.ts'

export interface OrderQuery {
  status?: string
  platform?: string
  updatedSince?: string
}

/** One page of orders in decision order, `limit` long, after `cursor`. */
export async function listBlockingOrderViews (
  db: Database, principal: Principal, { status, platform, updatedSince }: OrderQuery, limit: number,
  cursor: string | undefined
): Promise<{ data: OrderSummaryView[], nextCursor: string | null }> {
  const scope = platformScope(principal)
  // A liaison asking for another platform gets an empty list, exactly as if that platform had no orders.
  if (scope !== null && platform !== undefined && platform !== scope) return { data: [], nextCursor: null }
  const rows = await listBlockingOrders(db, {
    status,
    platform: scope ?? platform,
    updatedSince: updatedSince ? new Date(updatedSince) : undefined
  }, limit + 1, decodeCursor(cursor))
  const { data, nextCursor } = page(rows.map((r) => ({ ...r, seq: r.order.seq })), limit)
  return { data: data.map(toOrderSummaryView), nextCursor }
}

/** Others' orders answer 404 to a liaison, as notices do. */
export async function getBlockingOrder (db: Database, principal: Principal, id: string): Promise<OrderView> {
  const found = await findBlockingOrder(db, id, platformScope(principal))
  if (!found) throw notFound(`blocking order ${id}`)
  return toOrderView(found)
}
