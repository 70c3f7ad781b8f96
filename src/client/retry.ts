// Retries with backoff for answers whose problem code says "later", only where repeating the request is safe.
import { retryAfterMs, type ProblemCode } from './problem.ts'

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

/**
 * The codes after which the same request may be sent again (the "retry" column of the Problem schema's code table,
 * docs/errors.md): the client over its rate, the gateway's database or workers unavailable for a moment, and the
 * first request with the same Idempotency-Key still running (its answer is replayed once it has one).
 */
export const RETRY_LATER_CODES: ReadonlySet<string> = new Set<ProblemCode>([
  'rate_limited',
  'idempotent_request_in_progress',
  'idempotency_key_released',
  'database_unavailable',
  'idempotency_key_lost',
  'hash_index_unavailable',
  'media_hashing_busy',
  'rendering_busy',
  'media_hashing_cancelled',
  'video_hashing_unavailable'
])

/** Answers that are not the gateway's own problem documents (a proxy's, a load balancer's) say "later" by status. */
const LATER_STATUSES = new Set([429, 503])

// RFC 9110 §9.2.2: repeating these has the effect of sending them once.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])

/** A request may be repeated when its method is idempotent, or when an Idempotency-Key makes the server replay it. */
export function mayRepeat (request: Request): boolean {
  return IDEMPOTENT_METHODS.has(request.method) || request.headers.has('idempotency-key')
}

/** The code of a refusal that is a problem document, else null; the response's own body is left unread. */
export async function problemCodeOf (response: Response): Promise<string | null> {
  if (response.status < 400) return null
  const mediaType = response.headers.get('content-type')?.split(';')[0].trim().toLowerCase()
  if (mediaType !== 'application/problem+json') return null
  try {
    const body: unknown = await response.clone().json()
    const code = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).code : undefined
    return typeof code === 'string' ? code : null
  } catch {
    return null
  }
}

/** Whether the answer asks for the same request again later: by its code, or by its status when it carries none. */
export async function saysLater (response: Response): Promise<boolean> {
  if (response.status < 400) return false
  const code = await problemCodeOf(response)
  return code === null ? LATER_STATUSES.has(response.status) : RETRY_LATER_CODES.has(code)
}

/** How long to wait before the next attempt: what Retry-After says, else exponential backoff with jitter. */
export function retryDelay (response: Response, attempt: number, policy: RetryPolicy, random = Math.random): number {
  const asked = retryAfterMs(response.headers.get('retry-after'))
  if (asked !== null) return asked
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + random() * ceiling / 2)
}

/** Wraps fetch: an answer saying "later" to a repeatable request is tried again, `maxAttempts` times in all at most. */
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
      if (last || !(await saysLater(response))) return response
      const delayMs = retryDelay(response, attempt, policy)
      if (delayMs > policy.maxDelayMs) return response
      // Read to the end (a problem document is small), so the connection can carry the next attempt.
      await response.arrayBuffer().catch(() => undefined)
      options.onRetry?.({ attempt, status: response.status, delayMs, method: request.method, url: request.url })
      await wait(delayMs, request.signal)
    }
  }
}
