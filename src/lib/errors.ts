// Application errors: what went wrong, in the service's own words. The domain, use cases, repositories and jobs
// throw these; the problems plugin alone turns a code into an HTTP status and an RFC 9457 document.

export type AppErrorCode =
  | 'invalid' // the request is malformed (a bad cursor, an impossible range)
  | 'forbidden' // the caller may not do this to this resource
  | 'not_found'
  | 'conflict' // the resource's current state does not allow it
  | 'precondition_failed' // the caller's version is stale
  | 'precondition_required' // the caller must name the version it acts on (If-Match)
  | 'too_large'
  | 'unsupported_media_type'
  | 'unprocessable' // well-formed, but refused; `errors` names each offending field
  | 'unavailable' // retry later; `retryAfterSeconds` says when

export interface FieldError {
  pointer: string
  detail: string
}

export interface AppErrorOptions {
  /** Extra members of the problem document (`errors`, `currentVersion`, `allowed`, ...). */
  extra?: Record<string, unknown>
  retryAfterSeconds?: number
  cause?: unknown
}

export class AppError extends Error {
  readonly extra: Record<string, unknown>
  readonly retryAfterSeconds?: number

  constructor (readonly code: AppErrorCode, readonly title: string, readonly detail?: string, options: AppErrorOptions = {}) {
    super(detail ?? title, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.extra = options.extra ?? {}
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', 'Not found', `no ${what}`)

export const unprocessable = (title: string, detail: string, errors: FieldError[]): AppError =>
  new AppError('unprocessable', title, detail, { extra: { errors } })
