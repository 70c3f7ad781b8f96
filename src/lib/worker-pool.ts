// Worker threads behind a bounded admission: work that would stall the event loop (media hashing, PDF letters)
// runs on them, and a request that finds every place taken is refused at once (503 with Retry-After).
import os from 'node:os'
import { Piscina } from 'piscina'
import { AppError, type ProblemCode } from './errors.ts'

export interface WorkerPoolOptions {
  /** The worker module's URL. */
  filename: string
  /** Worker threads; 0 chooses one fewer than the cores (at least 1), so one core stays with the event loop. */
  threads: number
  /** Requests that may wait for a thread beyond those being worked on. */
  queue: number
  /** The 503 answered when every place is taken, and what its detail says. */
  busy: { code: ProblemCode, detail: (capacity: number) => string, retryAfterSeconds: number }
}

export interface WorkerPoolStats {
  threads: number
  capacity: number
  inFlight: number
}

/** Errors cross the thread boundary as plain data (a structured clone keeps no class) and are rebuilt as AppError. */
export interface TaskFailure { failed: { code: ProblemCode, detail?: string, retryAfterSeconds?: number } }

export class WorkerPool {
  readonly threads: number
  readonly capacity: number
  private admitted = 0
  private readonly pool: Piscina

  constructor (private readonly options: WorkerPoolOptions) {
    this.threads = options.threads > 0 ? options.threads : Math.max(1, os.availableParallelism() - 1)
    this.capacity = this.threads + options.queue
    this.pool = new Piscina({
      filename: options.filename,
      minThreads: 0,
      maxThreads: this.threads,
      // Admission already bounds the work; this only backs it up should a released request's task still run.
      maxQueue: this.capacity,
      idleTimeout: 30_000
    })
  }

  stats (): WorkerPoolStats {
    return { threads: this.threads, capacity: this.capacity, inFlight: this.admitted }
  }

  /**
   * Takes one of the bounded places for a request, before its work (or its body) is read; the returned release is
   * idempotent. A full house is the pool's `busy` error, with Retry-After.
   */
  admit (): () => void {
    if (this.admitted >= this.capacity) throw this.busy()
    this.admitted++
    let released = false
    return () => {
      if (released) return
      released = true
      this.admitted--
    }
  }

  /** Runs one task on a thread; a failure the worker reported as data is thrown as the AppError it stands for. */
  async run<T> (task: unknown): Promise<T> {
    let result: T | TaskFailure
    try {
      result = await this.pool.run(task) as T | TaskFailure
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message)) throw this.busy(error)
      throw error
    }
    if (typeof result === 'object' && result !== null && 'failed' in result) {
      const { code, detail, retryAfterSeconds } = result.failed
      throw new AppError(code, detail, retryAfterSeconds === undefined ? {} : { retryAfterSeconds })
    }
    return result
  }

  async close (): Promise<void> {
    await this.pool.destroy()
  }

  private busy (cause?: Error): AppError {
    const { code, detail, retryAfterSeconds } = this.options.busy
    return new AppError(code, detail(this.capacity), { retryAfterSeconds, ...(cause ? { cause } : {}) })
  }
}

/** The worker module beside `moduleUrl`: `<name>.ts` when run from source, `<name>.js` once compiled. */
export function workerBeside (moduleUrl: string, name: string): string {
  const extension = new URL(moduleUrl).pathname.endsWith('.ts') ? '.ts' : '.js'
  return new URL(`./${name}${extension}`, moduleUrl).href
}
