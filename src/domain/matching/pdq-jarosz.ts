// PDQ's luminance and Jarosz downsample to 64x64, float32 step for step like the reference, in one image-sized buffer.

// Fresh multi-megabyte buffers cost page faults on every image; reuse one up to this size (64 MB).
const CACHED_BUFFER_MAX_PIXELS = 16 * 1024 * 1024
let cachedLuma = new Float32Array(0)
// Rows are filtered in blocks so the lines stepped together stay within cache and TLB reach.
const ROW_BLOCK = 32

// The reference multiplies float32 coefficients by integer channel values in float32; tabulating the
// 256 products per channel keeps that rounding and saves the multiplications.
const LUMA_R = lumaTable(0.299)
const LUMA_G = lumaTable(0.587)
const LUMA_B = lumaTable(0.114)

function lumaTable (coefficient: number): Float32Array {
  const c = Math.fround(coefficient)
  const table = new Float32Array(256)
  for (let v = 0; v < 256; v++) table[v] = c * v
  return table
}

/**
 * Y = 0.299 R + 0.587 G + 0.114 B, then twice {box along rows, box along columns}, then the centre samples.
 * Callers guarantee width, height >= 5 and data holding width * height RGB triples.
 */
export function jaroszDownsample64 (data: Uint8Array, width: number, height: number): Float32Array {
  const pixels = width * height
  let luma: Float32Array
  if (pixels <= CACHED_BUFFER_MAX_PIXELS) {
    if (cachedLuma.length < pixels) cachedLuma = new Float32Array(pixels)
    luma = cachedLuma
  } else {
    luma = new Float32Array(pixels)
  }
  for (let p = 0, q = 0; p < pixels; p++, q += 3) {
    luma[p] = Math.fround(LUMA_R[data[q]] + LUMA_G[data[q + 1]]) + LUMA_B[data[q + 2]]
  }
  const windowAlongRows = Math.floor((width + 127) / 128)
  const windowAlongCols = Math.floor((height + 127) / 128)
  const sums = new Float32Array(Math.max(width, ROW_BLOCK))
  const ring = new Float32Array(Math.max(windowAlongCols * width, windowAlongRows * ROW_BLOCK))
  const boxRows = (): void => {
    for (let r = 0; r < height; r += ROW_BLOCK) {
      boxLines(luma, r * width, Math.min(ROW_BLOCK, height - r), width, width, 1, windowAlongRows, sums, ring)
    }
  }
  boxRows()
  boxLines(luma, 0, width, 1, height, width, windowAlongCols, sums, ring)
  boxRows()
  // Columns filter independently and only 64 are ever sampled, so the last pass filters just those.
  const column = new Float32Array(height)
  const out = new Float32Array(64 * 64)
  for (let j = 0; j < 64; j++) {
    box1d(luma, column, Math.trunc(((j + 0.5) * width) / 64), height, width, windowAlongCols)
    for (let i = 0; i < 64; i++) out[i * 64 + j] = column[Math.trunc(((i + 0.5) * height) / 64)]
  }
  return out
}

// Running-mean box filter truncated at the edges; the float32 running sum mirrors the reference exactly.
function box1d (
  src: Float32Array, dst: Float32Array, start: number, length: number, stride: number, window: number
): void {
  const half = (window + 2) >> 1
  let li = start
  let ri = start
  let oi = 0
  let sum = 0
  let n = 0
  for (let k = 0; k < half - 1; k++, ri += stride, n++) sum = Math.fround(sum + src[ri])
  for (let k = 0; k < window - half + 1; k++, ri += stride, oi++) {
    sum = Math.fround(sum + src[ri])
    n++
    dst[oi] = sum / n
  }
  for (let k = 0; k < length - window; k++, li += stride, ri += stride, oi++) {
    sum = Math.fround(sum + src[ri])
    sum = Math.fround(sum - src[li])
    dst[oi] = sum / n
  }
  for (let k = 0; k < half - 1; k++, li += stride, oi++) {
    sum = Math.fround(sum - src[li])
    n--
    dst[oi] = sum / n
  }
}

// box1d over many parallel lines (rows or columns) at once, in place. One line's running sum is a serial
// chain of float32 adds; stepping all lines together makes the chains independent, which pipelines. Output
// o is the mean of inputs o - (window - half) .. o + half - 1 (clipped), with the same float32 add-then-subtract
// order as box1d. Output o overwrites input o, which is subtracted again `lag` <= window outputs later, so
// overwritten inputs wait in a ring of `window` slices.
function boxLines (
  buf: Float32Array, first: number, lines: number, lineStride: number, length: number, step: number,
  window: number, sums: Float32Array, ring: Float32Array
): void {
  const half = (window + 2) >> 1
  const lag = window - half + 1
  sums.fill(0, 0, lines)
  let n = 0
  for (let pos = 0; pos < half - 1; pos++, n++) {
    for (let l = 0, x = first + pos * step; l < lines; l++, x += lineStride) sums[l] += buf[x]
  }
  for (let o = 0; o < length; o++) {
    const ri = o + half - 1
    const li = o - lag
    const adding = ri < length
    const leaving = li >= 0 ? (li % window) * lines : -1
    if (adding) n++
    if (leaving >= 0) n--
    const stash = (o % window) * lines
    for (let l = 0, x = first + o * step, y = first + ri * step; l < lines; l++, x += lineStride, y += lineStride) {
      let sum = sums[l]
      if (adding) sum = Math.fround(sum + buf[y])
      if (leaving >= 0) sum = Math.fround(sum - ring[leaving + l])
      sums[l] = sum
      ring[stash + l] = buf[x]
      buf[x] = sum / n
    }
  }
}
