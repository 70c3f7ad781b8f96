// Banking a removed image an authority uploads for a notice: its digests, its PDQ and the PDQ of central crops.
import type { Database } from '../../db/index.ts'
import type { HashKind } from '../../domain/vocabulary.ts'
import { BANKED_CROP_PERCENTS, NOTICE_SOURCE, cropLabel } from '../../domain/hash-bank.ts'
import { findNotice } from '../../repositories/notices.ts'
import { entriesOfNoticeItem, insertEntries, type NewEntry } from '../../repositories/hash-bank.ts'
import type { HashBankIndex } from '../../hash-bank/index-service.ts'
import type { Principal } from '../../repositories/clients.ts'
import { HttpProblem } from '../../plugins/problems.ts'
import type { BankedMediaView } from '../../schemas/hash-bank.ts'
import { hashImageUpload } from '../media-hashes.ts'
import type { MediaHasher } from '../../media/hash-pool.ts'
import { toEntryView } from './views.ts'

/** The bank holds removed material: a notice whose material has not been taken down (or blocked) yet has none. */
export const BANKABLE_STATUSES = ['removed', 'partially_removed', 'restricted', 'escalated', 'closed'] as const

/**
 * PDQ does not survive cropping (5% off each border moves it 48-120 bits), so beside the image's own hashes the
 * bank keeps the PDQ of eight central crops (96% down to 70%, BANKED_CROP_PERCENTS), labelled crop:<n>; a cropped re-upload then lands near
 * one of them. The image is decoded in memory (on a hashing thread) and dropped: only hashes are stored.
 */
export async function bankNoticeMedia (
  db: Database, bank: HashBankIndex, hasher: MediaHasher, principal: Principal, input: { noticeId: string, itemId: string | null, body: unknown }
): Promise<BankedMediaView> {
  const found = await findNotice(db, input.noticeId, null)
  if (!found) throw new HttpProblem(404, 'Not found', `no notice ${input.noticeId}`)
  const { notice } = found
  if (input.itemId !== null && !found.items.some((item) => item.id === input.itemId)) {
    throw new HttpProblem(422, 'Item not in notice', `notice ${notice.referenceNumber} has no item ${input.itemId}`, {
      errors: [{ pointer: 'querystring:/itemId', detail: 'is not an item of this notice' }]
    })
  }
  if (!(BANKABLE_STATUSES as readonly string[]).includes(notice.status)) {
    throw new HttpProblem(409, 'Not removed yet', `notice ${notice.referenceNumber} is ${notice.status}; material is banked once removed or restricted`, {
      allowedStatuses: BANKABLE_STATUSES
    })
  }
  // Decoding and the nine PDQ hashes run on a hashing thread; the event loop only waits.
  const { sha256, md5, pdq: full, crops } = await hashImageUpload(hasher, input.body, BANKED_CROP_PERCENTS)
  const base = { noticeId: notice.id, noticeItemId: input.itemId, category: notice.category, platform: notice.platform, source: NOTICE_SOURCE }
  const entry = (type: HashKind, value: string, quality: number | null, labels: string[]): NewEntry => ({ ...base, type, value, quality, labels })
  await insertEntries(db, [
    entry('sha256', sha256, null, []),
    entry('md5', md5, null, []),
    entry('pdq', full.hash, full.quality, []),
    ...crops.map((c) => entry('pdq', c.hash, c.quality, [cropLabel(c.percent)]))
  ])
  await bank.refresh().catch(() => 0)
  const viewer = { role: principal.role, platform: principal.platform }
  const entries = await entriesOfNoticeItem(db, notice.id, input.itemId)
  return {
    sha256,
    md5,
    pdq: { hash: full.hash, quality: full.quality },
    noticeId: notice.id,
    itemId: input.itemId,
    crops,
    entries: entries.map((row) => toEntryView(row, viewer))
  }
}
