// Row-level writes of a notice transition: lock, update status and items, deadlines, blocking orders.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { notices, noticeItems, blockingOrders, blockingOrderEntries, openNoticeUrls } from '../db/schema.ts'
import type { NoticeRow } from './notices.ts'

/** Locks the notice for the rest of the transaction, so two actions on it cannot interleave. */
export async function lockNotice (tx: Executor, id: string, platform: string | null): Promise<NoticeRow | null> {
  const where = platform === null ? eq(notices.id, id) : and(eq(notices.id, id), eq(notices.platform, platform))
  const [row] = await tx.select().from(notices).where(where).for('update').limit(1)
  return row ?? null
}

export async function itemOutcomes (tx: Executor, noticeId: string): Promise<Array<{
  id: string, outcome: string, canonicalUrl: string
}>> {
  return tx.select({ id: noticeItems.id, outcome: noticeItems.outcome, canonicalUrl: noticeItems.canonicalUrl })
    .from(noticeItems).where(eq(noticeItems.noticeId, noticeId)).orderBy(noticeItems.position)
}

export async function markItemsRemoved (tx: Executor, itemIds: string[], at: Date): Promise<void> {
  if (itemIds.length === 0) return
  await tx.update(noticeItems).set({ outcome: 'removed', outcomeAt: at }).where(inArray(noticeItems.id, itemIds))
}

/**
 * Gives up the notice's claims on its URLs (see open_notice_urls): of the items listed, or of every item when
 * `itemIds` is null. Runs after lockNotice, and locks the claims in the order issuing claims URLs (byte order), so
 * that a report holding some of the same claims as a duplicate cannot close a cycle with it.
 */
export async function releaseNoticeUrls (tx: Executor, noticeId: string, itemIds: string[] | null): Promise<void> {
  if (itemIds !== null && itemIds.length === 0) return
  const which = itemIds === null ? eq(openNoticeUrls.noticeId, noticeId) : inArray(openNoticeUrls.noticeItemId, itemIds)
  await tx.execute(sql`
    delete from ${openNoticeUrls} where ${openNoticeUrls.canonicalUrl} in (
      select ${openNoticeUrls.canonicalUrl} from ${openNoticeUrls} where ${which}
      order by ${openNoticeUrls.canonicalUrl} collate "C" for update)`)
}

export async function updateNoticeState (
  tx: Executor, id: string, changes: { status: string, deadline?: Date, at: Date }
): Promise<NoticeRow> {
  const [row] = await tx.update(notices)
    .set({
      status: changes.status,
      version: sql`${notices.version} + 1`,
      updatedAt: changes.at,
      ...(changes.deadline ? { deadline: changes.deadline } : {})
    })
    .where(eq(notices.id, id))
    .returning()
  return row
}

export async function insertBlockingOrder (
  tx: Executor, order: typeof blockingOrders.$inferInsert, entries: Array<Omit<typeof blockingOrderEntries.$inferInsert,
  'orderId'>>
) {
  const [row] = await tx.insert(blockingOrders).values(order).returning()
  if (entries.length > 0) await tx.insert(blockingOrderEntries).values(entries.map((e) => ({ ...e, orderId: row.id })))
  return row
}

export async function liftBlockingOrders (tx: Executor, noticeId: string, at: Date, reason: string): Promise<string[]> {
  const lifted = await tx.update(blockingOrders)
    .set({ status: 'lifted', liftedAt: at, liftReason: reason, updatedAt: at })
    .where(and(eq(blockingOrders.noticeId, noticeId), eq(blockingOrders.status, 'active')))
    .returning({ id: blockingOrders.id })
  const ids = lifted.map((r) => r.id)
  if (ids.length > 0) {
    await tx.update(blockingOrderEntries).set({ liftedAt: at })
      .where(and(inArray(blockingOrderEntries.orderId, ids), sql`${blockingOrderEntries.liftedAt} is null`))
  }
  return ids
}

export interface DeliveryCandidate {
  id: string
  /** The version the reader saw; the notice is delivered only if it still has it (and is still deliverable). */
  version: number
  /** The audit entry's change and its digest, as appendAudit would store them. */
  change: Record<string, unknown>
  digest: string
}

export interface Delivered { id: string, version: number, updatedAt: Date }

/**
 * Delivers a page of notices in one statement: moves those still in `from` (at the version the reader saw, on the
 * reader's platform) to `to`, and writes each one's event and audit entry, in the page's order. A notice another
 * read delivered first is left out of the answer.
 */
export async function deliverNotices (
  tx: Executor, candidates: DeliveryCandidate[], transition: { from: readonly string[], to: string, action: string },
  actor: { id: string, role: string, platform: string }, at: Date
): Promise<Delivered[]> {
  if (candidates.length === 0) return []
  const page = JSON.stringify(candidates.map((c, ord) => ({ ...c, ord })))
  const from = sql.join(transition.from.map((s) => sql`${s}`), sql`, `)
  const result = await tx.execute<{ id: string, version: number, updated_at: string | Date }>(sql`
    with page as (
      select * from jsonb_to_recordset(${page}::jsonb) as p(id uuid, version int, change jsonb, digest text, ord int)
    ), delivered as (
      update notices n set status = ${transition.to}, version = n.version + 1, updated_at = ${at}
      from page p
      where n.id = p.id and n.version = p.version and n.platform = ${actor.platform} and n.status in (${from})
      returning n.id, n.platform, n.version, n.updated_at
    ), events as (
      insert into notice_events (notice_id, platform, type, action, from_status, to_status, version, actor_id,
        actor_role, at)
      select d.id, d.platform, 'notice.transitioned', ${transition.action}, p.change ->> 'from', ${transition.to},
        d.version,
        ${actor.id}::uuid, ${actor.role}, ${at}
      from delivered d join page p on p.id = d.id
      order by p.ord
    ), audit as (
      insert into audit_entries (actor_id, actor_role, action, target_type, target_id, change, digest)
      select ${actor.id}::uuid, ${actor.role}, ${'notice.' + transition.action}, 'notice', d.id::text, p.change,
        p.digest
      from delivered d join page p on p.id = d.id
      order by p.ord
    )
    select id, version, updated_at from delivered`)
  return result.rows.map((r) => ({ id: r.id, version: Number(r.version), updatedAt: new Date(r.updated_at) }))
}
