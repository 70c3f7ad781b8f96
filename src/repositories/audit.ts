// Appends audit entries inside the writer's transaction, and reads the sealed trail.
import { asc, gt, and, isNotNull, lte } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { auditChainHead, auditEntries } from '../db/schema.ts'
import { auditDigest } from '../domain/audit-chain.ts'
import type { Principal } from './clients.ts'

export type AuditRow = typeof auditEntries.$inferSelect

export interface AuditEvent {
  action: string
  targetType: string
  targetId: string
  change: Record<string, unknown>
}

/** A client; the system; or a liaison without a client of its own, acting through a notice's response link. */
export type AuditActor = Pick<Principal, 'id' | 'role'> | { id: null, role: 'system' | 'liaison' }

export function auditRecord (actor: AuditActor, event: AuditEvent) {
  return {
    actorId: actor.id,
    actorRole: actor.role,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    change: event.change,
    digest: auditDigest(event.change)
  }
}

export async function appendAudit (db: Executor, actor: AuditActor, ...events: AuditEvent[]): Promise<void> {
  if (events.length > 0) await db.insert(auditEntries).values(events.map((e) => auditRecord(actor, e)))
}

export async function readAudit (db: Executor, after: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEntries)
    .where(and(isNotNull(auditEntries.position), gt(auditEntries.position, after)))
    .orderBy(asc(auditEntries.position)).limit(limit)
}

export async function readAuditRange (db: Executor, after: number, upTo: number): Promise<AuditRow[]> {
  return db.select().from(auditEntries)
    .where(and(gt(auditEntries.position, after), lte(auditEntries.position, upTo)))
    .orderBy(asc(auditEntries.position))
}

/** The head of the sealed chain: the last position handed out and its hash (position 0 before the first seal). */
export async function readChainHead (db: Executor): Promise<{ position: number, hash: string | null }> {
  const [head] = await db.select({ position: auditChainHead.position, hash: auditChainHead.hash }).from(auditChainHead)
  return head ?? { position: 0, hash: null }
}
