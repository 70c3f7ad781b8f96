// The audit trail's hash chain: each sealed entry's hash covers the previous entry's hash and its own content.
import crypto from 'node:crypto'
import { canonicalJson } from './canonical-json.ts'

export interface AuditFields {
  position: number
  at: string
  actorId: string | null
  actorRole: string
  action: string
  targetType: string
  targetId: string
  digest: string
}

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex')

/** The digest of a change is what the entry commits to; the change itself is kept beside it for reading. */
export function auditDigest (change: unknown): string {
  return sha256(canonicalJson(change))
}

export function chainHash (prevHash: string | null, entry: AuditFields): string {
  return sha256(`${prevHash ?? ''}\n${canonicalJson(entry)}`)
}

export interface StoredAuditEntry extends AuditFields {
  change: unknown
  prevHash: string | null
  hash: string
}

/** Why the chain breaks: the last two are found against the stored head or a kept checkpoint, not in the chain. */
export type ChainBreakReason = 'digest' | 'link' | 'hash' | 'gap' | 'truncated' | 'checkpoint'
export type ChainBreak = { position: number, reason: ChainBreakReason }

/** Walks entries in position order; the first entry whose content, link or hash does not recompute is the break. */
export function verifyChain (
  entries: Iterable<StoredAuditEntry>,
  start: { position: number, hash: string | null } = { position: 0, hash: null }
): { checked: number, lastHash: string | null, broken: ChainBreak | null } {
  let expectedPosition = start.position + 1
  let prev = start.hash
  let checked = 0
  for (const entry of entries) {
    if (entry.position !== expectedPosition) {
      return { checked, lastHash: prev, broken: { position: expectedPosition, reason: 'gap' } }
    }
    if (auditDigest(entry.change) !== entry.digest) {
      return { checked, lastHash: prev, broken: { position: entry.position, reason: 'digest' } }
    }
    if (entry.prevHash !== prev) {
      return { checked, lastHash: prev, broken: { position: entry.position, reason: 'link' } }
    }
    const { change: _change, prevHash: _prev, hash, ...fields } = entry
    if (chainHash(prev, fields) !== hash) {
      return { checked, lastHash: prev, broken: { position: entry.position, reason: 'hash' } }
    }
    prev = hash
    expectedPosition++
    checked++
  }
  return { checked, lastHash: prev, broken: null }
}
