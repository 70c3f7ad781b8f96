// Verifies the audit trail's hash chain, against its stored head and optionally a checkpoint kept outside.
import type { Database } from '../db/index.ts'
import { readAudit, readAuditRange, readChainHead } from '../repositories/audit.ts'
import { listSigningKeys } from '../repositories/notices.ts'
import { verifyChain, type ChainBreak } from '../domain/audit-chain.ts'
import { CHECKPOINT_TYPE, verifyStatement, type NoticeSigner } from '../signing/notice-signer.ts'
import { AppError } from '../lib/errors.ts'
import type { AuditPageView } from '../schemas/audit.ts'
import { toAuditEntryView, toStored } from './audit-views.ts'

const VERIFY_PAGE = 5_000

export interface Checkpoint {
  position: number
  hash: string | null
  at: string
}

export interface Verification {
  intact: boolean
  checked: number
  firstBroken: ChainBreak | null
  checkpoint: (Checkpoint & { reached: boolean }) | null
}

/**
 * Up to `limit` sealed entries after `after`, in position order; `lastPosition` stays at `after` when nothing is new.
 */
export async function readAuditEntries (db: Database, after: number, limit: number): Promise<AuditPageView> {
  const rows = await readAudit(db, after, limit)
  return { data: rows.map(toAuditEntryView), lastPosition: rows.length > 0 ? rows[rows.length - 1].position! : after }
}

/**
 * A signed statement of the chain's head, for an auditor to keep outside the database: whoever can rewrite the
 * database (the owner can disable the guards) cannot make a kept checkpoint agree with a chain that lost its tail.
 */
export async function latestCheckpoint (
  db: Database, signer: NoticeSigner
): Promise<Checkpoint & { checkpoint: string }> {
  const head = await readChainHead(db)
  const statement: Checkpoint = { position: head.position, hash: head.hash, at: new Date().toISOString() }
  return { ...statement, checkpoint: await signer.signStatement(CHECKPOINT_TYPE, statement) }
}

async function readCheckpoint (db: Database, jws: string): Promise<Checkpoint> {
  const payload = verifyStatement(jws, CHECKPOINT_TYPE, await listSigningKeys(db)) as Partial<Checkpoint> | null
  const wellFormed = payload !== null && typeof payload === 'object' &&
    Number.isSafeInteger(payload.position) && payload.position! >= 0 &&
    (payload.hash === null || typeof payload.hash === 'string') && typeof payload.at === 'string'
  if (!wellFormed) {
    throw new AppError('checkpoint_not_accepted',
      'the checkpoint is not an audit checkpoint signed by one of this gateway\'s keys', {
        extra: { errors: [{ pointer: '/checkpoint', detail: 'signature does not verify, or not an audit checkpoint' }] }
      })
  }
  return payload as Checkpoint
}

/**
 * Recomputes the chain from the first entry. Besides a changed or missing entry in the middle, it catches a
 * deleted tail two ways: the stored head (which only moves forward) lies past the last entry, or a kept
 * checkpoint's position is missing or holds another hash. The head is read before the walk, so entries sealed
 * meanwhile can only make the chain longer than the head, never shorter.
 */
export async function verifyTrail (db: Database, checkpointJws?: string): Promise<Verification> {
  const checkpoint = checkpointJws === undefined ? null : await readCheckpoint(db, checkpointJws)
  const head = await readChainHead(db)
  let start = { position: 0, hash: null as string | null }
  let checked = 0
  let reached = checkpoint !== null && checkpoint.position === 0 && checkpoint.hash === null
  const answer = (firstBroken: ChainBreak | null): Verification => ({
    intact: firstBroken === null,
    checked,
    firstBroken,
    checkpoint: checkpoint === null
      ? null
      : {
          ...checkpoint, reached
        }
  })
  for (;;) {
    const rows = await readAuditRange(db, start.position, start.position + VERIFY_PAGE)
    const entries = rows.filter((r) => r.position !== null).map(toStored)
    const result = verifyChain(entries, start)
    if (checkpoint !== null && !reached) {
      const at = entries.slice(0, result.checked).find((e) => e.position === checkpoint.position)
      if (at !== undefined) {
        if (at.hash !== checkpoint.hash) return answer({ position: checkpoint.position, reason: 'checkpoint' })
        reached = true
      }
    }
    checked += result.checked
    if (result.broken) return answer(result.broken)
    start = { position: start.position + result.checked, hash: result.lastHash }
    if (rows.length < VERIFY_PAGE) break
  }
  // Entries beyond a missing stretch are a gap; nothing beyond it, while the head or checkpoint lies further, a cut
  // tail.
  const beyond = await readAudit(db, start.position, 1)
  if (beyond.length > 0) return answer({ position: start.position + 1, reason: 'gap' })
  const expected = Math.max(head.position, checkpoint?.position ?? 0)
  if (start.position < expected) return answer({ position: start.position + 1, reason: 'truncated' })
  return answer(null)
}
