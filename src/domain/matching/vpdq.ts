// vPDQ hashing without any decoding (docs/vpdq.md): which frames are kept, their timestamps, and a frame's feature.
import { pdqFromRgb, type RgbImage } from './pdq.ts'
import { cropRgb, uniformBorders } from './borders.ts'
import type { VpdqFeature, VpdqHash } from './vpdq-types.ts'

/** HMA hashes one frame per second; 0 keeps every frame (the reference's `-r 0`). */
export const DEFAULT_SECONDS_PER_HASH = 1

/**
 * A stream's frame rate from its rationals as containers state them ("30000/1001"): `avg_frame_rate`, or
 * `r_frame_rate` when that is 0/0 (docs/vpdq.md step 2). Undefined when neither gives a positive rate: such a video is
 * refused, not hashed as empty.
 */
export function vpdqFrameRate (avgFrameRate: string | undefined, rFrameRate?: string): number | undefined {
  const avg = parseRational(avgFrameRate)
  if (avg !== undefined && avg.den !== 0) return avg.num > 0 ? avg.num / avg.den : undefined
  const r = parseRational(rFrameRate)
  if (r !== undefined && r.den !== 0 && r.num > 0) return r.num / r.den
  return undefined
}

function parseRational (text: string | undefined): { num: number, den: number } | undefined {
  const m = /^(-?\d+(?:\.\d+)?)(?:\/(-?\d+))?$/.exec(text?.trim() ?? '')
  if (m === null) return undefined
  const num = Number(m[1])
  const den = m[2] === undefined ? 1 : Number(m[2])
  return Number.isFinite(num) && Number.isFinite(den) ? { num, den } : undefined
}

/** Every `step`-th frame is kept: `max(1, floor(secondsPerHash * frameRate))` (docs/vpdq.md step 3). */
export function vpdqFrameStep (secondsPerHash: number, frameRate: number): number {
  if (!(secondsPerHash >= 0) || !Number.isFinite(secondsPerHash)) {
    throw new RangeError('secondsPerHash must be a finite number >= 0')
  }
  if (!(frameRate > 0) || !Number.isFinite(frameRate)) {
    throw new RangeError('frameRate must be a positive finite number')
  }
  return Math.max(1, Math.floor(secondsPerHash * frameRate))
}

export function isKeptFrame (frameNumber: number, step: number): boolean {
  return frameNumber % step === 0
}

/** Seconds from the start, as the reference prints them: frame / rate with three decimals. */
export function vpdqTimestamp (frameNumber: number, frameRate: number): number {
  return Number((frameNumber / frameRate).toFixed(3))
}

/** One kept frame, decoded to RGB at its own size, becomes one feature through full-resolution PDQ. */
export function vpdqFeature (
  frameNumber: number, frame: RgbImage, frameRate: number, options: { trimBorders?: boolean } = {}
): VpdqFeature {
  const { hash, quality } = pdqFromRgb(frame)
  const feature: VpdqFeature = { frame: frameNumber, quality, hash, timestamp: vpdqTimestamp(frameNumber, frameRate) }
  if (options.trimBorders === true) {
    const crop = uniformBorders(frame)
    if (crop !== null) {
      const trimmed = pdqFromRgb(cropRgb(frame, crop))
      feature.trimmedHash = trimmed.hash
      feature.trimmedQuality = trimmed.quality
    }
  }
  return feature
}

/**
 * The hashes to compare when borders count as noise: each frame's trimmed hash (with its own quality: bars' edges
 * lend a flat picture a quality it does not have) where it has one, else its hash.
 */
export function trimmedHashes (features: readonly VpdqFeature[]): VpdqFeature[] {
  return features.map((f) => f.trimmedHash === undefined
    ? { frame: f.frame, quality: f.quality, hash: f.hash, timestamp: f.timestamp }
    : { frame: f.frame, quality: f.trimmedQuality ?? f.quality, hash: f.trimmedHash, timestamp: f.timestamp })
}

/**
 * The video's frames without their borders (trimmedHashes) as a second video hash, or null when no frame's trimmed
 * hash differs from its hash: a video without bars has nothing to add to its plain frames.
 */
export function bordersTrimmed (features: readonly VpdqFeature[]): VpdqFeature[] | null {
  return features.some((f) => f.trimmedHash !== undefined && f.trimmedHash.toLowerCase() !== f.hash.toLowerCase())
    ? trimmedHashes(features)
    : null
}

/** The reference's text format: `frameNumber,quality,pdqHex,timestamp` per line, timestamps with 3 decimals. */
export function formatVpdqText (hash: Pick<VpdqHash, 'features'>): string {
  return hash.features.map((f) => `${f.frame},${f.quality},${f.hash},${f.timestamp.toFixed(3)}\n`).join('')
}

/** Reads the reference's text format; a malformed line names its number. */
export function parseVpdqText (text: string): VpdqFeature[] {
  const features: VpdqFeature[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '') continue
    const m = /^(\d+),(\d+),([0-9a-fA-F]{64}),(\d+(?:\.\d+)?)$/.exec(line)
    if (m === null) throw new SyntaxError(`line ${i + 1}: expected frameNumber,quality,pdqHex,timestamp`)
    features.push({ frame: Number(m[1]), quality: Number(m[2]), hash: m[3].toLowerCase(), timestamp: Number(m[4]) })
  }
  return features
}
