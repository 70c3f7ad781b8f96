// Uniform borders: bars of one colour at the edges are found and cut; content, a plain frame and noise are not.
import t from 'tap'
import { cropRgb, uniformBorders } from '../../src/domain/matching/borders.ts'
import { pdqFromRgb, type RgbImage } from '../../src/domain/matching/pdq.ts'
import { bordersTrimmed, trimmedHashes, vpdqFeature } from '../../src/domain/matching/vpdq.ts'

/** A frame whose content (a gradient with a pattern) sits inside bars of `bar` colour, with a little noise on the bars. */
function framed (width: number, height: number, box: { left: number, top: number, right: number, bottom: number }, bar = 0): RgbImage {
  const data = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = x >= box.left && x < width - box.right && y >= box.top && y < height - box.bottom
      const v = inside ? (x * 7 + y * 13 + ((x ^ y) & 8) * 10) % 256 : bar + ((x + y) % 3)
      data.set([v, v, v], (y * width + x) * 3)
    }
  }
  return { width, height, data }
}

t.test('letterbox and pillarbox bars are found', async (t) => {
  t.same(uniformBorders(framed(64, 48, { left: 0, top: 6, right: 0, bottom: 6 })), { left: 0, top: 6, width: 64, height: 36 }, 'letterbox')
  t.same(uniformBorders(framed(64, 48, { left: 8, top: 0, right: 8, bottom: 0 })), { left: 8, top: 0, width: 48, height: 48 }, 'pillarbox')
  t.same(uniformBorders(framed(64, 48, { left: 3, top: 6, right: 4, bottom: 4 }, 200)), { left: 3, top: 6, width: 57, height: 38 }, 'white bars, off centre by the encoder\'s alignment')
})

t.test('bars come in opposite pairs, trimmed alike', async (t) => {
  t.equal(uniformBorders(framed(64, 48, { left: 0, top: 8, right: 0, bottom: 0 })), null, 'a bar on one edge only is no letterbox')
  t.same(uniformBorders(framed(64, 48, { left: 0, top: 12, right: 0, bottom: 4 })), { left: 0, top: 6, width: 64, height: 38 },
    'a wider bar on one side (dark picture next to it) is cut to the other\'s width plus the alignment')
  // A letterboxed frame whose picture is flat from side to side: the bars go, the picture's columns stay.
  const flat = framed(64, 48, { left: 0, top: 6, right: 0, bottom: 6 })
  for (let y = 6; y < 42; y++) {
    for (let x = 0; x < 64; x++) flat.data.fill(140 + (y % 4) * 2, (y * 64 + x) * 3, (y * 64 + x) * 3 + 3)
  }
  t.same(uniformBorders(flat), { left: 0, top: 6, width: 64, height: 36 }, 'an axis that would lose too much is left whole, the other still trimmed')
})

t.test('frames without bars, or with nothing but bars, are left alone', async (t) => {
  t.equal(uniformBorders(framed(64, 48, { left: 0, top: 0, right: 0, bottom: 0 })), null, 'content to the edges')
  t.equal(uniformBorders(framed(64, 48, { left: 32, top: 24, right: 32, bottom: 24 })), null, 'one colour throughout')
  t.equal(uniformBorders(framed(64, 48, { left: 0, top: 20, right: 0, bottom: 20 })), null, 'too little content left to trust')
  t.equal(uniformBorders(framed(3, 3, { left: 1, top: 1, right: 1, bottom: 1 })), null, 'too small')
})

t.test('a crop copies exactly the pixels inside it', async (t) => {
  const image = framed(10, 8, { left: 2, top: 1, right: 3, bottom: 2 })
  const crop = uniformBorders(image)!
  const out = cropRgb(image, crop)
  t.same([out.width, out.height], [5, 5])
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const i = ((y + crop.top) * image.width + x + crop.left) * 3
      t.equal(out.data[(y * out.width + x) * 3], image.data[i])
    }
  }
})

t.test('a vPDQ feature carries the hash of its frame without bars only when asked and when there are bars', async (t) => {
  const content = framed(64, 48, { left: 0, top: 0, right: 0, bottom: 0 })
  const barred = { width: 64, height: 64, data: new Uint8Array(64 * 64 * 3) }
  barred.data.set(content.data, 8 * 64 * 3) // 8 black rows above and below
  const plain = vpdqFeature(30, barred, 30)
  t.notOk('trimmedHash' in plain, 'the reference\'s feature by default')
  const trimmed = vpdqFeature(30, barred, 30, { trimBorders: true })
  t.equal(trimmed.hash, plain.hash, 'the untrimmed hash stays as it was')
  t.equal(trimmed.trimmedHash, pdqFromRgb(content).hash, 'the trimmed hash is the content\'s own')
  t.equal(trimmed.trimmedQuality, pdqFromRgb(content).quality, 'and so is its quality')
  t.notOk('trimmedHash' in vpdqFeature(0, content, 30, { trimBorders: true }), 'no bars, no second hash')
  t.same(trimmedHashes([trimmed, vpdqFeature(0, content, 30)]).map((f) => f.hash), [trimmed.trimmedHash, pdqFromRgb(content).hash])
})

t.test('a video\'s trimmed frames are a second video hash only when some frame had borders', async (t) => {
  const a = { frame: 0, quality: 90, hash: 'a'.repeat(64), timestamp: 0 }
  const b = { frame: 30, quality: 80, hash: 'b'.repeat(64), timestamp: 1 }
  t.equal(bordersTrimmed([a, b]), null, 'no trimmed hash')
  t.equal(bordersTrimmed([{ ...a, trimmedHash: 'A'.repeat(64) }, b]), null, 'a trimmed hash equal to the hash adds nothing')
  t.same(bordersTrimmed([a, { ...b, trimmedHash: 'c'.repeat(64) }]), [a, { ...b, hash: 'c'.repeat(64) }], 'the trimmed hash where there is one, else the hash')
  t.same(bordersTrimmed([{ ...a, trimmedHash: 'd'.repeat(64), trimmedQuality: 20 }])?.map((f) => [f.hash, f.quality]), [['d'.repeat(64), 20]],
    'with the trimmed frame\'s own quality (a flat picture between bars is as unusable as without them)')
})
