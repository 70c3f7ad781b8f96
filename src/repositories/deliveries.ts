// The outbox of notice deliveries (e-mail and webhooks): claiming due rows under a lease, recording attempts, and a
// notice's delivery history. Rows are written by a trigger on notice_events (migrations/0018_delivery_outbox.sql).
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { deliveries, deliveryAttempts, webhookEndpoints } from '../db/schema.ts'

export type DeliveryRow = typeof deliveries.$inferSelect
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect

/**
 * Claims up to `limit` due deliveries for `leaseMs`: another worker skips them (SKIP LOCKED), and takes them again
 * only once the lease has run out (a worker killed mid-delivery), so each goes out at least once. Of one notice's
 * deliveries to one target only the earliest still pending is due: a receiver never hears of a later step first.
 * `attempts` is counted up here; the caller's record of the outcome names it, so a worker whose lease ran out
 * cannot overwrite what the next one recorded.
 */
export async function claimDueDeliveries (db: Executor, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  const { rows } = await db.execute(sql`
    with due as (
      select d.id from deliveries d
      where d.status = 'pending' and d.next_attempt_at <= now()
        and (d.lease_until is null or d.lease_until < now())
        and not exists (
          select 1 from deliveries p
          where p.target = d.target and p.notice_id = d.notice_id and p.status = 'pending' and p.id < d.id
        )
      order by d.next_attempt_at, d.id
      limit ${limit}
      for update skip locked
    )
    update deliveries d
    set lease_until = now() + ${leaseMs} * interval '1 millisecond', attempts = d.attempts + 1
    from due where d.id = due.id
    returning d.id`)
  if (rows.length === 0) return []
  const ids = rows.map((r) => Number((r as { id: string | number }).id))
  return db.select().from(deliveries).where(inArray(deliveries.id, ids)).orderBy(asc(deliveries.id))
}

export interface AttemptRecord {
  outcome: 'delivered' | 'retry' | 'failed' | 'refused'
  statusCode?: number
  error?: string
  response?: string
  durationMs: number
  /** retry: when the next attempt is due. */
  nextAttemptAt?: Date
}

/**
 * Records the outcome of the attempt a claim counted. Answers false (and records nothing) when the delivery was
 * claimed again meanwhile (this worker's lease ran out) or is no longer pending.
 */
export async function recordAttempt (db: Executor, row: DeliveryRow, record: AttemptRecord): Promise<boolean> {
  const status = record.outcome === 'delivered'
    ? 'delivered'
    : record.outcome === 'retry' ? 'pending' : 'failed'
  const updated = await db.update(deliveries).set({
    status,
    leaseUntil: null,
    lastError: record.error ?? null,
    ...(record.outcome === 'delivered' ? { deliveredAt: sql`now()` } : {}),
    ...(record.nextAttemptAt !== undefined ? { nextAttemptAt: record.nextAttemptAt } : {})
  }).where(and(eq(deliveries.id, row.id), eq(deliveries.attempts, row.attempts), eq(deliveries.status, 'pending')))
    .returning({ id: deliveries.id })
  if (updated.length === 0) return false
  await db.insert(deliveryAttempts).values({
    deliveryId: row.id,
    attempt: row.attempts,
    outcome: record.outcome,
    statusCode: record.statusCode ?? null,
    error: record.error ?? null,
    response: record.response ?? null,
    durationMs: Math.round(record.durationMs)
  })
  return true
}

export interface DeliveryHistory { delivery: DeliveryRow, attempts: DeliveryAttemptRow[] }

/** A notice's deliveries in the order they were written, each with its attempts. */
export async function noticeDeliveries (db: Executor, noticeId: string): Promise<DeliveryHistory[]> {
  const rows = await db.select().from(deliveries).where(eq(deliveries.noticeId, noticeId)).orderBy(asc(deliveries.id))
  if (rows.length === 0) return []
  const attempts = await db.select().from(deliveryAttempts)
    .where(inArray(deliveryAttempts.deliveryId, rows.map((r) => r.id)))
    .orderBy(asc(deliveryAttempts.deliveryId), asc(deliveryAttempts.attempt))
  return rows.map((delivery) => ({ delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }))
}

/** Puts a delivery back in the queue, due now (redelivery on the authority's request). */
export async function requeueDelivery (db: Executor, deliveryId: string): Promise<DeliveryRow | null> {
  const [row] = await db.update(deliveries)
    .set({ status: 'pending', nextAttemptAt: sql`now()`, leaseUntil: null, deliveredAt: null })
    .where(eq(deliveries.deliveryId, deliveryId))
    .returning()
  return row ?? null
}

/** An endpoint's attempt failed: it is failing since its first failure in a row. Answers since when. */
export async function markEndpointFailing (db: Executor, endpointId: string): Promise<Date | null> {
  const [row] = await db.update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, now())` })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({ failingSince: webhookEndpoints.failingSince })
  return row?.failingSince ?? null
}

export async function markEndpointHealthy (db: Executor, endpointId: string): Promise<void> {
  await db.update(webhookEndpoints).set({ failingSince: null })
    .where(and(eq(webhookEndpoints.id, endpointId), sql`${webhookEndpoints.failingSince} is not null`))
}

/**
 * Disables an endpoint (410 Gone, or failing for too long) and cancels what was still to go to it. Answers false
 * when it was disabled already.
 */
export async function disableEndpoint (db: Executor, endpointId: string, reason: string): Promise<boolean> {
  const [row] = await db.update(webhookEndpoints)
    .set({
      enabled: false, disabledReason: reason, disabledAt: sql`now()`, version: sql`${webhookEndpoints.version} + 1`
    })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id })
  if (row === undefined) return false
  await db.update(deliveries).set({ status: 'cancelled', leaseUntil: null, lastError: `endpoint disabled: ${reason}` })
    .where(and(eq(deliveries.endpointId, endpointId), eq(deliveries.status, 'pending')))
  return true
}
