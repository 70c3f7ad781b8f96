// Letterboxed and pillarboxed copies of a removed video, end to end with real videos: the media endpoint gives each
// barred frame a trimmedHash beside the reference's hash, a report keeps it, a removed notice banks the trimmed
// frames as a second entry (labelled trimmed), and a letterboxed copy hashed and reported through the API is then
// flagged as a re-upload citing the first notice. Also: uploaded videos banked with their trimmed frames, what a
// liaison sees, the changes feed, and retirement when the notice is withdrawn.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import t from 'tap'
import { build } from '../helper.ts'
import { removedNotice, videoBankContext } from '../helpers/hash-bank.ts'
import { resolveFfmpeg } from '../../src/media/ffmpeg.ts'
import { hashVideoFile } from '../../src/media/hash-video.ts'
import { vpdqDigest } from '../../src/domain/matching/vpdq-match.ts'
import { trimmedHashes } from '../../src/domain/matching/vpdq.ts'
import type { VpdqFeature } from '../../src/domain/matching/vpdq-types.ts'
import { BANKED_VIDEO_DERIVATION, DENSE_LABEL } from '../../src/domain/matching/vpdq-derive.ts'
import { vpdqVector } from '../helpers/vectors.ts'

// The sample is pillarboxed already (bars left and right); its copy is letterboxed on top of that.
const SAMPLE = vpdqVector('videos/chair-orig-22-sd-bar.mp4')
const LETTERBOX = 'pad=iw:trunc(ih*1.4/2)*2:0:(oh-ih)/2:black'

const report = (ref: string, url: string, features: unknown) => ({
  externalRef: ref,
  category: 'terrorism',
  legalBasis: 'kz-online-platforms-9',
  statementOfReasons: 'Propaganda video.',
  urgency: 'normal',
  items: [{ url, contentType: 'video', hashes: { vpdq: { features } } }]
})
const plainOf = (features: VpdqFeature[]): VpdqFeature[] => features.map(({ trimmedHash: _, trimmedQuality: __, ...f }) => f)

t.test('letterboxed copies of a removed video', async (t) => {
  const tools = await resolveFfmpeg()
  if (tools === undefined) throw new Error('ffmpeg is needed for this test (Debian: apt-get install ffmpeg)')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpdq-borders-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const encode = (name: string, filters: string[]): string => {
    const file = path.join(dir, name)
    execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', SAMPLE, '-t', '6', ...filters, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', file])
    return file
  }
  const original = encode('original.mp4', [])
  const letterboxed = encode('letterboxed.mp4', ['-vf', LETTERBOX])

  const ctx = await build(t)
  const { call } = ctx
  const { authority, telegram, tiktok, waitForVideos } = await videoBankContext(ctx)
  const hashThroughApi = async (file: string): Promise<VpdqFeature[]> => {
    const res = await call(authority, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'video/mp4' }, payload: fs.readFileSync(file) })
    if (res.statusCode !== 200) throw new Error(`hash: ${res.statusCode} ${res.body}`)
    return res.json().vpdq.features
  }
  const match = async (key: string, features: unknown) => {
    const res = await call(key, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'vpdq', value: { features } }] } })
    if (res.statusCode !== 200) throw new Error(`match: ${res.statusCode} ${res.body}`)
    return res.json().results[0].matches
  }

  const first = await hashThroughApi(original)
  const copy = await hashThroughApi(letterboxed)

  t.test('the media endpoint answers a trimmedHash for barred frames, and the reference\'s hash as it was', async (t) => {
    t.ok(copy.length >= 5 && copy.every((f) => /^[0-9a-f]{64}$/.test(f.trimmedHash ?? '') && f.trimmedHash !== f.hash && Number.isInteger(f.trimmedQuality)), 'every frame of the letterboxed copy, with its quality')
    t.same(plainOf(copy), (await hashVideoFile(letterboxed, { tools })).features, 'hash, quality, frame and time bit for bit as the reference hashes them')
    t.ok(first.every((f) => f.trimmedHash !== undefined), 'the pillarboxed original too')
  })

  const reported = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('B-1', 'https://t.me/bars_channel/1', first) })
  t.equal(reported.statusCode, 201, reported.body)
  const firstNotice = reported.json().notices[0]
  t.same(reported.json().items[0].hashes.vpdq, {
    value: vpdqDigest(first), featureCount: first.length, trimmedValue: vpdqDigest(trimmedHashes(first))
  }, 'the report names both bank entries the video becomes')

  t.test('a removed notice banks the video twice: its frames, and its frames without borders (labelled trimmed)', async (t) => {
    const read = await call(telegram, { method: 'GET', url: `/v1/notices/${firstNotice.id}` })
    const removed = await call(telegram, { method: 'POST', url: `/v1/notices/${firstNotice.id}/transitions`, headers: { 'if-match': read.headers.etag as string }, payload: { action: 'remove' } })
    t.equal(removed.json().status, 'removed', removed.body)
    const banked = await ctx.pool.query("select value, labels from hash_bank_entries where notice_id = $1 and type = 'vpdq' order by seq", [firstNotice.id])
    t.same(banked.rows, [{ value: vpdqDigest(first), labels: [] }, { value: vpdqDigest(trimmedHashes(first)), labels: ['trimmed'] }])
    await waitForVideos(2)
    const feed = await call(authority, { method: 'GET', url: '/v1/hash-bank/changes?type=vpdq' })
    t.match(feed.json().data.map((c: { change: string, entry: unknown }) => c), [
      { change: 'added', entry: { value: vpdqDigest(first), labels: [] } },
      { change: 'added', entry: { value: vpdqDigest(trimmedHashes(first)), labels: ['trimmed'], notice: { referenceNumber: firstNotice.referenceNumber } } }
    ], 'the trimmed entry is in the changes feed like any entry')
  })

  t.test('the letterboxed copy matches only through its trimmed frames, once per entry', async (t) => {
    t.same(await match(authority, plainOf(copy)), [], 'its frames as they are (what HMA compares) miss it')
    const found = await match(authority, copy)
    t.match(found, [{ kind: 'vpdq', bordersTrimmed: true, orientation: 'original', labels: ['trimmed'], notice: { referenceNumber: firstNotice.referenceNumber } }])
    t.equal(found.length, 1)
    t.ok(found[0].queryMatchPercent >= 80, `${found[0].queryMatchPercent}%`)
    const itself = await match(authority, first)
    t.same(itself.map((m: { labels: string[], bordersTrimmed: boolean, queryMatchPercent: number }) => [m.labels, m.bordersTrimmed, m.queryMatchPercent]),
      [[[], false, 100], [['trimmed'], true, 100]], 'the original matches both its entries, each with the frames that fit it')
  })

  t.test('a liaison sees a trimmed match, with the notice only for its own platform', async (t) => {
    t.match(await match(telegram, copy), [{ bordersTrimmed: true, labels: ['trimmed'], notice: { referenceNumber: firstNotice.referenceNumber } }])
    const other = await match(tiktok, copy)
    t.match(other, [{ bordersTrimmed: true, labels: ['trimmed'], category: 'terrorism', notice: null }])
  })

  t.test('the letterboxed copy hashed and reported through the API is flagged as a re-upload of the first notice', async (t) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('B-2', 'https://t.me/elsewhere_bars/2', copy) })
    t.equal(res.statusCode, 201, res.body)
    const item = res.json().items[0]
    t.match(item.reupload, { matches: [{ kind: 'vpdq', bordersTrimmed: true, notice: { referenceNumber: firstNotice.referenceNumber } }], notices: [{ referenceNumber: firstNotice.referenceNumber }] })
    const notice = await call(authority, { method: 'GET', url: `/v1/notices/${res.json().notices[0].id}` })
    t.equal(notice.json().urgency, 'urgent')
    t.same(notice.json().reuploadOf, [firstNotice.referenceNumber])
  })

  t.test('an uploaded video is banked with its trimmed frames too', async (t) => {
    const notice = await removedNotice(ctx, authority, { contentType: 'video', bank: false })
    const res = await call(authority, {
      method: 'POST', url: `/v1/hash-bank/media?noticeId=${notice.noticeId}&itemId=${notice.itemId}`, headers: { 'content-type': 'video/mp4' }, payload: fs.readFileSync(letterboxed)
    })
    t.equal(res.statusCode, 201, res.body)
    const body = res.json()
    t.same(plainOf(body.vpdq.features), plainOf(copy))
    const entries = body.entries as Array<{ type: string, labels: string[], value: string, features?: VpdqFeature[] }>
    // The hashes derived from its pixels (crops, dense frames) are entries of their own besides (see vpdq-derive).
    const derived = (e: { labels: string[] }): boolean => e.labels.some((l) => l.startsWith('crop:') || l === DENSE_LABEL)
    t.same(entries.filter((e) => !derived(e)).map((e) => [e.type, e.labels, e.type === 'vpdq' ? e.value : '']), [
      ['sha256', [], ''], ['md5', [], ''], ['vpdq', [], vpdqDigest(copy)], ['vpdq', ['trimmed'], vpdqDigest(trimmedHashes(copy))]
    ])
    t.equal(entries.filter(derived).length, BANKED_VIDEO_DERIVATION.cropPercents.length + 1)
    t.notOk(entries.some((e) => e.features?.some((f) => 'trimmedHash' in f || 'trimmedQuality' in f)), 'an entry\'s features are one list of hashes')
    await waitForVideos(4 + BANKED_VIDEO_DERIVATION.cropPercents.length + 1)
  })

  t.test('a video without bars is banked once, and its letterboxed copy matches that entry through its trimmed frames', async (t) => {
    // A dark, flat picture: its borders must not be taken for bars, nor its flat frames matched on the bars' edges.
    const doorknob = vpdqVector('videos/doorknob-hd-no-bar.mp4')
    const boxed = path.join(dir, 'doorknob-letterboxed.mp4')
    execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', doorknob, '-vf', LETTERBOX, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', boxed])
    const plain = await hashThroughApi(doorknob)
    t.notOk(plain.some((f) => 'trimmedHash' in f), 'no frame of the original has bars')
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('B-3', 'https://t.me/doorknobs/3', plain) })
    t.equal(res.statusCode, 201, res.body)
    const notice = res.json().notices[0]
    const read = await call(telegram, { method: 'GET', url: `/v1/notices/${notice.id}` })
    await call(telegram, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, headers: { 'if-match': read.headers.etag as string }, payload: { action: 'remove' } })
    const banked = await ctx.pool.query("select labels from hash_bank_entries where notice_id = $1 and type = 'vpdq'", [notice.id])
    t.same(banked.rows, [{ labels: [] }], 'one video entry: there are no trimmed frames to add')
    await waitForVideos(5 + BANKED_VIDEO_DERIVATION.cropPercents.length + 1)
    const copyOfIt = await hashThroughApi(boxed)
    t.same(await match(authority, plainOf(copyOfIt)), [], 'its frames as they are miss it')
    t.match(await match(authority, copyOfIt), [{ bordersTrimmed: true, labels: [], notice: { referenceNumber: notice.referenceNumber } }])
  })

  t.test('withdrawing the removed notice retires both its video entries', async (t) => {
    const res = await call(authority, { method: 'POST', url: `/v1/notices/${firstNotice.id}/transitions`, headers: { 'if-match': (await call(authority, { method: 'GET', url: `/v1/notices/${firstNotice.id}` })).headers.etag as string }, payload: { action: 'withdraw', reason: 'Issued in error.' } })
    t.equal(res.statusCode, 200, res.body)
    const live = await ctx.pool.query("select count(*)::int as n from hash_bank_entries where notice_id = $1 and type = 'vpdq' and retired_at is null", [firstNotice.id])
    t.equal(live.rows[0].n, 0)
    t.notOk((await match(authority, copy)).some((m: { notice: { id: string } | null }) => m.notice?.id === firstNotice.id), 'no longer matched')
    await waitForVideos(3 + BANKED_VIDEO_DERIVATION.cropPercents.length + 1)
  })
})
