// Renders notices' letters without stalling the event loop: PDFs (and large text or HTML letters) on worker threads
// behind a bounded admission, a full house refused at once with 503 and Retry-After; small letters in place.
import { WorkerPool, workerBeside, type WorkerPoolStats } from '../lib/worker-pool.ts'
import { SingleFlight } from '../lib/single-flight.ts'
import { ByteLru } from '../lib/byte-lru.ts'
import { renderNotice, type RenderedNotice } from './notice.ts'
import type { RenderTask } from './render-worker.ts'

export interface NoticeRendererOptions {
  /** Worker threads; 0 chooses one fewer than the cores (at least 1). */
  threads: number
  /** Letters that may wait for a thread beyond those being rendered. */
  queue: number
}

/**
 * A text or HTML letter of up to this many items renders in well under a millisecond a hundred items (bench:render),
 * less than handing it to a thread costs; past it, and every PDF, goes to a thread.
 */
const INLINE_ITEMS = 200

/** About 170 PDFs of 1,000-item notices, or thousands of ordinary letters. */
const KEPT_IN_MEMORY_BYTES = 64 * 1024 * 1024

interface Letter { contentType: string, body: Buffer }

export class NoticeRenderer {
  /** Letters being rendered or read, by what identifies them: a second request waits for the first's. */
  readonly flights = new SingleFlight<Letter>()
  /** The letters read most, kept in memory too (they never change). */
  readonly kept = new ByteLru<Letter>(KEPT_IN_MEMORY_BYTES)
  private readonly pool: WorkerPool

  constructor (options: NoticeRendererOptions) {
    this.pool = new WorkerPool({
      filename: workerBeside(import.meta.url, 'render-worker'),
      threads: options.threads,
      queue: options.queue,
      busy: {
        code: 'rendering_busy',
        detail: (capacity) => `${capacity} notice letters are being rendered or waiting; retry shortly`,
        retryAfterSeconds: 2
      }
    })
  }

  stats (): WorkerPoolStats {
    return this.pool.stats()
  }

  async render (task: RenderTask): Promise<RenderedNotice> {
    if (task.format !== 'pdf' && task.content.items.length <= INLINE_ITEMS) {
      return await renderNotice(task.content, task.format, task.lang, task.signature)
    }
    const release = this.pool.admit()
    try {
      const { contentType, body } = await this.pool.run<RenderedNotice>(task)
      // A Buffer comes back from the thread as a plain Uint8Array.
      const bytes = typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)
      return { contentType, body: bytes }
    } finally {
      release()
    }
  }

  async close (): Promise<void> {
    await this.pool.close()
  }
}
