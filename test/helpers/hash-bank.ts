// Fixtures for the hash-bank tests: removed notices with hashes, reference vectors, bit flips.
import fs from 'node:fs'
import type { TestContext } from '../helper.ts'
import { addNoticeHashesToBank } from '../../src/use-cases/hash-bank/notice-entries.ts'
import { pdqVariantsFromHash } from '../../src/domain/matching/pdq-orientations.ts'
import { eventually } from './eventually.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { PDQ_VECTORS } from './vectors.ts'

export const VECTORS = PDQ_VECTORS

export interface Vector { file: string, pdq: string, quality: number, sha256: string, md5: string }

export const vectors: Vector[] = fs.readFileSync(new URL('expected.tsv', VECTORS), 'utf8').trim().split('\n').slice(1)
  .map((line) => {
    const [file, pdq, quality, sha256, md5] = line.split('\t')
    return { file, pdq, quality: Number(quality), sha256, md5 }
  })

export const vector = (file: string): Vector => vectors.find((v) => v.file === file) as Vector
export const vectorBytes = (file: string): Buffer => fs.readFileSync(new URL(file, VECTORS))

/** Flips the given bit positions (0..255) of a hex hash. */
export function flipBits (hex: string, positions: number[]): string {
  const digits = hex.split('').map((d) => parseInt(d, 16))
  for (const p of positions) digits[63 - (p >> 2)] ^= 1 << (p & 3)
  return digits.map((d) => d.toString(16)).join('')
}

let nextUrl = 1

/** Submits a report of one item on the platform, moves its notice to `status`, and banks the item's hashes. */
export async function removedNotice (
  ctx: TestContext, authorityKey: string,
  options: { platform?: 'telegram' | 'tiktok', hashes?: Record<string, string>, status?: string, bank?: boolean, contentType?: string } = {}
): Promise<{ noticeId: string, itemId: string, referenceNumber: string, added: number }> {
  const n = nextUrl++
  const url = options.platform === 'tiktok' ? `https://www.tiktok.com/@someone/video/7${String(n).padStart(18, '0')}` : `https://t.me/bankfixture/${n}`
  const res = await ctx.call(authorityKey, {
    method: 'POST',
    url: '/v1/reports',
    payload: reportPayload(
      [{ url, contentType: options.contentType ?? 'image', ...(options.hashes ? { hashes: options.hashes } : {}) }],
      { externalRef: `HB-${n}`, statementOfReasons: 'Propaganda video.' }
    )
  })
  if (res.statusCode !== 201) throw new Error(`report failed: ${res.statusCode} ${res.body}`)
  const report = res.json()
  const notice = report.notices[0]
  const status = options.status ?? 'removed'
  await ctx.pool.query('update notices set status = $2 where id = $1', [notice.id, status])
  const added = options.bank === false ? 0 : await addNoticeHashesToBank(ctx.db, notice.id)
  // Banked behind the app's back: wait for the app's index to take the change (its poll sees a commit once every
  // older transaction of this database has finished, and the app's background work may hold one briefly).
  const pdq = options.hashes?.pdq
  if (added > 0 && pdq !== undefined) {
    const index = ctx.app.hashBankIndex
    await index.start()
    await eventually(async () => {
      await index.refresh()
      return index.query(pdqVariantsFromHash(pdq.toLowerCase())).length > 0
    })
  }
  const ref = await ctx.pool.query('select reference_number from notices where id = $1', [notice.id])
  return { noticeId: notice.id, itemId: report.items[0].id, referenceNumber: ref.rows[0].reference_number, added }
}

/**
 * A video-bank test's context: the app, an authority and two liaisons (Telegram's and TikTok's), and a wait until
 * the process's matching index holds `n` videos.
 */
export async function videoBankContext (ctx: TestContext) {
  const index = ctx.app.hashBankIndex
  return {
    authority: await ctx.clientKey('authority'),
    telegram: await ctx.clientKey('liaison', 'telegram'),
    tiktok: await ctx.clientKey('liaison', 'tiktok'),
    index,
    waitForVideos: async (n: number): Promise<void> => {
      await index.start()
      await eventually(async () => { await index.refresh(); return index.videoCount === n })
    }
  }
}
