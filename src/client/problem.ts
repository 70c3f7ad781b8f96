// A refused request as the RFC 9457 problem document the gateway answered with, thrown by every client call.
import type { components } from './schema.ts'

export type Problem = components['schemas']['Problem']
export type FieldError = NonNullable<Problem['errors']>[number]
/** What happened, as the gateway names it (docs/errors.md): branch on this, never on a status and a header. */
export type ProblemCode = Problem['code']
/** A refusal's document: the gateway's problem, or one without a code made from any other answer (a proxy's page). */
export type ProblemDocument = Problem | (Pick<Problem, 'type' | 'title' | 'status' | 'detail'> & { code?: undefined })

export class ProblemError extends Error {
  readonly status: number
  /**
   * The gateway's code for what happened; null when the answer was not the gateway's problem document (a proxy's
   * error page, say). A newer gateway may send a code this client's types do not list yet.
   */
  readonly code: ProblemCode | null
  readonly type: string
  readonly title: string
  readonly detail?: string
  /** Each offending field of a validation failure (empty otherwise). */
  readonly errors: FieldError[]
  /** The whole document, with any extra members (`allowed`, `currentVersion`, ...). */
  readonly problem: ProblemDocument
  /** What the Retry-After header asked for, in seconds, when it was given. */
  readonly retryAfterSeconds?: number

  constructor (problem: ProblemDocument, retryAfterSeconds?: number) {
    const code = problem.code ?? null
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`)
    this.name = 'ProblemError'
    this.problem = problem
    this.code = code
    this.status = problem.status
    this.type = problem.type
    this.title = problem.title
    this.detail = problem.detail
    this.errors = problem.code === undefined ? [] : problem.errors ?? []
    this.retryAfterSeconds = retryAfterSeconds
  }

  /**
   * The problem of a refused response. A body that is not a problem document (a proxy's error page, say) still
   * becomes one, with the status and the start of the body as its detail.
   */
  static fromResponse (response: Response, body: unknown): ProblemError {
    const retryAfter = retryAfterMs(response.headers.get('retry-after'))
    const seconds = retryAfter === null ? undefined : Math.ceil(retryAfter / 1000)
    if (isProblem(body)) return new ProblemError({ ...body, status: response.status }, seconds)
    const text = typeof body === 'string' ? body.trim().slice(0, 300) : ''
    return new ProblemError({
      type: 'about:blank',
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      ...(text ? { detail: text } : {})
    }, seconds)
  }
}

function isProblem (body: unknown): body is Problem {
  if (typeof body !== 'object' || body === null) return false
  const { title, type } = body as Record<string, unknown>
  return typeof title === 'string' && typeof type === 'string'
}

/**
 * Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from now; null if absent or
 * unreadable.
 */
export function retryAfterMs (header: string | null, now = Date.now()): number | null {
  if (header === null) return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, at - now)
}
