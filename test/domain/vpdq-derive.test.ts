// The video hashes the bank derives from a removed video: which frames are decoded, what each derived hash holds,
// and how a dense hash's comparedMatchPercent counts seconds; hand-computed cases.
import t from 'tap'
import {
  BANKED_VIDEO_DERIVATION, DENSE_LABEL, VideoDeriver, bankedFrames, decodedFramesFilter, denseWindowFrames, isDecodedFrame, nextDecodedFrame
} from '../../src/domain/matching/vpdq-derive.ts'
import { comparisonOf, compareFrames, MAX_VPDQ_FEATURES } from '../../src/domain/matching/vpdq-match.ts'
import { vpdqFeature } from '../../src/domain/matching/vpdq.ts'
import { centreCrop } from '../../src/domain/matching/image-crops.ts'
import { pdqFromRgb, pdqFromWords, pdqToWords, type RgbImage } from '../../src/domain/matching/pdq.ts'
import type { VpdqFeature } from '../../src/domain/matching/vpdq-types.ts'

const ZERO = '0'.repeat(64)
function bitsOn (n: number): string {
  const w = pdqToWords(ZERO)
  for (let b = 0; b < n; b++) w[b >>> 5] ^= 1 << (b & 31)
  return pdqFromWords(w)
}

/** A frame with structure that moves with its number (so consecutive frames hash differently). */
function frame (n: number, width = 64, height = 48): RgbImage {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = ((x * (3 + n) + y * (5 + 2 * n)) * 7 + ((x ^ y) & (n + 1)) * 40) & 255
      data.set([v, (v * 3) & 255, 255 - v], (y * width + x) * 3)
    }
  }
  return { width, height, data }
}

t.test('decoded frames: the kept ones and, for the dense hash, those close to them, in order', async (t) => {
  t.ok(isDecodedFrame(0, 30, 3) && isDecodedFrame(27, 30, 3) && isDecodedFrame(33, 30, 3) && !isDecodedFrame(26, 30, 3) && !isDecodedFrame(4, 30, 3))
  t.ok(isDecodedFrame(30, 30, null) && !isDecodedFrame(3, 30, null))
  const walk = (step: number, window: number | null, count: number): number[] => {
    const out = [0]
    while (out.length < count) out.push(nextDecodedFrame(out[out.length - 1], step, window))
    return out
  }
  t.same(walk(30, 3, 12), [0, 1, 2, 3, 27, 28, 29, 30, 31, 32, 33, 57])
  t.same(walk(25, 2, 8), [0, 1, 2, 23, 24, 25, 26, 27])
  t.same(walk(30, null, 3), [0, 30, 60])
  t.equal(decodedFramesFilter(30, null), 'select=not(mod(n\\,30))')
  t.equal(decodedFramesFilter(30, 3), 'select=lte(mod(n\\,30)\\,3)+gte(mod(n\\,30)\\,27)')
  t.equal(decodedFramesFilter(1, null), undefined, 'every frame kept')
  t.equal(decodedFramesFilter(6, 3), undefined, 'every frame within the window')
})

t.test('the dense window: 0.1 s either side, narrowed for a long video to at most MAX_VPDQ_FEATURES frames', async (t) => {
  t.equal(denseWindowFrames(0.1, 30, 30), 3)
  t.equal(denseWindowFrames(0.1, 25, 25), 2, 'floor(2.5)')
  t.equal(denseWindowFrames(0.1, 30000 / 1001, 29), 2)
  t.equal(denseWindowFrames(0.1, 5, 5), null, 'no frame within 0.1 s at 5 fps')
  t.equal(denseWindowFrames(0.5, 4, 4), 1, 'never past half a step')
  t.equal(denseWindowFrames(0.1, 30, 30, 600), 3, 'ten minutes: 601 kept frames, 7 frames each')
  t.equal(denseWindowFrames(0.1, 30, 30, 7200), 1, 'two hours: 7,201 kept frames, 36,000 / 7,201 = 4 frames each: 1 either side')
  t.equal(denseWindowFrames(0.1, 30, 30, 3 * 3600), 1, 'three hours: 10,801 kept frames, 3 frames each')
  t.equal(denseWindowFrames(0.1, 30, 30, 5 * 3600), null, 'five hours: 3 frames each would not fit')
  t.equal(MAX_VPDQ_FEATURES, 36_000)
})

t.test('the deriver: each kept frame\'s crops, and the dense frames with the kept frames\' own features', async (t) => {
  const frameRate = 10
  const deriver = new VideoDeriver({ cropPercents: [90, 80], denseWindowSeconds: 0.2 }, frameRate, 10)
  t.equal(deriver.window, 2)
  const kept: VpdqFeature[] = []
  for (let n = 0; n <= 20; n = nextDecodedFrame(n, 10, deriver.window)) {
    const image = frame(n)
    const feature = n % 10 === 0 ? vpdqFeature(n, image, frameRate) : undefined
    if (feature !== undefined) kept.push(feature)
    deriver.add(n, image, feature)
  }
  const [crop90, crop80, dense, ...rest] = deriver.result()
  t.same(rest, [])
  t.same(crop90.labels, ['crop:90'])
  t.same(crop80.labels, ['crop:80'])
  t.same(dense.labels, [DENSE_LABEL])
  t.same(crop90.features.map((f) => [f.frame, f.timestamp]), [[0, 0], [10, 1], [20, 2]])
  t.same(crop90.features.map((f) => f.hash), [0, 10, 20].map((n) => pdqFromRgb(centreCrop(frame(n), 90)).hash), 'PDQ of the central 90% of each kept frame')
  t.same(crop80.features.map((f) => f.quality), [0, 10, 20].map((n) => pdqFromRgb(centreCrop(frame(n), 80)).quality))
  t.same(dense.features.map((f) => f.frame), [0, 1, 2, 8, 9, 10, 11, 12, 18, 19, 20])
  t.same(dense.features.map((f) => f.timestamp).slice(0, 4), [0, 0.1, 0.2, 0.8])
  t.same(dense.features.filter((f) => f.frame % 10 === 0), kept, 'the kept frames as vPDQ hashed them')
  t.equal(dense.features[1].hash, pdqFromRgb(frame(1)).hash)

  const none = new VideoDeriver({ cropPercents: [], denseWindowSeconds: null }, 30, 30)
  none.add(0, frame(0), vpdqFeature(0, frame(0), 30))
  t.same(none.result(), [], 'nothing derived, nothing listed')
  t.same(BANKED_VIDEO_DERIVATION, { cropPercents: [94, 90, 86, 82], denseWindowSeconds: 0.1 })
})

t.test('banked frames: a dense hash counts seconds, every other video hash frames', async (t) => {
  const f = (frame: number, timestamp: number, hash: string, quality = 100): VpdqFeature => ({ frame, quality, hash, timestamp })
  const features = [f(0, 0, bitsOn(0)), f(3, 0.1, bitsOn(40)), f(15, 0.5, bitsOn(80)), f(18, 0.6, bitsOn(80)), f(27, 0.9, bitsOn(120), 20), f(30, 1, bitsOn(160)), f(48, 1.6, bitsOn(200))]
  t.same(bankedFrames(features, []), { hashes: [0, 40, 80, 160, 200].map(bitsOn) }, 'repeats and low quality dropped, no units')
  t.same(bankedFrames(features, ['crop:90']), { hashes: [0, 40, 80, 160, 200].map(bitsOn) })
  // Seconds nearest each kept frame: 0 -> 0, 0.1 -> 0, 0.5 -> 1, 1 -> 1, 1.6 -> 2.
  t.same(bankedFrames(features, [DENSE_LABEL]), { hashes: [0, 40, 80, 160, 200].map(bitsOn), units: [0, 0, 1, 1, 2] })
})

t.test('comparedMatchPercent over units, hand-computed', async (t) => {
  const hit = (...bits: number[]): Uint8Array => Uint8Array.from(bits)
  // Five banked frames in seconds 0, 0, 1, 1, 2; frames 0, 1 and 4 matched: seconds 0 and 2 of 3.
  const c = comparisonOf('original', hit(1, 0), hit(1, 1, 0, 0, 1), [0, 0, 1, 1, 2])
  t.same(c, { orientation: 'original', queryMatchPercent: 50, comparedMatchPercent: 200 / 3, queryMatched: [0], comparedMatched: [0, 1, 4] })
  t.equal(comparisonOf('original', hit(1), hit(1, 1, 0, 0, 1)).comparedMatchPercent, 60, 'without units: 3 frames of 5')
  t.equal(comparisonOf('original', hit(1), hit(0, 0, 1, 0, 0), [7, 7, 7, 8, 8]).comparedMatchPercent, 50, 'one second of two')
  // Linear: the query's two frames find banked frames 0 (distance 0) and 2 (distance 31).
  const compared = [ZERO, bitsOn(100), bitsOn(31), bitsOn(200)]
  t.match(compareFrames([ZERO, bitsOn(62)], compared, 'original', [4, 5, 5, 6]), { queryMatchPercent: 100, comparedMatchPercent: 200 / 3, comparedMatched: [0, 2] })
})
