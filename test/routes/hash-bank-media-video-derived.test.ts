// A removed video banked through POST /v1/hash-bank/media also banks the vPDQ of central crops of its frames and
// of every frame within 0.1 s of a kept one: a cropped copy and a copy re-timed with ffmpeg's -r, each hashed by POST /v1/media/hashes,
// then find it (and say which derived entry matched); an unrelated video does not; the notice's retirement takes
// the derived entries with it, and the changes feed shows them.
import t from 'tap'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { removedNotice } from '../helpers/hash-bank.ts'
import { BANKED_VIDEO_DERIVATION, DENSE_LABEL } from '../../src/domain/matching/vpdq-derive.ts'
import { cropLabel } from '../../src/domain/matching/hash-bank.ts'
import { vpdqDigest } from '../../src/domain/matching/vpdq-match.ts'
import { retireNoticeHashes } from '../../src/use-cases/hash-bank/notice-entries.ts'
import { VPDQ_VECTORS } from '../helpers/vectors.ts'

const run = promisify(execFile)
const VIDEOS = new URL('videos/', VPDQ_VECTORS)
const work = await mkdtemp(path.join(os.tmpdir(), 'takedown-bank-derived-test-'))
t.teardown(async () => { await rm(work, { recursive: true, force: true }) })

interface MatchSeen { kind: string, labels: string[], notice: { id: string } | null, queryMatchPercent: number, comparedMatchPercent: number }

t.test('a banked video\'s derived entries catch cropped and re-timed copies', async (t) => {
  const ctx = await build(t, { MEDIA_VIDEO_MAX_SECONDS: '30' })
  const authority = await ctx.clientKey('authority')
  const liaison = await ctx.clientKey('liaison', 'telegram')
  const source = new URL('doorknob-hd-no-bar.mp4', VIDEOS).pathname
  const hashVideo = async (file: string): Promise<unknown[]> => {
    const res = await ctx.call(liaison, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': 'video/mp4' }, payload: await readFile(file) })
    if (res.statusCode !== 200) throw new Error(`hash: ${res.statusCode} ${res.body}`)
    return res.json().vpdq.features
  }
  const matchVideo = async (features: unknown[]): Promise<MatchSeen[]> => {
    const res = await ctx.call(liaison, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'vpdq', value: { features } }] } })
    if (res.statusCode !== 200) throw new Error(`match: ${res.statusCode} ${res.body}`)
    return res.json().results[0].matches
  }
  const copy = async (name: string, args: string[]): Promise<string> => {
    const out = path.join(work, name)
    await run('ffmpeg', ['-v', 'error', '-y', '-i', source, ...args, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', out])
    return out
  }

  const notice = await removedNotice(ctx, authority, { contentType: 'video', bank: false })
  const res = await ctx.call(authority, {
    method: 'POST',
    url: `/v1/hash-bank/media?noticeId=${notice.noticeId}&itemId=${notice.itemId}`,
    headers: { 'content-type': 'video/mp4' },
    payload: await readFile(source)
  })
  t.equal(res.statusCode, 201, res.body)
  const banked = res.json()
  t.same(banked.crops, [], 'a video\'s crops are entries of their own, not image crops')
  const videos = banked.entries.filter((e: { type: string }) => e.type === 'vpdq') as Array<{ labels: string[], value: string, features: Array<{ frame: number, timestamp: number }> }>
  t.same(videos.map((e) => e.labels), [[], ...BANKED_VIDEO_DERIVATION.cropPercents.map((p) => [cropLabel(p)]), [DENSE_LABEL]], 'the vPDQ, then each crop, then the dense hash')
  for (const e of videos) t.equal(e.value, vpdqDigest(e.features as never), `${e.labels.join(',') || 'own'}: keyed by the digest of its features`)
  t.same(videos[0].features, banked.vpdq.features)
  const crop = videos[1]
  t.same(crop.features.map((f) => f.frame), banked.vpdq.features.map((f: { frame: number }) => f.frame), 'a crop of every kept frame')
  const dense = videos[videos.length - 1]
  t.same(dense.features.slice(0, 8).map((f) => f.frame), [0, 1, 2, 3, 27, 28, 29, 30], '30 fps: every frame within 3 of a kept one')
  t.equal(dense.features.length, 28, '120 frames: 0-3, 27-33, 57-63, 87-93 and 117-119')

  // Cropped 5% a border: the vPDQ misses it, the crop:90 entry finds it.
  const cropped = await hashVideo(await copy('cropped.mp4', ['-vf', 'crop=trunc(iw*0.9/2)*2:trunc(ih*0.9/2)*2']))
  await eventually(async () => (await matchVideo(cropped)).length > 0)
  const croppedMatches = await matchVideo(cropped)
  t.match(croppedMatches, [{ kind: 'vpdq', labels: ['crop:90'], notice: { id: notice.noticeId } }], 'the 90% crop matched, and says so')
  t.notOk(croppedMatches.some((m) => m.labels.length === 0), 'not the vPDQ of the frames as they are')

  // Re-timed with -r 15: each second's frame shows the source 0.1 s early; the dense entry has those frames.
  const retimed = await hashVideo(await copy('retimed.mp4', ['-r', '15']))
  const retimedMatches = await matchVideo(retimed)
  const byDense = retimedMatches.find((m) => m.labels.includes(DENSE_LABEL))
  t.match(byDense, { kind: 'vpdq', notice: { id: notice.noticeId } }, 'the dense entry matched')
  t.ok(byDense !== undefined && byDense.queryMatchPercent >= 80, 'HMA\'s default threshold')
  // Five query frames (one a second) against 28 dense frames: counted in frames the share would be at most 18%.
  t.ok(byDense !== undefined && byDense.comparedMatchPercent >= 50,
    `${byDense?.comparedMatchPercent ?? 0}%: the share of the banked video's seconds, not of its dense frames`)

  // Something unrelated matches none of the derived entries.
  const unrelated = await hashVideo(new URL('pattern-hd-no-bar.mp4', VIDEOS).pathname)
  t.same(await matchVideo(unrelated), [], 'an unrelated sample video matches nothing')

  // Undoing the removal retires every entry of the notice, derived ones included; the feed shows each retired.
  const retired = await ctx.db.transaction(async (tx) => await retireNoticeHashes(tx, notice.noticeId, null, 'removal undone'))
  t.equal(retired, banked.entries.length)
  await eventually(async () => (await matchVideo(cropped)).length === 0 && (await matchVideo(retimed)).length === 0)
  const ids = new Set(videos.map((e) => (e as unknown as { id: string }).id))
  await eventually(async () => {
    const feed = await ctx.call(liaison, { method: 'GET', url: '/v1/hash-bank/changes?type=vpdq&limit=500' })
    const seen = (feed.json().data as Array<{ change: string, entry: { id: string, labels: string[] } }>).filter((c) => ids.has(c.entry.id))
    return seen.length === ids.size && seen.every((c) => c.change === 'retired')
  })
  t.pass('every derived entry is in the changes feed, retired')
})
