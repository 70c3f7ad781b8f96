// POST /v1/hash-bank/media with a video: banked as its digests and vpdq entries, found again when a re-encoded copy
// is matched; hostile files refused with nothing stored, and no temporary file left whatever the answer.
import t from 'tap'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { makeVideo, smallVideoLimits, videoFolders } from '../helpers/videos.ts'
import { removedNotice, vectorBytes } from '../helpers/hash-bank.ts'
import { sha256Hex, md5Hex } from '../../src/domain/matching/digests.ts'
import { vpdqDigest } from '../../src/domain/matching/vpdq-match.ts'

const run = promisify(execFile)
const { work, uploads, leftInTmp } = await videoFolders(t, 'bank-video')

t.test('banking a removed video', async (t) => {
  const ctx = await build(t, smallVideoLimits(uploads))
  const authority = await ctx.clientKey('authority')
  const liaison = await ctx.clientKey('liaison', 'telegram')
  const bankVideo = (notice: { noticeId: string, itemId?: string }, body: Buffer | string, contentType = 'video/mp4', headers: Record<string, string> = {}) =>
    ctx.call(authority, {
      method: 'POST',
      url: `/v1/hash-bank/media?noticeId=${notice.noticeId}${notice.itemId === undefined ? '' : `&itemId=${notice.itemId}`}`,
      headers: { 'content-type': contentType, ...headers },
      payload: body
    })
  const bankRows = async (): Promise<number> => (await ctx.pool.query<{ n: number }>('select count(*)::int as n from hash_bank_entries')).rows[0].n
  const matchVideo = async (features: unknown) => {
    const res = await ctx.call(liaison, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'vpdq', value: { features } }] } })
    if (res.statusCode !== 200) throw new Error(`match: ${res.statusCode} ${res.body}`)
    return res.json().results[0].matches as Array<{ kind: string, notice: { id: string } | null }>
  }

  const originalFile = await makeVideo(work, 'removed.mp4', { seconds: 4.5, source: 'testsrc=size=160x120:rate=10', extra: ['-movflags', '+faststart'] })
  const original = await readFile(originalFile)

  t.test('a video is banked as sha256, md5 and vpdq (and derived vpdq), and a re-encoded copy then matches it', async (t) => {
    const notice = await removedNotice(ctx, authority, { contentType: 'video', bank: false })
    const res = await bankVideo(notice, original)
    t.equal(res.statusCode, 201, res.body)
    const body = res.json()
    t.equal(body.sha256, sha256Hex(original))
    t.equal(body.md5, md5Hex(original))
    t.notOk('pdq' in body, 'a video answers vpdq, not pdq')
    t.same(body.crops, [])
    t.match(body.vpdq, { secondsPerHash: 1, frameRate: 10 })
    t.same(body.vpdq.features.map((f: { frame: number }) => f.frame), [0, 10, 20, 30, 40])
    const types = body.entries.map((e: { type: string, labels: string[] }) => [e.type, ...e.labels].join(' ')).sort()
    t.same(types, ['md5', 'sha256', 'vpdq', 'vpdq crop:82', 'vpdq crop:86', 'vpdq crop:90', 'vpdq crop:94', 'vpdq dense'], 'its vPDQ and the hashes derived from it')
    const video = body.entries.find((e: { type: string, labels: string[] }) => e.type === 'vpdq' && e.labels.length === 0)
    t.equal(video.value, vpdqDigest(body.vpdq.features), 'the vpdq entry is keyed by the digest of its features')
    t.same(video.features, body.vpdq.features, 'the entry carries the frame hashes')
    t.same(await leftInTmp(), [], 'the temporary file is gone')

    // The same video hashed by the media endpoint: the bank's entry is exactly what a platform would compute.
    const direct = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'video/mp4' }, payload: original })
    t.same(direct.json().vpdq.features, body.vpdq.features)

    // A re-upload: re-encoded at a lower quality (6-8 bits a frame from the original).
    const copyFile = path.join(work, 'copy.mp4')
    await run('ffmpeg', ['-v', 'error', '-y', '-i', originalFile, '-crf', '30', '-pix_fmt', 'yuv420p', copyFile])
    const copy = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'video/mp4' }, payload: await readFile(copyFile) })
    t.equal(copy.statusCode, 200, copy.body)
    await eventually(async () => (await matchVideo(copy.json().vpdq.features)).some((m) => m.kind === 'vpdq'))
    const matches = await matchVideo(copy.json().vpdq.features)
    t.match(matches, [{ kind: 'vpdq', notice: { id: notice.noticeId } }], 'the copy finds the banked video, with its notice')

    // Something else entirely does not.
    const otherFile = await makeVideo(work, 'other.mp4', { seconds: 4.5, source: 'mandelbrot=size=160x120:rate=10' })
    const other = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'video/mp4' }, payload: await readFile(otherFile) })
    t.same(await matchVideo(other.json().vpdq.features), [], 'an unrelated video matches nothing')

    const rows = await bankRows()
    const again = await bankVideo(notice, original)
    t.equal(again.statusCode, 201, again.body)
    t.equal(await bankRows(), rows, 'banking the same video again adds nothing')
    t.same(await leftInTmp(), [])
  })

  t.test('an Idempotency-Key replays the same video and refuses another one', async (t) => {
    const notice = await removedNotice(ctx, authority, { contentType: 'video', bank: false })
    const key = { 'idempotency-key': 'bank-video-once' }
    const first = await bankVideo(notice, original, 'video/mp4', key)
    t.equal(first.statusCode, 201, first.body)
    const replay = await bankVideo(notice, original, 'video/mp4', key)
    t.equal(replay.statusCode, 201)
    t.equal(replay.headers['idempotent-replayed'], 'true')
    t.same(replay.json(), first.json(), 'the answer stored with the entries is the one first sent')
    const shorter = await readFile(await makeVideo(work, 'shorter.mp4', { seconds: 2 }))
    const changed = await bankVideo(notice, shorter, 'video/mp4', key)
    t.equal(changed.statusCode, 422, 'another video under the same key')
    t.match(changed.json().title, /Idempotency-Key reused/)
    await eventually(async () => (await leftInTmp()).length === 0)
  })

  t.test('hostile or refused uploads: a clear problem, nothing stored, no file left', async (t) => {
    const notice = await removedNotice(ctx, authority, { contentType: 'video', bank: false })
    const pending = await removedNotice(ctx, authority, { contentType: 'video', bank: false, status: 'sent' })
    const big = await readFile(await makeVideo(work, 'big.mp4', { seconds: 1, source: 'testsrc=size=640x480:rate=10' }))
    const cases: Array<[string, { noticeId: string, itemId?: string }, Buffer | string, string, number]> = [
      ['random bytes', notice, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)), 'video/mp4', 415],
      ['a PNG declared as a video', notice, vectorBytes('pen-and-coaster.png'), 'video/webm', 415],
      ['an empty body', notice, Buffer.alloc(0), 'video/mp4', 415],
      ['a truncated MP4', notice, original.subarray(0, Math.floor(original.length * 0.6)), 'video/mp4', 422],
      ['frames over the pixel limit', notice, big, 'video/mp4', 422],
      ['over MEDIA_VIDEO_MAX_BYTES', notice, Buffer.alloc(2 * 1024 * 1024 + 1), 'video/mp4', 413],
      ['a notice not removed yet', pending, original, 'video/mp4', 409],
      ['no such notice', { noticeId: crypto.randomUUID() }, original, 'video/mp4', 404]
    ]
    const before = await bankRows()
    for (const [label, target, body, type, status] of cases) {
      const res = await bankVideo(target, body, type)
      t.equal(res.statusCode, status, `${label}: ${res.body}`)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', label)
      t.notMatch(res.body, uploads, `${label}: no temporary path in the answer`)
      await eventually(async () => (await leftInTmp()).length === 0)
    }
    t.equal(await bankRows(), before, 'nothing stored')
    t.equal(ctx.app.mediaHasher.stats().inFlight, 0, 'every admission given back')
  })
})
