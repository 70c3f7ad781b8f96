// What the bank derives from a removed video's own frames, beside its vPDQ: the vPDQ of central crops of every
// kept frame, and a dense vPDQ (frames a fraction of a second apart) for copies whose frames are shifted in time.
import { pdqFromRgb, type RgbImage } from './pdq.ts'
import { centreCrop } from './image-crops.ts'
import { cropLabel } from './hash-bank.ts'
import { DEFAULT_SECONDS_PER_HASH, vpdqFeature, vpdqFrameStep } from './vpdq.ts'
import { MAX_VPDQ_FEATURES, prepareVideo } from './vpdq-match.ts'
import type { VpdqFeature } from './vpdq-types.ts'

/** The video hashes derived beside a video's own vPDQ; each becomes a vpdq entry of its own. */
export interface VideoDerivation {
  /** Central crops (percent of each side) of every kept frame; each percentage is one video hash, `crop:<n>`. */
  cropPercents: readonly number[]
  /** Seconds between the frames of the dense video hash (`dense`); null for none. */
  denseSecondsPerHash: number | null
}

export const DENSE_LABEL = 'dense'

/**
 * What POST /v1/hash-bank/media banks for a video (bench/video-robustness.ts measures the choice). A crop's frames
 * match copies cropped to within about 3 points of it, and cropping is cheap to add to a re-upload, so the levels
 * are those of the common 2-8% a border. The dense hash keeps a frame every 0.1 s: a copy re-timed by ffmpeg's
 * `-r` shows each second's frame 0.1 s early, which 1-per-second frames miss on fast motion.
 */
export const BANKED_VIDEO_DERIVATION: VideoDerivation = { cropPercents: [94, 90, 84], denseSecondsPerHash: 0.1 }

/** A derived video hash: its labels and its features (frame numbers and timestamps of the video itself). */
export interface DerivedVpdq { labels: string[], features: VpdqFeature[] }

/** The frames to decode: those vPDQ keeps (every `step`-th) and, when a dense hash is derived, every `denseStep`-th. */
export function isDecodedFrame (frameNumber: number, step: number, denseStep: number | null): boolean {
  return frameNumber % step === 0 || (denseStep !== null && frameNumber % denseStep === 0)
}

/** The next frame number after `frameNumber` that isDecodedFrame selects (the decoder's output carries none). */
export function nextDecodedFrame (frameNumber: number, step: number, denseStep: number | null): number {
  let n = frameNumber + 1
  while (!isDecodedFrame(n, step, denseStep)) n++
  return n
}

/**
 * The dense hash's frame step: its seconds apart, widened for a long video (its duration known) so that the dense
 * hash holds at most MAX_VPDQ_FEATURES frames, like every video hash the bank exchanges.
 */
export function denseFrameStep (denseSecondsPerHash: number, frameRate: number, durationSeconds?: number): number {
  const step = vpdqFrameStep(denseSecondsPerHash, frameRate)
  if (durationSeconds === undefined) return step
  return Math.max(step, Math.ceil(durationSeconds * frameRate / MAX_VPDQ_FEATURES))
}

/**
 * Collects the derived hashes of one video frame by frame, in decoding order: each kept frame's crops, and every
 * dense frame (a kept frame's own feature reused, not hashed twice), at most MAX_VPDQ_FEATURES of them.
 */
export class VideoDeriver {
  readonly denseStep: number | null
  private readonly crops: VpdqFeature[][]
  private readonly dense: VpdqFeature[] = []

  constructor (readonly derivation: VideoDerivation, readonly frameRate: number, durationSeconds?: number) {
    this.denseStep = derivation.denseSecondsPerHash === null ? null : denseFrameStep(derivation.denseSecondsPerHash, frameRate, durationSeconds)
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
    if (this.denseStep !== null && frameNumber % this.denseStep === 0 && this.dense.length < MAX_VPDQ_FEATURES) {
      const { frame: n, quality, hash, timestamp } = kept ?? vpdqFeature(frameNumber, frame, this.frameRate)
      this.dense.push({ frame: n, quality, hash, timestamp })
    }
  }

  /** The derived hashes with at least one frame: the crops in the derivation's order, then the dense hash. */
  result (): DerivedVpdq[] {
    const out = this.derivation.cropPercents.map((percent, c) => ({ labels: [cropLabel(percent)], features: this.crops[c] }))
    if (this.denseStep !== null) out.push({ labels: [DENSE_LABEL], features: this.dense })
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
