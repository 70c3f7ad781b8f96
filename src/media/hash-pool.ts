// The media hashing threads and their bounded admission: a full queue is refused at once (503 with Retry-After).
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { AppError } from '../lib/errors.ts'
import type { VpdqHash } from '../domain/matching/vpdq-types.ts'
import type { FfmpegTools } from './ffmpeg.ts'
import type { DerivedVideoHashes, VideoLimits } from './hash-video.ts'
import type { VideoDerivation } from '../domain/matching/vpdq-derive.ts'
import type { ImageResult, ImageTask, TaskFailure, VideoTask } from './hash-worker.ts'

export interface MediaHasherOptions {
  /** Worker threads; 0 chooses one fewer than the cores (at least 1), so one core stays with the event loop. */
  threads: number
  /** Requests that may wait for a thread beyond those being hashed. */
  queue: number
  maxImagePixels: number
  video: VideoLimits
  /** Undefined when no ffmpeg runs here: videos are then refused with 503. */
  ffmpeg: FfmpegTools | undefined
}

export interface MediaHashingStats {
  threads: number
  capacity: number
  inFlight: number
}

const RETRY_AFTER_SECONDS = 5

export class MediaHasher {
  readonly threads: number
  readonly capacity: number
  private admitted = 0
  private readonly pool: Piscina

  constructor (readonly options: MediaHasherOptions) {
    this.threads = options.threads > 0 ? options.threads : Math.max(1, os.availableParallelism() - 1)
    this.capacity = this.threads + options.queue
    this.pool = new Piscina({
      // The worker beside this module: hash-worker.ts when run from source, hash-worker.js once compiled.
      filename: new URL(`./hash-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href,
      minThreads: 0,
      maxThreads: this.threads,
      // Admission already bounds the work; this only backs it up should a released request's task still run.
      maxQueue: this.capacity,
      idleTimeout: 30_000
    })
  }

  get ffmpeg (): FfmpegTools | undefined {
    return this.options.ffmpeg
  }

  stats (): MediaHashingStats {
    return { threads: this.threads, capacity: this.capacity, inFlight: this.admitted }
  }

  /**
   * Takes one of the bounded places for a media request, before its body is read; the returned release is
   * idempotent. A full house is an `unavailable` error with Retry-After, answered before any upload is read.
   */
  admit (): () => void {
    if (this.admitted >= this.capacity) {
      throw new AppError('media_hashing_busy',
        `${this.capacity} media uploads are being hashed or waiting; retry shortly`, {
          retryAfterSeconds: RETRY_AFTER_SECONDS
        })
    }
    this.admitted++
    let released = false
    return () => {
      if (released) return
      released = true
      this.admitted--
    }
  }

  async hashImage (bytes: Uint8Array, cropPercents: readonly number[] = []): Promise<ImageResult> {
    const task: ImageTask = { kind: 'image', bytes, maxPixels: this.options.maxImagePixels, cropPercents }
    return await this.run<ImageResult>(task)
  }

  async hashVideo (file: string, secondsPerHash: number): Promise<VpdqHash> {
    return (await this.hashVideoFrames(file, secondsPerHash)).vpdq
  }

  /** The vPDQ and, with `derive`, the hashes derived from the same frames (one decoding pass on one thread). */
  async hashVideoFrames (file: string, secondsPerHash: number, derive?: VideoDerivation): Promise<DerivedVideoHashes> {
    const tools = this.options.ffmpeg
    if (tools === undefined) {
      throw new AppError(
        'video_hashing_unavailable', 'no ffmpeg executable is available to this gateway (see FFMPEG_PATH)',
        { retryAfterSeconds: 60 }
      )
    }
    // Each feature carries its frame's trimmedHash when the frame has uniform borders; `hash` stays the reference's.
    const task: VideoTask = {
      kind: 'video',
      file,
      tools,
      secondsPerHash,
      limits: this.options.video,
      trimBorders: true,
      ...(derive === undefined ? {} : { derive })
    }
    return await this.run<DerivedVideoHashes>(task)
  }

  async close (): Promise<void> {
    await this.pool.destroy()
  }

  private async run<T> (task: ImageTask | VideoTask): Promise<T> {
    let result: T | TaskFailure
    try {
      result = await this.pool.run(task) as T | TaskFailure
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message)) {
        throw new AppError(
          'media_hashing_busy', 'the media hashing queue is full; retry shortly',
          { retryAfterSeconds: RETRY_AFTER_SECONDS, cause: error }
        )
      }
      throw error
    }
    if (typeof result === 'object' && result !== null && 'failed' in result) {
      const { code, detail, retryAfterSeconds } = result.failed
      throw new AppError(code, detail, retryAfterSeconds === undefined ? {} : { retryAfterSeconds })
    }
    return result
  }
}
