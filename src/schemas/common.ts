// Schemas every resource shares: problem documents, pagination, identifiers.
import { Type, type TSchema, type TStringOptions } from 'typebox'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../lib/pagination.ts'
import { CATEGORIES, CONTENT_TYPES, URGENCIES } from '../domain/vocabulary.ts'
import { PROBLEM_CODES, PROBLEM_TYPE_BASE, PROBLEMS } from '../lib/errors.ts'
import { PLAIN_TEXT_PATTERN } from '../lib/text-controls.ts'

/** The codes' table as the document shows it: a client reads what each code means without leaving the document. */
const CODE_TABLE = [
  'What happened, for a client to branch on (see docs/errors.md). Each code has its own `type`, ' +
    `${PROBLEM_TYPE_BASE}{code}; "retry" marks the codes after which the same request may be repeated after ` +
    'Retry-After (where repeating it is safe: a read, or a POST with its Idempotency-Key).',
  '',
  '| code | status | title | retry | when |',
  '| --- | --- | --- | --- | --- |',
  ...PROBLEM_CODES.map((code) => {
    const { status, title, summary } = PROBLEMS[code]
    return `| \`${code}\` | ${status} | ${title} | ${'retryLater' in PROBLEMS[code] ? 'yes' : ''} | ${summary} |`
  })
].join('\n')

export const Problem = Type.Object({
  type: Type.String({ format: 'uri', description: `${PROBLEM_TYPE_BASE}{code}: one per code` }),
  code: Type.Enum(PROBLEM_CODES, { description: CODE_TABLE }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({
    pointer: Type.String({ description: 'JSON pointer into the body, or part:pointer for query, params and headers' }),
    detail: Type.String()
  }, { additionalProperties: true })))
}, { $id: 'Problem', additionalProperties: true, description: 'An RFC 9457 problem document' })

const ProblemRef = Type.Ref('Problem')

/** Every error goes out as an RFC 9457 problem document, whatever the operation's own media types are. */
const PROBLEM_MEDIA_TYPE = 'application/problem+json'

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or does not match the schema',
  401: 'No valid API key',
  403: 'The caller\'s role may not do this',
  404: 'No such resource (or not visible to this caller)',
  409: 'Conflicts with the current state, or a retry of a request still running (see `code`)',
  412: 'The If-Match precondition failed',
  413: 'The body is larger than allowed',
  415: 'The body\'s Content-Type is not one this operation takes',
  422: 'Well-formed but not acceptable',
  428: 'If-Match is required',
  429: 'Rate limit reached; see Retry-After',
  500: 'Unexpected failure (details are logged, never returned)',
  503: 'Temporarily unavailable (the database or an index is not reachable); see Retry-After'
}

const RETRY_AFTER = { type: 'integer', minimum: 0, description: 'Seconds to wait before retrying' }
const ERROR_HEADERS: Record<number, Record<string, unknown>> = {
  401: { 'WWW-Authenticate': { type: 'string', description: 'The authentication scheme to use: Bearer' } },
  409: { 'Retry-After': RETRY_AFTER },
  503: { 'Retry-After': RETRY_AFTER }
}

/** One error answer: a problem document under application/problem+json (named Problem for generated clients). */
export function problemResponse (status: number, description = ERROR_DESCRIPTIONS[status] ?? 'Error') {
  return {
    description,
    ...(ERROR_HEADERS[status] ? { headers: ERROR_HEADERS[status] } : {}),
    content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemRef } }
  }
}

/** What any request with a body can meet before its route runs: unparsable JSON, too large, an unknown Content-Type. */
export const BODY_ERRORS = [400, 413, 415] as const

/**
 * Every route declares the errors it can answer; 401, 429, 500 and 503 stand for every authenticated route
 * (the key lookup alone reads the database).
 */
export function errorResponses (...statuses: number[]): Record<number, ReturnType<typeof problemResponse>> {
  const out: Record<number, ReturnType<typeof problemResponse>> = {}
  for (const status of new Set([...statuses, 401, 429, 500, 503])) out[status] = problemResponse(status)
  return out
}

const LOCATION = { type: 'string', format: 'uri-reference', description: 'The path of the created resource' }
const REPLAYED = {
  type: 'string',
  const: 'true',
  description: 'Present when this is the stored answer to an earlier request with the same Idempotency-Key'
}

/**
 * What a creating POST answers: the representation, its address in Location where it has one of its own, and
 * Idempotent-Replayed on a retry's replay (every creating POST takes an Idempotency-Key).
 */
export function created<T extends TSchema> (schema: T, options: { location?: boolean } = {}) {
  const location = options.location ?? true
  return {
    description: location ? 'Created; Location names the new resource' : 'Created',
    headers: { ...(location ? { Location: LOCATION } : {}), 'Idempotent-Replayed': REPLAYED },
    content: { 'application/json': { schema } }
  }
}

/**
 * Text a caller sends that the gateway keeps and shows again (in letters, feeds, terminals): refused (400, the field
 * named) when it holds a control character other than tab and line feed, or an explicit bidirectional control that
 * is not closed on its line, so that what it shows is what it says. The pattern puts the rule in the OpenAPI
 * document; src/lib/text-controls.ts explains it.
 */
export const Text = (options: TStringOptions = {}) => Type.String({ ...options, pattern: PLAIN_TEXT_PATTERN })

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 })
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false })

export const PageQuery = {
  limit: Type.Optional(Type.Integer({
    format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE
  })),
  cursor: Type.Optional(Type.String({
    minLength: 1, maxLength: 200, description: 'Opaque cursor from a previous page\'s nextCursor'
  }))
}

export function ListOf<T extends TSchema> (item: T) {
  return Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()])
  })
}

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({
    minLength: 1, maxLength: 255, description: 'Makes a retry replay the first response for 24 hours'
  }))
})

export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 })

export const CategorySchema = Type.Enum(CATEGORIES, {
  description: 'The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)'
})
export const ContentTypeSchema = Type.Enum(CONTENT_TYPES, { description: 'What the item is' })
export const UrgencySchema = Type.Enum(URGENCIES, {
  description: 'Urgent notices get the platform\'s short deadline (1 hour by default)'
})
