// Banking removed media an authority uploads for a notice: an image's digests, PDQ and the PDQ of central crops,
// or a video's digests, vPDQ and the vPDQ of its central crops and of denser frames.
import type { Database } from '../../db/index.ts'
import type { HashKind, NoticeStatus } from '../../domain/vocabulary.ts'
import { MATERIAL_ACTED_ON_STATUSES } from '../../domain/notices/notice-lifecycle.ts'
import { BANKED_CROP_PERCENTS, NOTICE_SOURCE, TRIMMED_LABEL, cropLabel } from '../../domain/matching/hash-bank.ts'
import { findNotice } from '../../repositories/notices.ts'
import { entriesOfNoticeItem, insertEntries, type NewEntry } from '../../repositories/hash-bank.ts'
import type { HashBankIndex } from '../../hash-bank/index-service.ts'
import type { Principal } from '../../repositories/clients.ts'
import { appendAudit } from '../../repositories/audit.ts'
import { createdAnswer, storeAnswer, type IdempotencyClaim } from '../../repositories/idempotency.ts'
import { AppError, notFound } from '../../lib/errors.ts'
import { encodeFeatures, normaliseFeatures, vpdqDigest } from '../../domain/matching/vpdq-match.ts'
import { bordersTrimmed } from '../../domain/matching/vpdq.ts'
import type { VpdqFeature } from '../../domain/matching/vpdq-types.ts'
import type { BankedMediaView } from '../../schemas/hash-bank.ts'
import { BANKED_VIDEO_DERIVATION } from '../../domain/matching/vpdq-derive.ts'
import { hashImageUpload, hashSpooledVideoForBank, SpooledVideo } from '../media-hashes.ts'
import type { MediaHasher } from '../../media/hash-pool.ts'
import { toEntryView } from './views.ts'

/** The bank holds removed material: a notice whose material has not been taken down (or blocked) yet has none. */
export const BANKABLE_STATUSES: readonly NoticeStatus[] = MATERIAL_ACTED_ON_STATUSES

/**
 * PDQ does not survive cropping (5% off each border moves it 48-120 bits), so beside the image's own hashes the bank
 * keeps the PDQ of eight central crops (96% down to 70%, BANKED_CROP_PERCENTS), labelled crop:<n>; a cropped re-upload
 * then lands near one of them. The image is decoded in memory (on a hashing thread) and dropped: only hashes are
 * stored. A video is banked as its digests and its vPDQ (a `vpdq` entry), hashed on a hashing thread from its temporary
 * file, and, when its frames have uniform borders, the vPDQ of its frames without them (a second `vpdq` entry, labelled
 * trimmed); from the same decoded frames, as for images, further vpdq entries: central crops of every kept frame
 * (crop:<n>) and every frame within 0.1 s of a kept one (dense), for cropped and re-timed re-uploads
 * (BANKED_VIDEO_DERIVATION).
 */
export async function bankNoticeMedia (
  db: Database, bank: HashBankIndex, hasher: MediaHasher, principal: Principal, input: BankMediaInput,
  idempotency: IdempotencyClaim | null = null
): Promise<BankedMediaView> {
  try {
    return await bankMedia(db, bank, hasher, principal, input, idempotency)
  } finally {
    // A video's temporary file goes whatever the answer (the route deletes it too should this never run).
    if (input.body instanceof SpooledVideo) await input.body.discard()
  }
}

/** The body is an image's bytes (Buffer) or a video already written to a temporary file. */
export interface BankMediaInput { noticeId: string, itemId: string | null, body: unknown }

async function bankMedia (
  db: Database, bank: HashBankIndex, hasher: MediaHasher, principal: Principal, input: BankMediaInput,
  idempotency: IdempotencyClaim | null
): Promise<BankedMediaView> {
  const found = await findNotice(db, input.noticeId, null)
  if (!found) throw notFound(`notice ${input.noticeId}`)
  const { notice } = found
  if (input.itemId !== null && !found.items.some((item) => item.id === input.itemId)) {
    throw new AppError('notice_item_not_found', `notice ${notice.referenceNumber} has no item ${input.itemId}`, {
      extra: { errors: [{ pointer: 'querystring:/itemId', detail: 'is not an item of this notice' }] }
    })
  }
  if (!BANKABLE_STATUSES.includes(notice.status as NoticeStatus)) {
    throw new AppError('notice_not_removed',
      `notice ${notice.referenceNumber} is ${notice.status}; material is banked once removed or restricted`, {
        extra: { allowedStatuses: BANKABLE_STATUSES }
      })
  }
  const base = {
    noticeId: notice.id,
    noticeItemId: input.itemId,
    category: notice.category,
    platform: notice.platform,
    source: NOTICE_SOURCE
  }
  const entry = (
    type: HashKind, value: string, quality: number | null, labels: string[]
  ): NewEntry => ({ ...base, type, value, quality, labels })
  let hashes: Pick<BankedMediaView, 'sha256' | 'md5' | 'pdq' | 'vpdq' | 'crops'>
  let rows: NewEntry[]
  let audited: Record<string, unknown>
  if (input.body instanceof SpooledVideo) {
    // A video: its frames are hashed (vPDQ, one a second, and the derived hashes) in one decoding pass on a hashing
    // thread from the temporary file, deleted after.
    const video = input.body
    const { vpdq, derived } = await hashSpooledVideoForBank(hasher, video, BANKED_VIDEO_DERIVATION)
    const videoEntry = (frames: VpdqFeature[], labels: string[]): NewEntry => {
      const features = normaliseFeatures(frames)
      return {
        ...base,
        type: 'vpdq',
        value: vpdqDigest(features),
        quality: null,
        features: Buffer.from(encodeFeatures(features)),
        labels
      }
    }
    const plain = videoEntry(vpdq.features, [])
    const trimmed = bordersTrimmed(vpdq.features)
    rows = [
      entry('sha256', video.sha256, null, []),
      entry('md5', video.md5, null, []),
      plain,
      // Its frames without their bars too: a copy with other bars, or none, is then matched (see bordersTrimmed).
      ...(trimmed === null ? [] : [videoEntry(trimmed, [TRIMMED_LABEL])]),
      ...derived.map((d) => videoEntry(d.features, d.labels))
    ]
    hashes = { sha256: video.sha256, md5: video.md5, vpdq, crops: [] }
    audited = { sha256: video.sha256, md5: video.md5, vpdq: plain.value }
  } else {
    // Decoding and the nine PDQ hashes run on a hashing thread; the event loop only waits.
    const { sha256, md5, pdq: full, crops } = await hashImageUpload(hasher, input.body, BANKED_CROP_PERCENTS)
    rows = [
      entry('sha256', sha256, null, []),
      entry('md5', md5, null, []),
      entry('pdq', full.hash, full.quality, []),
      ...crops.map((c) => entry('pdq', c.hash, c.quality, [cropLabel(c.percent)]))
    ]
    hashes = { sha256, md5, pdq: { hash: full.hash, quality: full.quality }, crops }
    audited = { sha256, md5, pdq: full.hash }
  }
  const viewer = { role: principal.role, platform: principal.platform }
  const banked = await db.transaction(async (tx) => {
    const added = await insertEntries(tx, rows)
    // A repeat upload of the same media adds nothing and leaves no trace.
    if (added > 0) {
      await appendAudit(tx, principal, {
        action: 'hash-bank.media-banked',
        targetType: 'notice',
        targetId: notice.id,
        change: {
          itemId: input.itemId, ...audited, added
        }
      })
    }
    const entries = await entriesOfNoticeItem(tx, notice.id, input.itemId)
    const view: BankedMediaView = {
      ...hashes, noticeId: notice.id, itemId: input.itemId, entries: entries.map((row) => toEntryView(row, viewer))
    }
    // A retry after a crash replays this answer: it commits with the entries it lists.
    if (idempotency) await storeAnswer(tx, idempotency, createdAnswer(null, view))
    return view
  })
  await bank.refresh().catch(() => 0)
  return banked
}
