// Retries with backoff for answers that say "later" (429, 503, a keyed request still running), only where repeating is safe.
import { retryAfterMs } from './problem.ts'

export interface RetryPolicy {
  /** Attempts in all, the first included (1: never retry). */
  maxAttempts: number
  /** Backoff when the answer gives no Retry-After: baseDelayMs, doubled each attempt, with jitter. */
  baseDelayMs: number
  /** The longest wait the client accepts; a Retry-After beyond it ends the retries with that answer. */
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 60_000 }

export interface RetryNotice {
  attempt: number
  status: number
  delayMs: number
  method: string
  url: string
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const sleep: Sleep = async (ms, signal) => await new Promise((resolve, reject) => {
  if (signal?.aborted) return reject(signal.reason)
  const timer = setTimeout(() => {
    signal?.removeEventListener('abort', onAbort)
    resolve()
  }, ms)
  const onAbort = (): void => {
    clearTimeout(timer)
    reject(signal!.reason)
  }
  signal?.addEventListener('abort', onAbort, { once: true })
})

const RETRIED_STATUSES = new Set([429, 503])
// RFC 9110 §9.2.2: repeating these has the effect of sending them once.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** A request may be repeated when its method is idempotent, or when an Idempotency-Key makes the server replay it. */
export function mayRepeat (request: Request): boolean {
  return IDEMPOTENT_METHODS.has(request.method) || request.headers.has('idempotency-key')
}

/** A 409 with Retry-After to a keyed request: the first request with that key is still running; its answer will replay. */
function stillRunning (request: Request, response: Response): boolean {
  return response.status === 409 && request.headers.has('idempotency-key') && response.headers.has('retry-after')
}

/** How long to wait before the next attempt: what Retry-After says, else exponential backoff with jitter. */
export function retryDelay (response: Response, attempt: number, policy: RetryPolicy, random = Math.random): number {
  const asked = retryAfterMs(response.headers.get('retry-after'))
  if (asked !== null) return asked
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + random() * ceiling / 2)
}

/** Wraps fetch so that a 429 or 503 to a repeatable request is tried again, at most `maxAttempts` times in all. */
export function retryingFetch (
  base: (request: Request) => Promise<Response>,
  policy: RetryPolicy,
  options: { sleep?: Sleep, onRetry?: (notice: RetryNotice) => void } = {}
): (request: Request) => Promise<Response> {
  const wait = options.sleep ?? sleep
  return async (request) => {
    const repeatable = policy.maxAttempts > 1 && mayRepeat(request)
    for (let attempt = 1; ; attempt++) {
      const last = !repeatable || attempt >= policy.maxAttempts
      // Each attempt sends a copy, so the body is still there for the next one.
      const response = await base(last ? request : request.clone())
      if (last || !(RETRIED_STATUSES.has(response.status) || stillRunning(request, response))) return response
      const delayMs = retryDelay(response, attempt, policy)
      if (delayMs > policy.maxDelayMs) return response
      // Read to the end (a problem document is small), so the connection can carry the next attempt.
      await response.arrayBuffer().catch(() => undefined)
      options.onRetry?.({ attempt, status: response.status, delayMs, method: request.method, url: request.url })
      await wait(delayMs, request.signal)
    }
  }
}
