// What the notice lifecycle calls: bank a removed notice's item hashes, or retire them when a removal is undone.
import type { Executor } from '../../db/index.ts'
import { insertNoticeItemHashes, retireNoticeEntries } from '../../repositories/hash-bank.ts'

/**
 * Call inside the transition's transaction when a notice reaches removed or restricted (or, with `itemIds`, for
 * the items a partial removal took down). Banks each item's SHA-256, MD5, PDQ and vPDQ as its report gave them (and
 * a vPDQ's frames without their borders, labelled trimmed, when it had them), source 'notice', with the notice's
 * category and platform. Idempotent: hashes already banked for an item are skipped.
 * Returns how many entries were added. Other gateway processes match them within their poll interval once the
 * transaction commits; this process too (its index polls the same feed).
 */
export async function addNoticeHashesToBank (tx: Executor, noticeId: string, itemIds?: string[]): Promise<number> {
  if (itemIds !== undefined && itemIds.length === 0) return 0
  return insertNoticeItemHashes(tx, noticeId, itemIds)
}

/**
 * Call inside the transaction that undoes a removal (for example withdrawing a notice after its material was
 * taken down): every live entry the notice contributed, media and crops included, stops matching at once.
 */
export async function retireNoticeHashes (
  tx: Executor, noticeId: string, actorId: string | null, reason: string
): Promise<number> {
  return retireNoticeEntries(tx, noticeId, actorId, reason)
}
