// Video hashes in the hash bank: reports carrying vPDQ, banking on removal, re-upload detection at intake, the
// match route with HMA's rule and its thresholds, imports (JSON lines, the reference's text format), the changes
// feed, retirement, and what a liaison sees of other platforms' videos.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import t from 'tap'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { videoBankContext } from '../helpers/hash-bank.ts'
import { parseVpdqText, orientedFrames, vpdqDigest } from '../../src/domain/matching/vpdq-match.ts'
import type { VpdqFeature } from '../../src/domain/matching/vpdq-types.ts'
import { resolveFfmpeg } from '../../src/media/ffmpeg.ts'
import { hashVideoFile } from '../../src/media/hash-video.ts'
import { VPDQ_VECTORS, vpdqVector } from '../helpers/vectors.ts'

const HASHES = new URL('hashes-debian-ffmpeg/', VPDQ_VECTORS)
const text = (name: string): string => fs.readFileSync(new URL(`${name}.txt`, HASHES), 'utf8')
// One frame in ten: about what one hash a second gives, and small requests.
const video = (name: string): VpdqFeature[] => {
  const parsed = parseVpdqText(text(name))
  if ('problems' in parsed) throw new Error('bad vector')
  return parsed.features.filter((f) => f.frame % 10 === 0)
}
const ORIGINAL = video('chair-orig-22-sd-bar')
const GREY = video('chair-22-sd-grey-bar')
const OTHER = video('pattern-hd-no-bar')
const MIRRORED = ORIGINAL.map((f) => ({ ...f, hash: orientedFrames({ hashes: [f.hash], kept: [0] }).flipY[0] }))

const report = (ref: string, url: string, vpdq: unknown) => ({
  externalRef: ref,
  category: 'terrorism',
  legalBasis: 'kz-online-platforms-9',
  statementOfReasons: 'Propaganda video.',
  urgency: 'normal',
  items: [{ url, contentType: 'video', hashes: { vpdq } }]
})

t.test('video hashes: banked on removal, matched at intake and on request', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, telegram, tiktok, waitForVideos } = await videoBankContext(ctx)
  const match = async (key: string, hash: Record<string, unknown>) => {
    const res = await call(key, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [hash] } })
    if (res.statusCode !== 200) throw new Error(res.body)
    return res.json().results[0]
  }

  const first = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('V-1', 'https://t.me/videos_channel/1', { secondsPerHash: 0, features: ORIGINAL }) })
  t.equal(first.statusCode, 201, first.body)
  const firstNotice = first.json().notices[0]
  t.same(first.json().items[0].hashes.vpdq, { value: vpdqDigest(ORIGINAL), featureCount: ORIGINAL.length }, 'the report shows the video hash summarised')
  t.equal(first.json().items[0].reupload, null)

  t.test('a removed notice banks its video with the features', async (t) => {
    const read = await call(telegram, { method: 'GET', url: `/v1/notices/${firstNotice.id}` })
    const removed = await call(telegram, { method: 'POST', url: `/v1/notices/${firstNotice.id}/transitions`, headers: { 'if-match': read.headers.etag as string }, payload: { action: 'remove' } })
    t.equal(removed.json().status, 'removed', removed.body)
    const banked = await ctx.pool.query("select id, value, length(features) as bytes from hash_bank_entries where notice_id = $1 and type = 'vpdq'", [firstNotice.id])
    t.equal(banked.rows.length, 1)
    t.equal(banked.rows[0].value, vpdqDigest(ORIGINAL))
    t.equal(banked.rows[0].bytes, ORIGINAL.length * 45)
    await waitForVideos(1)
    const entry = await call(authority, { method: 'GET', url: `/v1/hash-bank/entries/${banked.rows[0].id}` })
    t.match(entry.json(), { type: 'vpdq', value: vpdqDigest(ORIGINAL), notice: { referenceNumber: firstNotice.referenceNumber } })
    t.same(entry.json().features, ORIGINAL, 'the entry carries its features')
  })

  t.test('a re-encoded copy reported elsewhere is flagged with the first notice\'s number and made urgent', async (t) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('V-2', 'https://t.me/other_videos/7', { features: GREY }) })
    t.equal(res.statusCode, 201, res.body)
    const item = res.json().items[0]
    t.match(item.reupload.matches, [{ kind: 'vpdq', orientation: 'original', notice: { referenceNumber: firstNotice.referenceNumber } }])
    t.ok(item.reupload.matches[0].queryMatchPercent >= 80)
    t.same(item.reupload.notices.map((n: { referenceNumber: string }) => n.referenceNumber), [firstNotice.referenceNumber])
    const notice = await call(authority, { method: 'GET', url: `/v1/notices/${res.json().notices[0].id}` })
    t.equal(notice.json().urgency, 'urgent')
    t.same(notice.json().reuploadOf, [firstNotice.referenceNumber])
    const unrelated = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('V-3', 'https://t.me/other_videos/8', { features: OTHER }) })
    t.equal(unrelated.json().items[0].reupload, null, 'an unrelated video is not')
  })

  t.test('the match route: percentages, time ranges, orientations and thresholds', async (t) => {
    const grey = await match(authority, { type: 'vpdq', value: { features: GREY } })
    t.equal(grey.type, 'vpdq')
    t.equal(grey.value, vpdqDigest(GREY))
    t.equal(grey.matches.length, 1)
    const m = grey.matches[0]
    t.match(m, { kind: 'vpdq', distance: 0, orientation: 'original', notice: { referenceNumber: firstNotice.referenceNumber } })
    t.ok(m.queryMatchPercent >= 80 && m.queryMatchPercent <= 100 && m.comparedMatchPercent >= 80, `${m.queryMatchPercent}% / ${m.comparedMatchPercent}%`)
    t.ok(m.queryRanges.length >= 1 && m.comparedRanges.length >= 1)
    const last = ORIGINAL[ORIGINAL.length - 1].timestamp
    for (const r of [...m.queryRanges, ...m.comparedRanges]) t.ok(r.start >= 0 && r.start <= r.end && r.end <= last + 1)

    t.same((await match(authority, { type: 'vpdq', value: { features: OTHER } })).matches, [], 'nothing unrelated matches')
    const mirrored = await match(authority, { type: 'vpdq', value: { features: MIRRORED } })
    t.match(mirrored.matches, [{ orientation: 'flipY', queryMatchPercent: 100 }], 'a mirrored copy matches through its orientation')

    const clip = GREY.slice(20, 35)
    const clipMatch = await match(authority, { type: 'vpdq', value: { features: clip } })
    t.match(clipMatch.matches, [{ queryMatchPercent: 100 }], 'a clip of the removed video matches it')
    t.ok(clipMatch.matches[0].comparedMatchPercent < 50)
    const strict = await match(authority, { type: 'vpdq', value: { features: clip }, comparedMatchPercent: 50 })
    t.same(strict.matches, [], 'unless the caller asks for more of the banked video')
    t.equal(clipMatch.matches[0].queryRanges.length, 1, 'a clip is one stretch')
    t.same(clipMatch.matches[0].queryRanges[0], { start: clip[0].timestamp, end: clip[clip.length - 1].timestamp })
  })

  t.test('bad video hashes are refused with a pointer, and nothing is matched or stored', async (t) => {
    const bad = GREY.slice(0, 5).map((f, i) => (i === 3 ? { ...f, hash: 'z'.repeat(64) } : i === 4 ? { ...f, frame: 0 } : f))
    const res = await call(authority, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'vpdq', value: { features: bad } }] } })
    t.equal(res.statusCode, 422)
    t.same(res.json().errors.map((e: { pointer: string }) => e.pointer), ['/hashes/0/value/features/3/hash', '/hashes/0/value/features/4/frame'])
    const quality = await call(authority, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'vpdq', value: { features: [{ ...GREY[0], quality: 101 }] } }] } })
    t.equal(quality.statusCode, 400, 'out of the schema\'s range')
    const before = await ctx.pool.query('select count(*)::int as n from reports')
    const item = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('V-bad', 'https://t.me/other_videos/9', { features: bad }) })
    t.equal(item.statusCode, 422)
    t.ok(item.json().errors.some((e: { pointer: string }) => e.pointer === '/items/0/hashes/vpdq/features/3/hash'), item.body)
    t.same((await ctx.pool.query('select count(*)::int as n from reports')).rows, before.rows, 'no report stored')
  })

  t.test('a liaison sees another platform\'s video match without its notice', async (t) => {
    const own = await match(telegram, { type: 'vpdq', value: { features: GREY } })
    t.match(own.matches, [{ notice: { referenceNumber: firstNotice.referenceNumber } }], 'telegram removed it: its own notice')
    const other = await match(tiktok, { type: 'vpdq', value: { features: GREY } })
    t.equal(other.matches.length, 1)
    t.equal(other.matches[0].notice, null, 'tiktok does not see telegram\'s notice')
    const feed = await call(tiktok, { method: 'GET', url: '/v1/hash-bank/changes?type=vpdq' })
    t.equal(feed.statusCode, 200, feed.body)
    const entry = feed.json().data.find((c: { entry: { notice: unknown } }) => c.entry)?.entry
    t.match(entry, { type: 'vpdq', notice: null, platform: null, noticeItemId: null })
    t.equal(entry.features.length, ORIGINAL.length, 'the features themselves are shared')
    const authorityFeed = await call(authority, { method: 'GET', url: '/v1/hash-bank/changes?type=vpdq' })
    t.match(authorityFeed.json().data[0].entry, { notice: { referenceNumber: firstNotice.referenceNumber }, platform: 'telegram' })
  })

  t.test('imports: features as the gateway answers them import as they are, banked by their reference hashes', async (t) => {
    const withTrimmed = GREY.map((f) => ({ ...f, trimmedHash: f.hash.split('').reverse().join(''), trimmedQuality: 90 }))
    const lines = [
      JSON.stringify({ type: 'vpdq', value: { features: withTrimmed } }),
      JSON.stringify({ type: 'vpdq', value: { features: [{ ...withTrimmed[0], trimmedHash: 'x' }] } })
    ].join('\n')
    const res = await call(authority, { method: 'POST', url: '/v1/hash-bank/imports?name=gateway-output', headers: { 'content-type': 'application/x-ndjson' }, payload: lines })
    t.equal(res.statusCode, 201, res.body)
    t.match(res.json(), { lines: 2, accepted: 1, added: 1, rejected: 1, errors: [{ line: 2, detail: /\/value\/features\/0\/trimmedHash/ }] })
    const { rows } = await ctx.pool.query("select id, value from hash_bank_entries where source = 'gateway-output'")
    t.same(rows.map((r) => r.value), [vpdqDigest(GREY)], 'one entry, of the reference frames')
    // Retired again, so that the bank holds what it held before.
    const retired = await call(authority, { method: 'POST', url: `/v1/hash-bank/entries/${rows[0].id}/retire`, payload: { reason: 'test' } })
    t.equal(retired.statusCode, 200, retired.body)
  })

  t.test('imports: JSON lines and the reference\'s text format; retirement stops matches', async (t) => {
    const lines = [
      JSON.stringify({ type: 'vpdq', value: { features: OTHER }, labels: ['pattern'] }),
      JSON.stringify({ type: 'vpdq', value: { features: [{ frame: 1, quality: 100, hash: 'x', timestamp: 0 }] } }),
      JSON.stringify({ type: 'pdq', value: 'f'.repeat(64) })
    ].join('\n')
    const res = await call(authority, { method: 'POST', url: '/v1/hash-bank/imports?name=video-list', headers: { 'content-type': 'application/x-ndjson' }, payload: lines })
    t.equal(res.statusCode, 201, res.body)
    t.match(res.json(), { lines: 3, accepted: 2, added: 2, rejected: 1, errors: [{ line: 2, detail: /\/value\/features\/0\/hash/ }] })
    await waitForVideos(2)
    const found = await match(authority, { type: 'vpdq', value: { features: OTHER } })
    t.match(found.matches, [{ kind: 'vpdq', source: 'video-list', labels: ['pattern'], notice: null, queryMatchPercent: 100, comparedMatchPercent: 100 }])

    const doorknob = text('doorknob-hd-no-bar')
    const plain = await call(authority, { method: 'POST', url: '/v1/hash-bank/imports?name=reference-text', headers: { 'content-type': 'text/x-vpdq' }, payload: doorknob })
    t.equal(plain.statusCode, 201, plain.body)
    t.match(plain.json(), { format: 'vpdq', lines: 1, accepted: 1, added: 1 })
    const again = await call(authority, { method: 'POST', url: '/v1/hash-bank/imports?name=reference-text', headers: { 'content-type': 'text/x-vpdq' }, payload: doorknob })
    t.match(again.json(), { added: 0, duplicates: 1 }, 'the same video hash again changes nothing')
    const broken = await call(authority, { method: 'POST', url: '/v1/hash-bank/imports?name=reference-text', headers: { 'content-type': 'text/x-vpdq' }, payload: doorknob.replace(/\n5,/, '\n5;') })
    t.equal(broken.statusCode, 422)
    t.match(broken.json().errors, [{ line: 6 }])
    await waitForVideos(3)
    const parsed = parseVpdqText(doorknob) as { features: VpdqFeature[] }
    t.equal((await match(authority, { type: 'vpdq', value: { features: parsed.features } })).matches.length, 1)

    const entryId = found.matches[0].entryId
    const retired = await call(authority, { method: 'POST', url: `/v1/hash-bank/entries/${entryId}/retire`, payload: { reason: 'test' } })
    t.equal(retired.statusCode, 200)
    t.same((await match(authority, { type: 'vpdq', value: { features: OTHER } })).matches, [], 'a retired video is no longer matched')
    const feed = await call(authority, { method: 'GET', url: '/v1/hash-bank/changes?type=vpdq' })
    t.match(feed.json().data.find((c: { entry: { id: string } }) => c.entry.id === entryId), { change: 'retired' })
    await waitForVideos(2)
  })
})

t.test('end to end with real videos: a re-encoded copy of a removed video is flagged', async (t) => {
  const tools = await resolveFfmpeg()
  if (tools === undefined) throw new Error('ffmpeg is needed for this test (Debian: apt-get install ffmpeg)')
  const ctx = await build(t)
  const { call } = ctx
  const authority = await ctx.clientKey('authority')
  const liaison = await ctx.clientKey('liaison', 'telegram')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpdq-e2e-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const original = vpdqVector('videos/chair-orig-22-sd-bar.mp4')
  const copy = path.join(dir, 'copy.mp4')
  execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', original, '-vf', 'scale=trunc(iw/4)*2:trunc(ih/4)*2', '-c:v', 'libx264', '-crf', '30', '-an', copy])
  const first = await hashVideoFile(original, { tools })
  const second = await hashVideoFile(copy, { tools })
  t.not(vpdqDigest(first.features), vpdqDigest(second.features), 'the copy hashes differently')

  const reported = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('E2E-1', 'https://t.me/e2e_channel/1', { secondsPerHash: first.secondsPerHash, features: first.features }) })
  t.equal(reported.statusCode, 201, reported.body)
  const notice = reported.json().notices[0]
  const read = await call(liaison, { method: 'GET', url: `/v1/notices/${notice.id}` })
  const removed = await call(liaison, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, headers: { 'if-match': read.headers.etag as string }, payload: { action: 'remove' } })
  t.equal(removed.json().status, 'removed', removed.body)
  const index = ctx.app.hashBankIndex
  await index.start()
  await eventually(async () => { await index.refresh(); return index.videoCount === 1 })

  const again = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('E2E-2', 'https://t.me/e2e_elsewhere/2', { secondsPerHash: second.secondsPerHash, features: second.features }) })
  t.equal(again.statusCode, 201, again.body)
  const item = again.json().items[0]
  t.match(item.reupload, { matches: [{ kind: 'vpdq', notice: { referenceNumber: notice.referenceNumber } }], notices: [{ referenceNumber: notice.referenceNumber }] })
  const flagged = await call(authority, { method: 'GET', url: `/v1/notices/${again.json().notices[0].id}` })
  t.equal(flagged.json().urgency, 'urgent')
  t.same(flagged.json().reuploadOf, [notice.referenceNumber])
})
