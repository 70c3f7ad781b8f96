// Maps stored audit entries to the chain's entries (what verification hashes) and to the API's audit entry shape.
import type { AuditRow } from '../repositories/audit.ts'
import type { StoredAuditEntry } from '../domain/audit-chain.ts'
import type { AuditEntryView } from '../schemas/audit.ts'

export function toStored (row: AuditRow): StoredAuditEntry {
  return {
    position: row.position!,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    digest: row.digest,
    change: row.change,
    prevHash: row.prevHash,
    hash: row.hash!
  }
}

export function toAuditEntryView (row: AuditRow): AuditEntryView {
  const e = toStored(row)
  return {
    position: e.position,
    at: e.at,
    actor: { id: e.actorId, role: e.actorRole },
    action: e.action,
    target: { type: e.targetType, id: e.targetId },
    change: e.change as Record<string, unknown>,
    digest: e.digest,
    prevHash: e.prevHash,
    hash: e.hash
  }
}
