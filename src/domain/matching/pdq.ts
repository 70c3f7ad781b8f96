// PDQ perceptual hash (docs/pdq.md), computed from decoded RGB pixels bit-for-bit as the reference does.
import { jaroszDownsample64 } from './pdq-jarosz.ts'

export const ORIENTATIONS = [
  'original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'flipPlus1', 'flipMinus1'
] as const
export type Orientation = typeof ORIENTATIONS[number]

export interface RgbImage {
  width: number
  height: number
  data: Uint8Array // RGB, 3 bytes per pixel, row-major
}

export interface PdqResult {
  hash: string
  quality: number
  variants: Record<Orientation, string>
}

export const PDQ_ZERO_HASH = '0'.repeat(64)
// Industry practice: hashes below this quality are unreliable and are not used for matching.
export const PDQ_MIN_MATCH_QUALITY = 50
export const PDQ_MATCH_THRESHOLD = 31

const MIN_HASHABLE_DIM = 5

// Frequencies 1..16 of the 64-point DCT-II; the reference builds it as float scale * double cosine -> float.
const DCT = (() => {
  const scale = Math.fround(Math.sqrt(2 / 64))
  const d = new Float32Array(16 * 64)
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) d[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1))
  }
  return d
})()

/** PDQ hash, quality and the hashes of the image's eight rotations/mirrors. */
export function pdqFromRgb (image: RgbImage): PdqResult {
  const { width, height, data } = image
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new RangeError('image dimensions must be non-negative integers')
  }
  if (data.length < width * height * 3) throw new RangeError('pixel buffer is shorter than width * height * 3')
  if (width < MIN_HASHABLE_DIM || height < MIN_HASHABLE_DIM) {
    const variants = Object.fromEntries(ORIENTATIONS.map((o) => [o, PDQ_ZERO_HASH])) as Record<Orientation, string>
    return { hash: PDQ_ZERO_HASH, quality: 0, variants }
  }
  const a64 = jaroszDownsample64(data, width, height)
  const quality = qualityOf(a64)
  const dct = dct16(a64)
  const variants = {} as Record<Orientation, string>
  const aux = new Float32Array(256)
  for (const orientation of ORIENTATIONS) variants[orientation] = bitsToHex(dihedral(dct, orientation, aux))
  return { hash: variants.original, quality, variants }
}

// Counts significant gradients: each term truncated to an integer, as the reference's float -> int cast.
function qualityOf (a: Float32Array): number {
  let gradientSum = 0
  const term = (u: number, v: number): number =>
    Math.abs(Math.trunc(Math.fround(Math.fround(Math.fround(u - v) * 100) / 255)))
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) gradientSum += term(a[i * 64 + j], a[(i + 1) * 64 + j])
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) gradientSum += term(a[i * 64 + j], a[i * 64 + j + 1])
  }
  return Math.min(100, Math.trunc(gradientSum / 90))
}

// B = D A D^T with float32 products and sums accumulated in k order, like the reference.
function dct16 (a: Float32Array): Float32Array {
  const t = new Float32Array(16 * 64)
  for (let i = 0; i < 16; i++) {
    const row = i * 64
    for (let k = 0; k < 64; k++) {
      const d = DCT[row + k]
      const ak = k * 64
      for (let j = 0; j < 64; j++) t[row + j] += Math.fround(d * a[ak + j])
    }
  }
  const b = new Float32Array(16 * 16)
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      let sum = 0
      for (let k = 0; k < 64; k++) sum = Math.fround(sum + Math.fround(t[i * 64 + k] * DCT[j * 64 + k]))
      b[i * 16 + j] = sum
    }
  }
  return b
}

// Rotating or mirroring the image only transposes B and flips signs of odd frequencies (docs/pdq.md table).
/** Whether an orientation swaps rows and columns of the DCT (docs/pdq.md's table: V[j][i] = ...). */
export function isTransposed (orientation: Orientation): boolean {
  return orientation === 'rotate90' || orientation === 'rotate270' ||
    orientation === 'flipPlus1' || orientation === 'flipMinus1'
}

/** Whether coefficient B[i][j] keeps its sign under an orientation (docs/pdq.md's table, odd and even frequencies). */
export function keepsSign (orientation: Orientation, i: number, j: number): boolean {
  if (orientation === 'rotate90' || orientation === 'flipY') return (j & 1) === 1
  if (orientation === 'rotate270' || orientation === 'flipX') return (i & 1) === 1
  if (orientation === 'rotate180' || orientation === 'flipMinus1') return ((i + j) & 1) === 0
  return true
}

function dihedral (b: Float32Array, orientation: Orientation, out: Float32Array): Float32Array {
  const transpose = isTransposed(orientation)
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const v = b[i * 16 + j]
      out[transpose ? j * 16 + i : i * 16 + j] = keepsSign(orientation, i, j) ? v : -v
    }
  }
  return out
}

// Bit k = 16 i + j is set when B[i][j] exceeds the lower median (the 128th smallest, Torben's result).
function bitsToHex (b: Float32Array): string {
  const median = Float32Array.from(b).sort()[127]
  let hex = ''
  for (let word = 15; word >= 0; word--) {
    let bits = 0
    for (let j = 0; j < 16; j++) if (b[word * 16 + j] > median) bits |= 1 << j
    hex += bits.toString(16).padStart(4, '0')
  }
  return hex
}

const PDQ_HEX = /^[0-9a-fA-F]{64}$/

/** True for 64 hex digits (either case); normalise with toLowerCase before storing. */
export function isPdqHex (s: unknown): s is string {
  return typeof s === 'string' && PDQ_HEX.test(s)
}

/** Compact form used by the index: eight uint32 words, the first holding the first 8 hex digits. */
export function pdqToWords (hex: string, out: Uint32Array = new Uint32Array(8), offset = 0): Uint32Array {
  if (!isPdqHex(hex)) throw new TypeError('not a PDQ hash (64 hex digits expected)')
  for (let w = 0; w < 8; w++) out[offset + w] = parseInt(hex.slice(w * 8, w * 8 + 8), 16)
  return out
}

export function pdqFromWords (words: Uint32Array, offset = 0): string {
  let hex = ''
  for (let w = 0; w < 8; w++) hex += words[offset + w].toString(16).padStart(8, '0')
  return hex
}

export function popcount32 (x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  x = (x + (x >>> 4)) & 0x0f0f0f0f
  return Math.imul(x, 0x01010101) >>> 24
}

/** Bits that differ between two PDQ hashes given as hex (0..256). */
export function hammingDistance (a: string, b: string): number {
  const wa = pdqToWords(a)
  const wb = pdqToWords(b)
  let d = 0
  for (let w = 0; w < 8; w++) d += popcount32(wa[w] ^ wb[w])
  return d
}
