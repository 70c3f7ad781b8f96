// Runs in a hashing worker thread: image decoding and PDQ, and whole videos (ffmpeg and vPDQ), off the event loop.
import os from 'node:os'
import { AppError } from '../lib/errors.ts'
import type { TaskFailure } from '../lib/worker-pool.ts'
import { md5Hex, sha256Hex } from '../domain/matching/digests.ts'
import { pdqFromRgb } from '../domain/matching/pdq.ts'
import { centreCrop } from '../domain/matching/image-crops.ts'
import { UnsupportedMediaError, decodeImageForPdq, type MediaHashes } from './decode-image.ts'
import { hashVideoFrames, type DerivedVideoHashes, type VideoLimits } from './hash-video.ts'
import type { VideoDerivation } from '../domain/matching/vpdq-derive.ts'
import type { FfmpegTools } from './ffmpeg.ts'

// On Linux a nice value belongs to a thread: this lowers the hashing thread only, and what it starts inherits it
// (libvips' threads, ffmpeg). When the cores are busy the event loop thread (liveness, every other request) is
// scheduled first and hashing takes what is left.
const HASHING_NICE = 10
try {
  os.setPriority(HASHING_NICE)
} catch {
  // Not permitted here (some containers): hashing then competes at the same priority.
}

export interface ImageTask {
  kind: 'image'
  bytes: Uint8Array
  maxPixels: number
  /** Also hash these central crops (percent of each side), as the hash bank keeps them. */
  cropPercents?: readonly number[]
}

export interface VideoTask {
  kind: 'video'
  file: string
  tools: FfmpegTools
  secondsPerHash: number
  limits: VideoLimits
  /** Each frame's trimmedHash too (the gateway always asks for it). */
  trimBorders: boolean
  /** Hashes to derive from the same frames (banking a removed video). */
  derive?: VideoDerivation
}

export interface CropHash { percent: number, hash: string, quality: number }
export type ImageResult = MediaHashes & { crops: CropHash[] }

export default async function run (
  task: ImageTask | VideoTask
): Promise<ImageResult | DerivedVideoHashes | TaskFailure> {
  try {
    return task.kind === 'image' ? await hashImage(task) : await hashVideoFrames(task.file, task)
  } catch (error) {
    if (error instanceof AppError) {
      return { failed: { code: error.code, detail: error.detail, retryAfterSeconds: error.retryAfterSeconds } }
    }
    if (error instanceof UnsupportedMediaError) {
      return error.code === 'unsupported_media'
        ? {
            failed: {
              code: 'unsupported_media_type', detail: `${error.message}; send a JPEG, PNG, WebP, GIF or TIFF image`
            }
          }
        : { failed: { code: 'media_unreadable', detail: error.message } }
    }
    throw error
  }
}

async function hashImage (task: ImageTask): Promise<ImageResult> {
  const image = await decodeImageForPdq(task.bytes, { maxPixels: task.maxPixels })
  const { hash, quality, variants } = pdqFromRgb(image)
  const crops = (task.cropPercents ?? []).map((percent) => ({
    percent, ...pick(pdqFromRgb(centreCrop(image, percent)))
  }))
  return { sha256: sha256Hex(task.bytes), md5: md5Hex(task.bytes), pdq: { hash, quality }, variants, crops }
}

const pick = ({ hash, quality }: {
  hash: string, quality: number
}): { hash: string, quality: number } => ({ hash, quality })
