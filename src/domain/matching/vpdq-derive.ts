// What the bank derives from a removed video's own frames, beside its vPDQ: the vPDQ of central crops of every
// kept frame, and a dense vPDQ (every frame close to a kept one) for copies whose frames are shifted in time.
import { pdqFromRgb, type RgbImage } from './pdq.ts'
import { centreCrop } from './image-crops.ts'
import { cropLabel } from './hash-bank.ts'
import { DEFAULT_SECONDS_PER_HASH, vpdqFeature } from './vpdq.ts'
import { MAX_VPDQ_FEATURES, prepareVideo } from './vpdq-match.ts'
import type { VpdqFeature } from './vpdq-types.ts'

/** The video hashes derived beside a video's own vPDQ; each becomes a vpdq entry of its own. */
export interface VideoDerivation {
  /** Central crops (percent of each side) of every kept frame; each percentage is one video hash, `crop:<n>`. */
  cropPercents: readonly number[]
  /**
   * The dense video hash (`dense`): every frame within this many seconds of a kept frame, either side; null for
   * none. Frames further from a kept frame than half a hash step are never needed (they are nearer the next one).
   */
  denseWindowSeconds: number | null
}

export const DENSE_LABEL = 'dense'

/**
 * What POST /v1/hash-bank/media banks for a video, measured by bench/video-robustness.ts on fast-moving samples.
 * A crop's frames catch copies cropped to within about 2 points of it (each side kept): 94/90/86/82 caught every
 * copy cropped to 94%, 90% and 86%, the images' eight levels missed some, and each level costs one frame a second.
 * ffmpeg's `-r 15`, `-r 24` and `-r 25` show each second's frame one to three frames (at 30 fps) early, which the
 * 1-per-second frames miss on fast motion: frames within 0.1 s of a kept one caught all of them (within 0.067 s
 * missed -r 15; one frame in three over the whole video missed -r 24 and -r 25), at 7 frames a second at 30 fps.
 */
export const BANKED_VIDEO_DERIVATION: VideoDerivation = { cropPercents: [94, 90, 86, 82], denseWindowSeconds: 0.1 }

/** A derived video hash: its labels and its features (frame numbers and timestamps of the video itself). */
export interface DerivedVpdq { labels: string[], features: VpdqFeature[] }

/**
 * The frames to decode: those vPDQ keeps (every `step`-th) and, when a dense hash is derived, every frame at most
 * `window` frames from one of them.
 */
export function isDecodedFrame (frameNumber: number, step: number, window: number | null): boolean {
  const r = frameNumber % step
  return r === 0 || (window !== null && (r <= window || r >= step - window))
}

/** The next frame number after `frameNumber` that isDecodedFrame selects (the decoder's output carries none). */
export function nextDecodedFrame (frameNumber: number, step: number, window: number | null): number {
  let n = frameNumber + 1
  while (!isDecodedFrame(n, step, window)) n++
  return n
}

/** ffmpeg's select expression for isDecodedFrame (undefined when every frame is decoded). */
export function decodedFramesFilter (step: number, window: number | null): string | undefined {
  if (step === 1 || (window !== null && 2 * window + 1 >= step)) return undefined
  return window === null || window === 0
    ? `select=not(mod(n\\,${step}))`
    : `select=lte(mod(n\\,${step})\\,${window})+gte(mod(n\\,${step})\\,${step - window})`
}

/**
 * The dense hash's window in frames either side of a kept frame: windowSeconds at the frame rate, narrowed for a
 * long video (its duration known) so that the dense hash holds at most MAX_VPDQ_FEATURES frames, like every video
 * hash the bank exchanges; null when not even one frame either side fits.
 */
export function denseWindowFrames (
  windowSeconds: number, frameRate: number, step: number, durationSeconds?: number
): number | null {
  let window = Math.min(Math.floor(windowSeconds * frameRate + 1e-9), Math.floor((step - 1) / 2))
  if (durationSeconds !== undefined) {
    const keptFrames = Math.ceil(durationSeconds * frameRate / step) + 1
    window = Math.min(window, Math.floor((Math.floor(MAX_VPDQ_FEATURES / keptFrames) - 1) / 2))
  }
  return window >= 1 ? window : null
}

/**
 * Collects the derived hashes of one video frame by frame, in decoding order: each kept frame's crops, and every
 * dense frame (a kept frame's own feature reused, not hashed twice), at most MAX_VPDQ_FEATURES of them.
 */
export class VideoDeriver {
  /** Frames either side of a kept frame in the dense hash; null for no dense hash. */
  readonly window: number | null
  private readonly crops: VpdqFeature[][]
  private readonly dense: VpdqFeature[] = []

  constructor (
    readonly derivation: VideoDerivation, readonly frameRate: number, readonly step: number, durationSeconds?: number
  ) {
    this.window = derivation.denseWindowSeconds === null
      ? null
      : denseWindowFrames(derivation.denseWindowSeconds, frameRate, step, durationSeconds)
    this.crops = derivation.cropPercents.map(() => [])
  }

  /** One decoded frame; `kept` is its vPDQ feature when vPDQ keeps it. */
  add (frameNumber: number, frame: RgbImage, kept: VpdqFeature | undefined): void {
    if (kept !== undefined) {
      this.derivation.cropPercents.forEach((percent, c) => {
        const { hash, quality } = pdqFromRgb(centreCrop(frame, percent))
        this.crops[c].push({ frame: frameNumber, quality, hash, timestamp: kept.timestamp })
      })
    }
    if (this.window !== null && isDecodedFrame(frameNumber, this.step, this.window) &&
      this.dense.length < MAX_VPDQ_FEATURES) {
      const { frame: n, quality, hash, timestamp } = kept ?? vpdqFeature(frameNumber, frame, this.frameRate)
      this.dense.push({ frame: n, quality, hash, timestamp })
    }
  }

  /** The derived hashes with at least one frame: the crops in the derivation's order, then the dense hash. */
  result (): DerivedVpdq[] {
    const out = this.derivation.cropPercents.map((percent, c) => ({
      labels: [cropLabel(percent)], features: this.crops[c]
    }))
    if (this.window !== null) out.push({ labels: [DENSE_LABEL], features: this.dense })
    return out.filter((d) => d.features.length > 0)
  }
}

/**
 * A banked video as the index holds it: its kept frames (prepareVideo) and, for a dense hash, the second each
 * kept frame counts toward. comparedMatchPercent is the share of a video's units with a matched frame; a unit is
 * one kept frame, except in a dense hash, where it is the second (at DEFAULT_SECONDS_PER_HASH) nearest the frame's
 * timestamp, so a dense hash answers the share of the video's seconds found, as its 1-per-second vPDQ would.
 */
export interface BankedFrames { hashes: string[], units?: number[] }

export function bankedFrames (features: readonly VpdqFeature[], labels: readonly string[]): BankedFrames {
  const { hashes, kept } = prepareVideo(features)
  if (!labels.includes(DENSE_LABEL)) return { hashes }
  return { hashes, units: kept.map((i) => Math.round(features[i].timestamp / DEFAULT_SECONDS_PER_HASH)) }
}
