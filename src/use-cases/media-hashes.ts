// Hashing uploaded media without keeping it: images in memory, videos through a temporary file deleted afterwards.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '../lib/errors.ts'
import { DEFAULT_SECONDS_PER_HASH } from '../domain/matching/vpdq.ts'
import type { MediaHasher } from '../media/hash-pool.ts'
import type { DerivedVpdq, VideoDerivation } from '../domain/matching/vpdq-derive.ts'
import type { VpdqHash } from '../domain/matching/vpdq-types.ts'
import type { ImageResult } from '../media/hash-worker.ts'
import { IMAGE_CONTENT_TYPES, type MediaHashesView, type VpdqView } from '../schemas/media.ts'

export { IMAGE_CONTENT_TYPES, VIDEO_CONTENT_TYPES } from '../schemas/media.ts'
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024

/** A body the image parser did not produce (JSON, text) is simply not an image. */
export function imageBytes (body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(
      'unsupported_media_type', `send the image itself as the body, with Content-Type ${IMAGE_CONTENT_TYPES.join(', ')}`
    )
  }
  return body
}

/** Digests and PDQ of an uploaded image, computed on a hashing thread (optionally with central crops). */
export async function hashImageUpload (
  hasher: MediaHasher, body: unknown, cropPercents: readonly number[] = []
): Promise<ImageResult> {
  return await hasher.hashImage(imageBytes(body), cropPercents)
}

export interface VideoUpload {
  body: Readable
  /** The Content-Length the client declared, if any: refused at once when over the limit. */
  declaredBytes?: number
  maxBytes: number
  tmpDir: string
  secondsPerHash?: number
}

/**
 * A video body written to a temporary file, with its digests. Its public members (digests and size) are what
 * identifies it, so an Idempotency-Key fingerprint of it compares the video itself; the file's path stays private.
 */
export class SpooledVideo {
  readonly #dir: string
  constructor (readonly sha256: string, readonly md5: string, readonly bytes: number, dir: string) { this.#dir = dir }
  get file (): string { return path.join(this.#dir, 'upload') }
  /** Deletes the temporary file; safe to call more than once. */
  async discard (): Promise<void> { await rm(this.#dir, { recursive: true, force: true }) }
}

/**
 * Streams a video body to a temporary file (never whole in memory), digesting it on the way. The caller discards
 * it; on any failure here it is already gone.
 */
export async function spoolVideoUpload (upload: VideoUpload): Promise<SpooledVideo> {
  if (upload.declaredBytes !== undefined && upload.declaredBytes > upload.maxBytes) throw tooLarge(upload.maxBytes)
  const dir = await mkdtemp(path.join(upload.tmpDir, 'takedown-video-'))
  try {
    const file = path.join(dir, 'upload')
    const sha256 = createHash('sha256')
    const md5 = createHash('md5')
    let size = 0
    const digest = new Transform({
      transform (chunk: Buffer, _encoding, done) {
        size += chunk.length
        if (size > upload.maxBytes) return done(tooLarge(upload.maxBytes))
        sha256.update(chunk)
        md5.update(chunk)
        done(null, chunk)
      }
    })
    try {
      await pipeline(upload.body, digest, createWriteStream(file, { flags: 'wx', mode: 0o600 }))
    } catch (error) {
      if (error instanceof AppError) throw error
      throw new AppError('upload_incomplete', 'the video body could not be read to its end', { cause: error })
    }
    if (size === 0) throw new AppError('unsupported_media_type', 'the body is empty; send the video itself')
    return new SpooledVideo(sha256.digest('hex'), md5.digest('hex'), size, dir)
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

/** vPDQ of a spooled video, on a hashing thread, in the answer's shape. */
export async function hashSpooledVideo (
  hasher: MediaHasher, video: SpooledVideo, secondsPerHash = DEFAULT_SECONDS_PER_HASH
): Promise<VpdqView> {
  return vpdqView(await hasher.hashVideo(video.file, secondsPerHash))
}

/** A spooled video's vPDQ (one hash a second) and the hashes derived from the same frames, for the bank. */
export async function hashSpooledVideoForBank (
  hasher: MediaHasher, video: SpooledVideo, derive: VideoDerivation
): Promise<{ vpdq: VpdqView, derived: DerivedVpdq[] }> {
  const { vpdq, derived } = await hasher.hashVideoFrames(video.file, DEFAULT_SECONDS_PER_HASH, derive)
  return { vpdq: vpdqView(vpdq), derived }
}

const vpdqView = (vpdq: VpdqHash): VpdqView => ({
  secondsPerHash: vpdq.secondsPerHash,
  frameRate: vpdq.frameRate ?? 0,
  ...(vpdq.durationSeconds === undefined ? {} : { durationSeconds: vpdq.durationSeconds }),
  features: vpdq.features
})

/**
 * Streams a video body to a temporary file, hashes the file with vPDQ on a hashing thread, and deletes it whatever
 * happens.
 */
export async function hashVideoUpload (hasher: MediaHasher, upload: VideoUpload): Promise<MediaHashesView> {
  const video = await spoolVideoUpload(upload)
  try {
    return { sha256: video.sha256, md5: video.md5, vpdq: await hashSpooledVideo(hasher, video, upload.secondsPerHash) }
  } finally {
    await video.discard()
  }
}

const tooLarge = (maxBytes: number): AppError =>
  new AppError('content_too_large', `a video may be at most ${maxBytes} bytes`)
