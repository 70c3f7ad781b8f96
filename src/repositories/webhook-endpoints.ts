// Reads and edits webhook endpoints. Every read is scoped to the client that owns the endpoint.
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { deliveries, webhookEndpoints } from '../db/schema.ts'

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect
export type NewWebhookEndpoint = typeof webhookEndpoints.$inferInsert

/** A sealed signing secret; the current one has no expiry, a previous one signs beside it until `expiresAt`. */
export interface SealedSecret { sealed: string, expiresAt: string | null }

export async function insertEndpoint (db: Executor, endpoint: NewWebhookEndpoint): Promise<WebhookEndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(endpoint).returning()
  return row
}

const owned = (id: string, clientId: string) => and(
  eq(webhookEndpoints.id, id), eq(webhookEndpoints.clientId, clientId), isNull(webhookEndpoints.deletedAt)
)

export async function findOwnEndpoint (db: Executor, id: string, clientId: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db.select().from(webhookEndpoints).where(owned(id, clientId)).limit(1)
  return row ?? null
}

/** Any endpoint, deleted or not (what a delivery needs to go out, or to learn it should not). */
export async function findEndpoint (db: Executor, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1)
  return row ?? null
}

export async function listOwnEndpoints (
  db: Executor, clientId: string, limit: number, afterSeq: number | null
): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints)
    .where(and(
      eq(webhookEndpoints.clientId, clientId), isNull(webhookEndpoints.deletedAt),
      afterSeq === null ? undefined : gt(webhookEndpoints.seq, afterSeq)
    ))
    .orderBy(asc(webhookEndpoints.seq)).limit(limit)
}

/** Applies `changes` at the endpoint's next version; null when it is not the client's (or is deleted). */
export async function updateOwnEndpoint (
  db: Executor, id: string, clientId: string, changes: Partial<NewWebhookEndpoint>
): Promise<WebhookEndpointRow | null> {
  const [row] = await db.update(webhookEndpoints)
    .set({ ...changes, version: sql`${webhookEndpoints.version} + 1`, updatedAt: sql`now()` })
    .where(owned(id, clientId))
    .returning()
  return row ?? null
}

/** Deletes the endpoint (kept for the delivery history) and cancels what was still to go to it. */
export async function deleteOwnEndpoint (db: Executor, id: string, clientId: string): Promise<boolean> {
  const [row] = await db.update(webhookEndpoints)
    .set({ deletedAt: sql`now()`, enabled: false, updatedAt: sql`now()` })
    .where(owned(id, clientId))
    .returning({ id: webhookEndpoints.id })
  if (row === undefined) return false
  await db.update(deliveries).set({ status: 'cancelled', leaseUntil: null, lastError: 'endpoint deleted' })
    .where(and(eq(deliveries.endpointId, id), eq(deliveries.status, 'pending')))
  return true
}
