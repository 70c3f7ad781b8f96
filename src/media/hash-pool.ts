// The media hashing threads and their bounded admission: a full queue is refused at once (503 with Retry-After).
import { AppError } from '../lib/errors.ts'
import type { VpdqHash } from '../domain/matching/vpdq-types.ts'
import type { FfmpegTools } from './ffmpeg.ts'
import type { DerivedVideoHashes, VideoLimits } from './hash-video.ts'
import type { VideoDerivation } from '../domain/matching/vpdq-derive.ts'
import type { ImageResult, ImageTask, VideoTask } from './hash-worker.ts'
import { WorkerPool, workerBeside, type WorkerPoolStats } from '../lib/worker-pool.ts'

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

export type MediaHashingStats = WorkerPoolStats

export class MediaHasher {
  private readonly pool: WorkerPool

  constructor (readonly options: MediaHasherOptions) {
    this.pool = new WorkerPool({
      filename: workerBeside(import.meta.url, 'hash-worker'),
      threads: options.threads,
      queue: options.queue,
      busy: {
        code: 'media_hashing_busy',
        detail: (capacity) => `${capacity} media uploads are being hashed or waiting; retry shortly`,
        retryAfterSeconds: 5
      }
    })
  }

  get threads (): number {
    return this.pool.threads
  }

  get capacity (): number {
    return this.pool.capacity
  }

  get ffmpeg (): FfmpegTools | undefined {
    return this.options.ffmpeg
  }

  stats (): MediaHashingStats {
    return this.pool.stats()
  }

  /**
   * Takes one of the bounded places for a media request, before its body is read; the returned release is
   * idempotent. A full house is a `media_hashing_busy` error with Retry-After, answered before any upload is read.
   */
  admit (): () => void {
    return this.pool.admit()
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
    await this.pool.close()
  }

  private async run<T> (task: ImageTask | VideoTask): Promise<T> {
    return await this.pool.run<T>(task)
  }
}
