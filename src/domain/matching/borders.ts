// Uniform borders (letterbox and pillarbox bars) of an RGB frame, found as ffmpeg's cropdetect finds them: rows and
// columns at the frame's edges whose pixels all lie within a small tolerance of one another and of the bar's colour.
import type { RgbImage } from './pdq.ts'

export interface Crop { left: number, top: number, width: number, height: number }

export interface BorderOptions {
  /** Largest spread of luma (0-255) along a row or column still counted as one colour (compression noise). */
  tolerance: number
  /**
   * The content kept must be at least this share of each dimension; a frame that is (nearly) all one colour is left
   * alone.
   */
  minContent: number
}

export const DEFAULT_BORDER_OPTIONS: BorderOptions = { tolerance: 24, minContent: 0.4 }

const luma = (data: Uint8Array, i: number): number => (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000

/**
 * The frame without its uniform borders, or null when it has none (or when trimming would leave too little). A line
 * is a border when its luma spread is within the tolerance and its mean within the tolerance of the edge's first line.
 *
 * Bars come in opposite pairs: padding centres the picture (off by the encoder's 2-line alignment at most), so an
 * axis is trimmed only when both of its edges have a bar, and neither edge by more than the other's bar plus that
 * alignment. A flat or dark stretch of the picture next to one bar, or at one edge of a frame without bars, then
 * stays: cut on one side only, it would make the trimmed hash differ from the hash of the same picture unpadded.
 * An axis whose trimming would leave less than `minContent` of it (a flat picture read as bars) is not trimmed.
 */
export function uniformBorders (image: RgbImage, options: BorderOptions = DEFAULT_BORDER_OPTIONS): Crop | null {
  const { width, height, data } = image
  if (width < 4 || height < 4) return null
  // Luma spread and mean of the pixels from (x0, y0) stepping (dx, dy) n times.
  const line = (x0: number, y0: number, dx: number, dy: number, n: number): { spread: number, mean: number } => {
    let min = 255
    let max = 0
    let sum = 0
    for (let k = 0; k < n; k++) {
      const v = luma(data, ((y0 + k * dy) * width + (x0 + k * dx)) * 3)
      if (v < min) min = v
      if (v > max) max = v
      sum += v
    }
    return { spread: max - min, mean: sum / n }
  }
  // How many lines from one edge are border: each line's spread small and its mean near the first line's.
  const count = (limit: number, at: (i: number) => { spread: number, mean: number }): number => {
    const first = at(0)
    if (first.spread > options.tolerance) return 0
    let i = 0
    while (i < limit) {
      const l = at(i)
      if (l.spread > options.tolerance || Math.abs(l.mean - first.mean) > options.tolerance) break
      i++
    }
    return i
  }
  const topBar = count(height, (i) => line(0, i, 1, 0, width))
  if (topBar === height) return null // one colour throughout
  const [top, bottom] = pairedBars(
    topBar, count(height - topBar, (i) => line(0, height - 1 - i, 1, 0, width)), height, options.minContent
  )
  const rows = height - top - bottom
  const leftBar = count(width, (i) => line(i, top, 0, 1, rows))
  const [left, right] = leftBar === width
    ? [0, 0]
    : pairedBars(
      leftBar, count(width - leftBar, (i) => line(width - 1 - i, top, 0, 1, rows)), width, options.minContent
    )
  if (top + bottom + left + right === 0) return null
  return { left, top, width: width - left - right, height: rows }
}

/** Lines the encoder's alignment may add to one of two centred bars (4:2:0 pads by even numbers). */
const BAR_ALIGNMENT = 2

/** What to trim from two opposite edges with bars of `a` and `b` lines, along a side of `size` lines (see above). */
function pairedBars (a: number, b: number, size: number, minContent: number): [number, number] {
  if (a === 0 || b === 0) return [0, 0]
  const trimmed: [number, number] = [Math.min(a, b + BAR_ALIGNMENT), Math.min(b, a + BAR_ALIGNMENT)]
  return size - trimmed[0] - trimmed[1] < size * minContent ? [0, 0] : trimmed
}

/** The pixels of a crop, as a new RGB frame. */
export function cropRgb (image: RgbImage, crop: Crop): RgbImage {
  const out = new Uint8Array(crop.width * crop.height * 3)
  for (let y = 0; y < crop.height; y++) {
    const from = ((crop.top + y) * image.width + crop.left) * 3
    out.set(image.data.subarray(from, from + crop.width * 3), y * crop.width * 3)
  }
  return { width: crop.width, height: crop.height, data: out }
}
