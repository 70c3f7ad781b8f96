// POST /v1/media/hashes with videos: vPDQ of a real (generated) video, hostile media refused in bounded time with
// nothing kept, and the bounded admission shared with images (503 with Retry-After when full).
import t from 'tap'
import http from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { makeUnboundedVideo, makeVideo, smallVideoLimits, videoFolders } from '../helpers/videos.ts'
import { vectorBytes } from '../helpers/hash-bank.ts'
import { resolveFfmpeg } from '../../src/media/ffmpeg.ts'
import { hashVideoFile } from '../../src/media/hash-video.ts'
import { sha256Hex, md5Hex } from '../../src/domain/matching/digests.ts'

const { work, uploads, leftInTmp } = await videoFolders(t, 'video')

t.test('videos through the media endpoint', async (t) => {
  const ctx = await build(t, smallVideoLimits(uploads))
  const liaison = await ctx.clientKey('liaison', 'telegram')
  const post = (body: Buffer | string, contentType: string) =>
    ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': contentType }, payload: body })
  const bankRows = async (): Promise<number> => (await ctx.pool.query<{ n: number }>('select count(*)::int as n from hash_bank_entries')).rows[0].n

  t.test('an MP4 answers its digests and one PDQ feature per second', async (t) => {
    const file = await makeVideo(work, 'clip.mp4', { seconds: 3.5 })
    const bytes = await readFile(file)
    const res = await post(bytes, 'video/mp4')
    t.equal(res.statusCode, 200, res.body)
    const body = res.json()
    t.equal(body.sha256, sha256Hex(bytes))
    t.equal(body.md5, md5Hex(bytes))
    t.notOk('pdq' in body, 'a video answers vpdq, not pdq')
    t.match(body.vpdq, { secondsPerHash: 1, frameRate: 10 })
    t.ok(Math.abs(body.vpdq.durationSeconds - 3.5) < 0.2, `duration ${body.vpdq.durationSeconds}`)
    t.same(body.vpdq.features.map((f: { frame: number, timestamp: number }) => [f.frame, f.timestamp]), [[0, 0], [10, 1], [20, 2], [30, 3]])
    // The same file hashed directly: the endpoint adds nothing and loses nothing.
    const direct = await hashVideoFile(file, { tools: (await resolveFfmpeg())! })
    t.same(body.vpdq.features, direct.features)
    t.ok(body.vpdq.features.every((f: { quality: number, hash: string }) => f.quality >= 50 && /^[0-9a-f]{64}$/.test(f.hash)))
    t.same(await leftInTmp(), [], 'the temporary file is gone')
  })

  t.test('WebM, QuickTime and Matroska are taken too', async (t) => {
    const cases: Array<[string, string, string[]]> = [
      ['clip.webm', 'video/webm', ['-c:v', 'libvpx', '-b:v', '200k']],
      ['clip.mov', 'video/quicktime', []],
      ['clip.mkv', 'video/x-matroska', []]
    ]
    for (const [name, type, extra] of cases) {
      const res = await post(await readFile(await makeVideo(work, name, { seconds: 1.5, extra })), type)
      t.equal(res.statusCode, 200, `${type}: ${res.body}`)
      t.same(res.json().vpdq.features.map((f: { frame: number }) => f.frame), [0, 10], type)
    }
    t.same(await leftInTmp(), [])
  })

  t.test('hostile media: a clear 415 or 422, nothing stored, no file left', async (t) => {
    const good = await readFile(await makeVideo(work, 'whole.mp4', { seconds: 4, extra: ['-movflags', '+faststart'] }))
    const big = await readFile(await makeVideo(work, 'big.mp4', { seconds: 1, source: 'testsrc=size=640x480:rate=10' }))
    const long = await readFile(await makeVideo(work, 'long.mkv', { seconds: 60, source: 'testsrc=size=32x32:rate=1' }))
    const endless = await readFile(await makeUnboundedVideo(work, 'endless.mkv', 60))
    const playlist = `#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n${path.join(work, 'whole.mp4')}\n#EXT-X-ENDLIST\n`
    const cases: Array<[string, Buffer | string, string, number, RegExp]> = [
      ['random bytes', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)), 'video/mp4', 415, /not a recognised video/],
      ['a PNG declared as a video', vectorBytes('pen-and-coaster.png'), 'video/mp4', 415, /not a recognised video/],
      ['a playlist pointing at local files', playlist, 'video/mp4', 415, /not a recognised video/],
      ['text', 'hello', 'video/webm', 415, /not a recognised video/],
      ['an empty body', Buffer.alloc(0), 'video/mp4', 415, /empty/],
      ['a truncated MP4', good.subarray(0, Math.floor(good.length * 0.6)), 'video/mp4', 422, /truncated/],
      ['frames over the pixel limit', big, 'video/mp4', 422, /exceed 76800 pixels/],
      ['a video over the duration limit', long, 'video/x-matroska', 422, /lasts 60\.\d s, more than 30 s/],
      ['a video whose length is not stated, decoded past the limit', endless, 'video/x-matroska', 422, /lasts more than 30 s/]
    ]
    const before = await bankRows()
    for (const [label, body, type, status, detail] of cases) {
      const res = await post(body, type)
      t.equal(res.statusCode, status, `${label}: ${res.body}`)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', label)
      t.match(res.json().detail, detail, label)
      t.notMatch(res.body, uploads, `${label}: no temporary path in the answer`)
      t.same(await leftInTmp(), [], `${label}: no temporary file left`)
    }
    const tooBig = await post(Buffer.alloc(2 * 1024 * 1024 + 1), 'video/mp4')
    t.equal(tooBig.statusCode, 413, 'over MEDIA_VIDEO_MAX_BYTES')
    t.same(await leftInTmp(), [])
    t.equal(await bankRows(), before, 'nothing stored')
    t.equal(ctx.app.mediaHasher.stats().inFlight, 0, 'every admission given back')
  })
})

t.test('a decoder that never finishes is killed at the time limit', async (t) => {
  // A FIFO nobody writes to: ffprobe (and ffmpeg) block on it for ever, like a stream that never ends.
  const fifo = path.join(work, 'never.mp4')
  const { execFileSync } = await import('node:child_process')
  execFileSync('mkfifo', [fifo])
  const tools = (await resolveFfmpeg())!
  const error = await hashVideoFile(fifo, { tools, limits: { timeoutMs: 1000 } }).then(() => undefined, (e: unknown) => e)
  t.match(error, { code: 'video_not_accepted', detail: /did not finish within 1 s/ })
  const ps = execFileSync('ps', ['-eo', 'args']).toString()
  t.notMatch(ps, fifo, 'no ffmpeg or ffprobe left running on it')
})

t.test('a full hashing queue answers 503 with Retry-After, before reading the upload', async (t) => {
  const ctx = await build(t, { MEDIA_TMP_DIR: uploads, MEDIA_HASH_THREADS: '1', MEDIA_HASH_QUEUE: '0' })
  const liaison = await ctx.clientKey('liaison', 'telegram')
  await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = ctx.app.server.address() as { port: number }
  // One video upload in progress takes the only place: its body is sent in part and then held.
  const held = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/media/hashes', headers: { authorization: `Bearer ${liaison}`, 'content-type': 'video/mp4', 'transfer-encoding': 'chunked' } })
  held.on('error', () => {})
  held.write(Buffer.alloc(1000))
  await eventually(async () => ctx.app.mediaHasher.stats().inFlight === 1)
  const png = vectorBytes('pen-and-coaster.png')
  const busy = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'image/png' }, payload: png })
  t.equal(busy.statusCode, 503, busy.body)
  t.equal(busy.headers['retry-after'], '5')
  t.equal(busy.headers['content-type'], 'application/problem+json; charset=utf-8')
  const video = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'video/mp4' }, payload: Buffer.alloc(10) })
  t.equal(video.statusCode, 503, 'videos count against the same admission')
  const ready = await ctx.app.inject({ method: 'GET', url: '/health/ready' })
  t.match(ready.json().details.mediaHashing, { threads: 1, capacity: 1, inFlight: 1 })
  // The held client goes away: its place and its temporary file are given back.
  held.destroy()
  await eventually(async () => ctx.app.mediaHasher.stats().inFlight === 0 && (await leftInTmp()).length === 0)
  const ok = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'image/png' }, payload: png })
  t.equal(ok.statusCode, 200, ok.body)
})
