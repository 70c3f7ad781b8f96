// Reads access-restriction (blocking) orders, their entries, and the operators' register of blocked resources.
import { and, asc, eq, gt, gte, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Database, Executor } from '../db/index.ts'
import { blockingOrders, blockingOrderEntries, noticeItems, notices } from '../db/schema.ts'
import type { BlockType, Register } from '../domain/notices/blocking-order-export.ts'
import type { Urgency } from '../domain/vocabulary.ts'

export type BlockingOrderRow = typeof blockingOrders.$inferSelect
export type BlockingOrderEntryRow = typeof blockingOrderEntries.$inferSelect

export interface OrderSummary {
  order: BlockingOrderRow
  referenceNumber: string
  entryCount: number
  activeEntryCount: number
}

export interface OrderWithEntries extends OrderSummary {
  entries: Array<BlockingOrderEntryRow & { url: string }>
}

export interface OrderFilters {
  status?: string
  platform?: string
  updatedSince?: Date
}

const summaryColumns = {
  order: blockingOrders,
  referenceNumber: notices.referenceNumber,
  entryCount: sql<number>`(select count(*)::int from ${blockingOrderEntries} e where e.order_id =
    ${blockingOrders.id})`,
  activeEntryCount: sql<number>`(select count(*)::int from ${blockingOrderEntries} e where e.order_id =
    ${blockingOrders.id} and e.lifted_at is null)`
}

export async function listBlockingOrders (
  db: Executor, filters: OrderFilters, limit: number, afterSeq: number | null
): Promise<OrderSummary[]> {
  const conditions: SQL[] = []
  if (filters.status !== undefined) conditions.push(eq(blockingOrders.status, filters.status))
  if (filters.platform !== undefined) conditions.push(eq(blockingOrders.platform, filters.platform))
  if (filters.updatedSince !== undefined) conditions.push(gte(blockingOrders.updatedAt, filters.updatedSince))
  if (afterSeq !== null) conditions.push(gt(blockingOrders.seq, afterSeq))
  return db.select(summaryColumns)
    .from(blockingOrders)
    .innerJoin(notices, eq(notices.id, blockingOrders.noticeId))
    .where(and(...conditions))
    .orderBy(asc(blockingOrders.seq))
    .limit(limit)
}

/** A liaison's platform scopes the read: another platform's order is simply not found. */
export async function findBlockingOrder (
  db: Executor, id: string, platform: string | null
): Promise<OrderWithEntries | null> {
  const where = platform === null
    ? eq(blockingOrders.id, id)
    : and(
      eq(blockingOrders.id, id), eq(blockingOrders.platform, platform)
    )
  const [found] = await db.select(summaryColumns)
    .from(blockingOrders)
    .innerJoin(notices, eq(notices.id, blockingOrders.noticeId))
    .where(where)
    .limit(1)
  if (!found) return null
  const entries = await db.select({ entry: blockingOrderEntries, url: noticeItems.url })
    .from(blockingOrderEntries)
    .innerJoin(noticeItems, eq(noticeItems.id, blockingOrderEntries.noticeItemId))
    .where(eq(blockingOrderEntries.orderId, id))
    .orderBy(asc(noticeItems.position), asc(blockingOrderEntries.id))
  return { ...found, entries: entries.map((e) => ({ ...e.entry, url: e.url })) }
}

/**
 * Without `since`, the entries in force now; with it, every entry included or lifted at or after it, so that
 * operators learn of restorations. One snapshot, so the register time and the entries agree.
 */
export async function readRegister (db: Database, since: Date | null): Promise<Register> {
  return db.transaction(async (tx) => {
    const [{ updatedAt }] = await tx.select({
      updatedAt: sql<Date | null>`greatest(max(${blockingOrderEntries.includedAt}),
        max(${blockingOrderEntries.liftedAt}))`
        .mapWith(blockingOrderEntries.includedAt)
    }).from(blockingOrderEntries)
    const where = since === null
      ? isNull(blockingOrderEntries.liftedAt)
      : or(gte(blockingOrderEntries.includedAt, since), gte(blockingOrderEntries.liftedAt, since))
    const rows = await tx.select({
      id: blockingOrderEntries.id,
      orderId: blockingOrderEntries.orderId,
      includedAt: blockingOrderEntries.includedAt,
      urgency: blockingOrders.urgency,
      blockType: blockingOrderEntries.blockType,
      value: blockingOrderEntries.value,
      decisionNumber: blockingOrders.decisionNumber,
      decidedAt: blockingOrders.decidedAt,
      org: blockingOrders.issuingBody,
      liftedAt: blockingOrderEntries.liftedAt
    })
      .from(blockingOrderEntries)
      .innerJoin(blockingOrders, eq(blockingOrders.id, blockingOrderEntries.orderId))
      .innerJoin(noticeItems, eq(noticeItems.id, blockingOrderEntries.noticeItemId))
      .where(where)
      // Entries of one order share their inclusion time; the order and the items' own order break the tie.
      .orderBy(
        asc(blockingOrderEntries.includedAt), asc(blockingOrders.seq), asc(noticeItems.position),
        asc(blockingOrderEntries.id)
      )
    return {
      updatedAt: updatedAt ?? null,
      since,
      entries: rows.map((r) => ({
        id: r.id,
        orderId: r.orderId,
        includedAt: r.includedAt,
        urgency: r.urgency as Urgency,
        blockType: r.blockType as BlockType,
        value: r.value,
        decision: { number: r.decisionNumber, decidedAt: r.decidedAt, org: r.org },
        liftedAt: r.liftedAt
      }))
    }
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' })
}
