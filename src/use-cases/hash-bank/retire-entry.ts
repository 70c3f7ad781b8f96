// Retiring one bank entry: it stops matching at once; the retirement and its audit entry commit together.
import type { Database } from '../../db/index.ts'
import { notFound } from '../../lib/errors.ts'
import { appendAudit } from '../../repositories/audit.ts'
import type { Principal } from '../../repositories/clients.ts'
import { retireEntry, type EntryWithNotice } from '../../repositories/hash-bank.ts'
import type { HashBankIndex } from '../../hash-bank/index-service.ts'

/** Idempotent: an entry already retired keeps its first retirement, and a repeat writes no audit entry. */
export async function retireBankEntry (
  db: Database, bank: HashBankIndex, by: Principal, id: string, reason: string | null
): Promise<EntryWithNotice> {
  const entry = await db.transaction(async (tx) => {
    const result = await retireEntry(tx, id, by.id, reason)
    if (result === null) return null
    if (result.retiredNow) {
      const { entry } = result
      await appendAudit(tx, by, {
        action: 'hash-bank.entry-retired',
        targetType: 'hash-bank-entry',
        targetId: id,
        change: { type: entry.type, value: entry.value, source: entry.source, reason }
      })
    }
    return result.entry
  })
  if (entry === null) throw notFound(`hash-bank entry ${id}`)
  // This process stops matching it at once; the others within their poll interval.
  await bank.refresh().catch(() => 0)
  return entry
}
