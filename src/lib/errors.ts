// Application errors: what went wrong, in the service's own words. The domain, use cases, repositories and jobs
// throw these; the problems plugin alone turns them into RFC 9457 documents. Every problem the gateway answers
// carries one of the codes below, and the code alone says what happened (docs/errors.md describes each one).

export interface ProblemDefinition {
  status: number
  /** The same for every occurrence of the code (RFC 9457 §3.1.3); the detail says what is particular. */
  title: string
  /** One line for the OpenAPI document; docs/errors.md says more, and what a caller should do. */
  summary: string
  /** Repeating the same request later may succeed (with Retry-After), where repeating it is safe. */
  retryLater?: true
}

/** Every problem code, its status and title: the table the handler, OpenAPI and docs/errors.md follow. */
export const PROBLEMS = {
  // 400
  validation_failed: {
    status: 400,
    title: 'Invalid request',
    summary: 'The request does not match the operation\'s schema, or holds text that cannot be stored; `errors` ' +
      'names each field'
  },
  malformed_body: {
    status: 400,
    title: 'Malformed body',
    summary: 'The body cannot be parsed as its Content-Type says (invalid or empty JSON)'
  },
  malformed_request: {
    status: 400,
    title: 'Bad request',
    summary: 'The request is not valid HTTP, or its URL is malformed'
  },
  invalid_cursor: {
    status: 400,
    title: 'Invalid cursor',
    summary: 'The cursor is not one this service issued'
  },
  idempotency_key_invalid: {
    status: 400,
    title: 'Invalid Idempotency-Key',
    summary: 'The Idempotency-Key header is not 1 to 255 visible ASCII characters'
  },
  upload_incomplete: {
    status: 400,
    title: 'Upload incomplete',
    summary: 'The uploaded body could not be read to its end'
  },
  // 401, 403, 404, 405, 408
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    summary: 'No API key, a malformed Authorization header, or a key that is unknown or revoked'
  },
  forbidden: {
    status: 403,
    title: 'Forbidden',
    summary: 'The caller\'s role may not call this operation'
  },
  notice_action_forbidden: {
    status: 403,
    title: 'Action forbidden',
    summary: 'The caller\'s role may not take this lifecycle action on a notice; `allowed` lists the actions it may ' +
      'take'
  },
  not_found: {
    status: 404,
    title: 'Not found',
    summary: 'No such resource, or none this caller may see'
  },
  route_not_found: {
    status: 404,
    title: 'Not found',
    summary: 'No operation has this path'
  },
  method_not_allowed: {
    status: 405,
    title: 'Method not allowed',
    summary: 'The path exists but not with this method; `Allow` lists the methods'
  },
  request_timeout: {
    status: 408,
    title: 'Request timeout',
    summary: 'The request\'s headers or body did not arrive in time'
  },
  // 409
  already_exists: {
    status: 409,
    title: 'Already exists',
    summary: 'A resource with the same identity exists already'
  },
  notice_transition_not_allowed: {
    status: 409,
    title: 'Action not allowed',
    summary: 'The notice\'s current status does not allow this action; `currentStatus` and `allowed` say what does'
  },
  notice_not_removed: {
    status: 409,
    title: 'Not removed yet',
    summary: 'The notice\'s material is banked only once it is removed or restricted'
  },
  last_administrator: {
    status: 409,
    title: 'Last administrator',
    summary: 'The last active administrator cannot be revoked'
  },
  idempotent_request_in_progress: {
    status: 409,
    title: 'Request in progress',
    summary: 'A request with this Idempotency-Key is still running; retry after Retry-After to get its answer',
    retryLater: true
  },
  idempotency_key_released: {
    status: 409,
    title: 'Idempotency conflict',
    summary: 'The first request with this Idempotency-Key failed while this one arrived; retry after Retry-After',
    retryLater: true
  },
  // 412, 413, 414, 415
  precondition_failed: {
    status: 412,
    title: 'Precondition failed',
    summary: 'If-Match does not name the resource\'s current version'
  },
  content_too_large: {
    status: 413,
    title: 'Content too large',
    summary: 'The body is larger than the operation takes'
  },
  uri_too_long: {
    status: 414,
    title: 'URI too long',
    summary: 'A path segment is longer than the service accepts'
  },
  unsupported_media_type: {
    status: 415,
    title: 'Unsupported media type',
    summary: 'The body\'s Content-Type (or, for media, its actual format) is not one the operation takes'
  },
  // 422
  report_not_accepted: {
    status: 422,
    title: 'Report not accepted',
    summary: 'An item of the report is not recognised or not acceptable; `errors` names each; nothing was stored'
  },
  client_not_accepted: {
    status: 422,
    title: 'Invalid client',
    summary: 'The client cannot be created as described; `errors` names each field'
  },
  webhook_endpoint_not_accepted: {
    status: 422,
    title: 'Invalid webhook endpoint',
    summary: 'The webhook endpoint cannot be saved as described; `errors` names each field'
  },
  notice_transition_invalid: {
    status: 422,
    title: 'Invalid transition',
    summary: 'The lifecycle action is allowed now, but its fields are not acceptable; `errors` names each'
  },
  notice_item_not_found: {
    status: 422,
    title: 'Item not in notice',
    summary: 'The notice has no item with the given id'
  },
  hashes_not_accepted: {
    status: 422,
    title: 'Hashes not accepted',
    summary: 'A hash to match is malformed; `errors` names each; nothing was matched'
  },
  hash_list_name_reserved: {
    status: 422,
    title: 'List name not accepted',
    summary: 'The import names a list the gateway keeps itself'
  },
  hash_list_unreadable: {
    status: 422,
    title: 'List not readable',
    summary: 'The hash list cannot be read at all (for example, no header line); nothing was stored'
  },
  hash_list_empty: {
    status: 422,
    title: 'List empty',
    summary: 'The hash list holds no hash lines; nothing was stored'
  },
  hash_list_rejected: {
    status: 422,
    title: 'List not accepted',
    summary: 'A strict import found malformed lines; `errors` names each; nothing was stored'
  },
  checkpoint_not_accepted: {
    status: 422,
    title: 'Checkpoint not accepted',
    summary: 'The checkpoint is not an audit checkpoint signed by one of this gateway\'s keys'
  },
  media_unreadable: {
    status: 422,
    title: 'Unreadable media',
    summary: 'The image or video is of a supported format but cannot be decoded'
  },
  video_not_accepted: {
    status: 422,
    title: 'Video not accepted',
    summary: 'The video is readable but beyond the gateway\'s limits (frame size, length, decoding time)'
  },
  idempotency_key_in_use: {
    status: 422,
    title: 'Idempotency-Key reused',
    summary: 'This Idempotency-Key was already used with a different request'
  },
  // 428, 429, 431
  precondition_required: {
    status: 428,
    title: 'Precondition required',
    summary: 'The operation needs If-Match with the ETag of the caller\'s last read'
  },
  rate_limited: {
    status: 429,
    title: 'Too many requests',
    summary: 'The client is over its rate; retry after Retry-After',
    retryLater: true
  },
  headers_too_large: {
    status: 431,
    title: 'Request header fields too large',
    summary: 'The request\'s headers are larger than the service accepts (16 KB)'
  },
  // 500, 503
  internal_error: {
    status: 500,
    title: 'Internal server error',
    summary: 'An unexpected failure; it is logged, and nothing of it is answered'
  },
  database_unavailable: {
    status: 503,
    title: 'Service unavailable',
    summary: 'The database cannot be reached; retry after Retry-After',
    retryLater: true
  },
  idempotency_key_lost: {
    status: 503,
    title: 'Idempotency key lost',
    summary: 'The request lost its Idempotency-Key while the database connection was restored; retry it',
    retryLater: true
  },
  hash_index_unavailable: {
    status: 503,
    title: 'Hash index unavailable',
    summary: 'The hash bank\'s index could not be loaded; retry after Retry-After',
    retryLater: true
  },
  media_hashing_busy: {
    status: 503,
    title: 'Media hashing busy',
    summary: 'Every place for media hashing is taken; retry after Retry-After',
    retryLater: true
  },
  rendering_busy: {
    status: 503,
    title: 'Rendering busy',
    summary: 'Every place for rendering notice letters is taken; retry after Retry-After',
    retryLater: true
  },
  media_hashing_cancelled: {
    status: 503,
    title: 'Hashing cancelled',
    summary: 'The media hashing was cancelled before it finished',
    retryLater: true
  },
  video_hashing_unavailable: {
    status: 503,
    title: 'Video hashing unavailable',
    summary: 'The gateway cannot start its video decoder (ffmpeg); retry after Retry-After',
    retryLater: true
  }
} as const satisfies Record<string, ProblemDefinition>

export type ProblemCode = keyof typeof PROBLEMS

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[]

/** Each code's `type` is this base and the code; docs/errors.md has a section (anchor) per code under the same name. */
export const PROBLEM_TYPE_BASE = 'https://takedown.example.gov.kz/problems/'

export const problemType = (code: ProblemCode): string => PROBLEM_TYPE_BASE + code

export const isProblemCode = (value: unknown): value is ProblemCode =>
  typeof value === 'string' && Object.hasOwn(PROBLEMS, value)

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
  readonly title: string
  readonly extra: Record<string, unknown>
  readonly retryAfterSeconds?: number

  constructor (readonly code: ProblemCode, readonly detail?: string, options: AppErrorOptions = {}) {
    super(detail ?? PROBLEMS[code].title, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'AppError'
    this.title = PROBLEMS[code].title
    this.extra = options.extra ?? {}
    this.retryAfterSeconds = options.retryAfterSeconds
  }

  get status (): number {
    return PROBLEMS[this.code].status
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `no ${what}`)

export const unprocessable = (code: ProblemCode, detail: string, errors: FieldError[]): AppError =>
  new AppError(code, detail, { extra: { errors } })
