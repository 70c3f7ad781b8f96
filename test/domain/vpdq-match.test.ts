// vPDQ matching: HMA's rule on hand-computed cases and the sample videos' hashes, and the index path equal to
// the linear comparison whatever the bank (clips, near-duplicate frames, removals) and the query.
import fs from 'node:fs'
import t from 'tap'
import fc from 'fast-check'
import {
  HMA_THRESHOLDS, compareFrames, compareVideos, decodeFeatures, encodeFeatures, featureProblems, formatVpdqText,
  matchedRanges, orientedFrames, parseVpdqText, prepareVideo, vpdqDigest
} from '../../src/domain/matching/vpdq-match.ts'
import { LinearVpdqBank, VpdqIndex, queryWithTrimmed, type VideoMatch } from '../../src/domain/matching/vpdq-index.ts'
import { ORIENTATIONS, pdqFromWords, pdqToWords } from '../../src/domain/matching/pdq.ts'
import type { VpdqFeature } from '../../src/domain/matching/vpdq-types.ts'
import { pdqVariantsFromHash } from '../../src/domain/matching/pdq-orientations.ts'
import { DENSE_LABEL, bankedFrames } from '../../src/domain/matching/vpdq-derive.ts'
import { VPDQ_VECTORS } from '../helpers/vectors.ts'

const HASHES = new URL('hashes-debian-ffmpeg/', VPDQ_VECTORS)
const readText = (name: string): string => fs.readFileSync(new URL(`${name}.txt`, HASHES), 'utf8')
const video = (name: string): VpdqFeature[] => {
  const parsed = parseVpdqText(readText(name))
  if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems))
  return parsed.features
}
const kept = (features: VpdqFeature[]): string[] => prepareVideo(features).hashes

function flip (hash: string, bits: number[]): string {
  const w = pdqToWords(hash)
  for (const b of bits) w[b >>> 5] ^= 1 << (b & 31)
  return pdqFromWords(w)
}
const ZERO = '0'.repeat(64)
const bitsOn = (n: number): string => flip(ZERO, Array.from({ length: n }, (_, i) => i))
const feature = (frame: number, hash: string, quality = 100): VpdqFeature => ({ frame, quality, hash, timestamp: frame / 10 })

t.test('the reference text format reads and prints back byte for byte', async (t) => {
  for (const name of ['chair-19-sd-bar', 'doorknob-hd-no-bar', 'pattern-longer-no-bar']) {
    const text = readText(name)
    const features = video(name)
    t.equal(features.length, text.trim().split('\n').length, `${name}: one feature per line`)
    t.equal(formatVpdqText(features), text, `${name}: printed as the reference prints it`)
    t.same(decodeFeatures(encodeFeatures(features)), features, `${name}: the stored bytes round-trip`)
  }
  const upper = parseVpdqText(readText('chair-19-sd-bar').toUpperCase())
  t.ok('features' in upper && vpdqDigest(upper.features) === vpdqDigest(video('chair-19-sd-bar')), 'the digest ignores hex case')
})

t.test('orientations from bits equal pdqVariantsFromHash', async (t) => {
  const hashes = kept(video('chair-19-sd-bar')).slice(0, 40)
  const oriented = orientedFrames({ hashes, kept: hashes.map((_, i) => i) })
  for (const o of ORIENTATIONS) t.same(oriented[o], hashes.map((h) => pdqVariantsFromHash(h)[o]), o)
})

t.test('malformed features are each named', async (t) => {
  const bad = parseVpdqText('0,100,' + 'a'.repeat(64) + ',0.000\n1,101,' + 'a'.repeat(63) + ',0.033\n')
  t.same('problems' in bad ? bad.problems.map((p) => p.pointer) : [], ['/features/1/hash', '/features/1/quality'])
  t.same(parseVpdqText('0;100;x'), { problems: [{ pointer: 'line 1', detail: 'expected frameNumber,quality,pdqHex,timestamp' }] })
  const problems = featureProblems([feature(3, ZERO), feature(3, ZERO), feature(2, ZERO)], '/f')
  t.same(problems.map((p) => p.pointer), ['/f/1/frame', '/f/2/frame'], 'frame numbers must increase')
  t.same(featureProblems([], '/f').map((p) => p.pointer), ['/f'])
  t.same(featureProblems([{ ...feature(0, ZERO), trimmedHash: 'z'.repeat(64) }, { ...feature(1, ZERO), trimmedHash: 'A'.repeat(64), trimmedQuality: 101 }], '/f').map((p) => p.pointer),
    ['/f/0/trimmedHash', '/f/1/trimmedQuality'], 'a trimmed hash and its quality are checked like a hash and its quality')
})

t.test('HMA step 1: low quality and repeated hashes are dropped', async (t) => {
  const a = bitsOn(10)
  const b = bitsOn(100)
  const prepared = prepareVideo([feature(0, a), feature(1, a), feature(2, b, 49), feature(3, b, 50), feature(4, a.toUpperCase())])
  t.same(prepared, { hashes: [a, b], kept: [0, 3] })
})

t.test('percentages and time ranges, hand-computed', async (t) => {
  // Query frames at 0, 31 and 32 bits from the compared frame ZERO, and one far away (128 bits).
  const query = [bitsOn(0), bitsOn(31), bitsOn(32), bitsOn(128)]
  const compared = [ZERO, bitsOn(200)]
  const c = compareFrames(query, compared)
  t.same(c, { orientation: 'original', queryMatchPercent: 50, comparedMatchPercent: 50, queryMatched: [0, 1], comparedMatched: [0] })
  t.equal(compareVideos(orientedFrames(prepareVideo(query.map((h, i) => feature(i, h)))), compared, HMA_THRESHOLDS), null, '50% is under 80%')
  const lowered = compareVideos(orientedFrames(prepareVideo(query.map((h, i) => feature(i, h)))), compared, { queryMatchPercent: 50, comparedMatchPercent: 50 })
  t.match(lowered, { orientation: 'original', queryMatchPercent: 50, comparedMatchPercent: 50 })
  t.equal(compareVideos(orientedFrames(prepareVideo([feature(0, ZERO)])), [], { queryMatchPercent: 0, comparedMatchPercent: 0 }), null, 'an empty side matches nothing')

  const features = [0, 1, 2, 3, 4, 5].map((i) => feature(i * 10, bitsOn(i * 40)))
  t.same(matchedRanges(features, prepareVideo(features), [0, 1, 2, 4]), [{ start: 0, end: 2 }, { start: 4, end: 4 }])
})

t.test('HMA rule on the sample videos', async (t) => {
  const orig = video('chair-orig-22-sd-bar')
  const thresholds = HMA_THRESHOLDS
  const q = (f: VpdqFeature[]) => orientedFrames(prepareVideo(f))
  for (const copy of ['chair-22-sd-grey-bar', 'chair-22-sd-sepia-bar', 'chair-22-with-small-logo-bar']) {
    const m = compareVideos(q(video(copy)), kept(orig), thresholds)
    t.ok(m !== null && m.orientation === 'original' && m.queryMatchPercent >= 80, `${copy} matches the original (${m?.queryMatchPercent.toFixed(1)}%)`)
  }
  for (const other of ['pattern-hd-no-bar', 'doorknob-hd-no-bar']) {
    t.equal(compareVideos(q(video(other)), kept(orig), thresholds), null, `${other} does not match the chair`)
  }
  const clip = orig.slice(200, 400)
  const clipMatch = compareVideos(q(clip), kept(orig), thresholds)
  t.equal(clipMatch?.queryMatchPercent, 100, 'a clip is all in the original')
  t.equal(compareVideos(q(orig), kept(clip), thresholds), null, 'the original does not match a banked clip by default')
  t.ok(compareVideos(q(orig), kept(clip), { queryMatchPercent: 20, comparedMatchPercent: 90 }), 'it does with the query threshold lowered')

  const mirrored = orig.map((f) => ({ ...f, hash: orientedFrames({ hashes: [f.hash], kept: [0] }).flipX[0] }))
  t.equal(compareFrames(kept(mirrored), kept(orig)).queryMatchPercent < 80, true, 'plain vPDQ misses a mirrored copy')
  t.match(compareVideos(q(mirrored), kept(orig), thresholds), { orientation: 'flipX', queryMatchPercent: 100 }, 'the flipped orientation catches it')
})

// Banks built like real ones: sample videos, clips of them, near-duplicate copies (some frames a few bits off),
// and random videos; queries likewise. The index must answer exactly what the linear comparison answers.
const SAMPLES = ['chair-orig-22-sd-bar', 'chair-22-sd-grey-bar', 'pattern-hd-no-bar', 'doorknob-hd-no-bar'].map((n) => video(n).filter((_, i) => i % 15 === 0))
const randomHash = fc.uint32Array({ minLength: 8, maxLength: 8 }).map((w) => pdqFromWords(w))
const derived = fc.record({
  sample: fc.integer({ min: 0, max: SAMPLES.length - 1 }),
  from: fc.nat({ max: 40 }),
  length: fc.integer({ min: 1, max: 45 }),
  flips: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 36 }), { minLength: 45, maxLength: 45 }),
  quality: fc.array(fc.integer({ min: 30, max: 100 }), { minLength: 45, maxLength: 45 }),
  orientation: fc.constantFrom(...ORIENTATIONS)
}).map(({ sample, from, length, flips, quality, orientation }) => SAMPLES[sample].slice(from, from + length).map((f, i) => {
  const turned = orientation === 'original' ? f.hash : orientedFrames({ hashes: [f.hash], kept: [0] })[orientation][0]
  return { ...f, hash: flip(turned, flips[i]), quality: quality[i] }
}))
const randomVideo = fc.array(randomHash, { minLength: 1, maxLength: 20 }).map((hs) => hs.map((h, i) => feature(i, h)))
const anyVideo = fc.oneof(derived, derived, randomVideo)

t.test('the index answers exactly what the linear comparison answers (dense hashes among the bank)', async (t) => {
  fc.assert(fc.property(
    fc.array(anyVideo, { minLength: 1, maxLength: 12 }),
    fc.array(anyVideo, { minLength: 1, maxLength: 4 }),
    fc.uniqueArray(fc.nat({ max: 11 }), { maxLength: 4 }),
    fc.record({ queryMatchPercent: fc.constantFrom(0, 50, 80, 100), comparedMatchPercent: fc.constantFrom(0, 30, 80) }),
    (bank, queries, removed, thresholds) => {
      const index = new VpdqIndex()
      const linear = new LinearVpdqBank()
      bank.forEach((v, i) => {
        // Every third video a dense hash: comparedMatchPercent then counts its seconds, on both paths alike.
        const { hashes, units } = bankedFrames(v, i % 3 === 1 ? [DENSE_LABEL] : [])
        index.add(i * 1000 + 7, hashes, units)
        linear.add(i * 1000 + 7, hashes, units)
      })
      if (bank.length % 2 === 0) index.build() // with the slot tables, and (odd banks) through the pending scan
      for (const r of removed) {
        index.remove(r * 1000 + 7)
        linear.remove(r * 1000 + 7)
      }
      for (const q of queries) {
        const oriented = orientedFrames(prepareVideo(q))
        const expected = linear.query(oriented, thresholds)
        const actual = index.query(oriented, thresholds)
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(`index ${JSON.stringify(actual)}\nlinear ${JSON.stringify(expected)}`)
        }
      }
    }
  ), { numRuns: 60 })
  t.pass('equal over every run')
})

// A query whose frames had borders is looked up twice (plain frames in eight orientations, trimmed frames as they
// are) and answered once per banked video: through the index exactly as through the linear comparison.
t.test('with trimmed frames too, the index answers exactly what the linear comparison answers', async (t) => {
  fc.assert(fc.property(
    fc.array(anyVideo, { minLength: 1, maxLength: 10 }),
    fc.array(fc.tuple(anyVideo, fc.option(anyVideo, { nil: null })), { minLength: 1, maxLength: 4 }),
    fc.record({ queryMatchPercent: fc.constantFrom(0, 50, 80), comparedMatchPercent: fc.constantFrom(0, 30) }),
    (bank, queries, thresholds) => {
      const index = new VpdqIndex()
      const linear = new LinearVpdqBank()
      bank.forEach((v, i) => {
        index.add(i, kept(v))
        linear.add(i, kept(v))
      })
      index.build()
      for (const [plain, trimmed] of queries) {
        const oriented = orientedFrames(prepareVideo(plain))
        const frames = trimmed === null ? null : kept(trimmed)
        const expected = queryWithTrimmed(linear, oriented, frames, thresholds)
        const actual = queryWithTrimmed(index, oriented, frames, thresholds)
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          throw new Error(`index ${JSON.stringify(actual)}\nlinear ${JSON.stringify(expected)}`)
        }
        if (new Set(actual.map((m) => m.video)).size !== actual.length) throw new Error('a video answered twice')
      }
    }
  ), { numRuns: 40 })
  t.pass('equal over every run')
})

t.test('trimmed frames: one answer per video, the stronger, the plain frames on a tie', async (t) => {
  const match = (video: number, queryMatchPercent: number, comparedMatchPercent: number): VideoMatch =>
    ({ video, orientation: 'original', queryMatchPercent, comparedMatchPercent, queryMatched: [], comparedMatched: [] })
  // A stand-in bank answering the plain lookup (eight orientations asked) and the trimmed one (only 'original') apart.
  const bank = {
    query: (oriented: { flipX?: readonly string[] }) => oriented.flipX !== undefined
      ? [match(1, 100, 50), match(2, 80, 100), match(3, 90, 90)]
      : [match(2, 100, 100), match(3, 90, 90), match(4, 85, 10)]
  }
  const oriented = orientedFrames(prepareVideo(SAMPLES[0]))
  const found = queryWithTrimmed(bank, oriented, ['x'], HMA_THRESHOLDS)
  t.same(found.map((m) => [m.video, m.bordersTrimmed, m.queryMatchPercent]), [[2, true, 100], [1, false, 100], [3, false, 90], [4, true, 85]])
  t.same(queryWithTrimmed(bank, oriented, null, HMA_THRESHOLDS).map((m) => [m.video, m.bordersTrimmed]), [[1, false], [3, false], [2, false]],
    'without trimmed frames only the plain lookup runs')
})

t.test('removing and re-adding videos keeps the index exact', async (t) => {
  const index = new VpdqIndex()
  const orig = kept(SAMPLES[0])
  index.add(1, orig)
  index.add(2, kept(SAMPLES[2]))
  index.build()
  const q = orientedFrames(prepareVideo(SAMPLES[0]))
  t.same(index.query(q, HMA_THRESHOLDS).map((m) => m.video), [1])
  t.equal(index.removeMany([1, 3]), 1)
  t.same(index.query(q, HMA_THRESHOLDS), [])
  index.add(1, orig)
  t.same(index.query(q, HMA_THRESHOLDS).map((m) => [m.video, m.queryMatchPercent, m.comparedMatchPercent]), [[1, 100, 100]])
  t.equal(index.size, 2)
})

t.test('a dense hash in the index: seconds counted, replaced and removed like any video', async (t) => {
  // A video's frames 0.1 s apart, every tenth of them a query frame (one a second).
  let seed = 12345
  const randomWords = (): Uint32Array => Uint32Array.from({ length: 8 }, () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0))
  const dense = Array.from({ length: 30 }, (_, k) => ({ frame: k * 3, quality: 100, hash: pdqFromWords(randomWords()), timestamp: k / 10 }))
  const { hashes, units = [] } = bankedFrames(dense, [DENSE_LABEL])
  t.same(units, [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3])
  const index = new VpdqIndex()
  const linear = new LinearVpdqBank()
  index.add(5, hashes, units)
  linear.add(5, hashes, units)
  const query = orientedFrames(prepareVideo([0, 10, 20].map((k) => feature(k, dense[k].hash))))
  const expected = linear.query(query, HMA_THRESHOLDS)
  t.same(index.query(query, HMA_THRESHOLDS), expected)
  t.match(expected, [{ video: 5, queryMatchPercent: 100 }])
  t.equal(expected[0].comparedMatchPercent, 75, 'frames 0, 10 and 20 found: seconds 0, 1 and 2 of 4, not 3 frames of 30')
  index.add(5, hashes)
  linear.add(5, hashes)
  t.same(index.query(query, HMA_THRESHOLDS), linear.query(query, HMA_THRESHOLDS), 'replaced without units: frames counted again')
  t.equal(index.query(query, HMA_THRESHOLDS)[0].comparedMatchPercent, 10)
  t.equal(index.removeMany([5]), 1)
  t.same(index.query(query, HMA_THRESHOLDS), [])
  t.throws(() => index.add(6, hashes, units.slice(1)), RangeError, 'one unit per frame')
  t.throws(() => index.add(6, hashes, [...units].reverse()), RangeError, 'units never go down')
})
