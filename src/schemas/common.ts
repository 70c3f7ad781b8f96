// Schemas every resource shares: problem documents, pagination, identifiers.
import { Type, type TSchema } from 'typebox'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../lib/pagination.ts'
import { CATEGORIES, CONTENT_TYPES, URGENCIES } from '../domain/vocabulary.ts'

export const Problem = Type.Object({
  type: Type.String({ format: 'uri' }),
  title: Type.String(),
  status: Type.Integer({ minimum: 400, maximum: 599 }),
  detail: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({
    pointer: Type.String({ description: 'JSON pointer into the body, or part:pointer for query, params and headers' }),
    detail: Type.String()
  }, { additionalProperties: true })))
}, { $id: 'Problem', additionalProperties: true, description: 'An RFC 9457 problem document' })

const ProblemRef = Type.Ref('Problem')

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed or does not match the schema',
  401: 'No valid API key',
  403: 'The caller\'s role may not do this',
  404: 'No such resource (or not visible to this caller)',
  409: 'Conflicts with the current state, or a retry of a request still running',
  412: 'The If-Match precondition failed',
  413: 'The body is larger than allowed',
  415: 'Unsupported media type',
  422: 'Well-formed but not acceptable',
  428: 'If-Match is required',
  429: 'Rate limit reached; see Retry-After'
}

/** Every route declares the errors it can answer; 401, 429, 500 and 503 stand for every authenticated route. */
export function errorResponses (...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {}
  for (const status of [...statuses, 401, 429]) {
    out[status] = Type.Unsafe({ ...ProblemRef, description: ERROR_DESCRIPTIONS[status] ?? 'Error' })
  }
  out[500] = Type.Unsafe({ ...ProblemRef, description: 'Unexpected failure (details are logged, never returned)' })
  out[503] = Type.Unsafe({ ...ProblemRef, description: 'The database cannot be reached for the moment; retry after `Retry-After` seconds' })
  return out
}

export const Uuid = Type.String({ format: 'uuid', maxLength: 36 })
export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false })

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Opaque cursor from a previous page\'s nextCursor' }))
}

export function ListOf<T extends TSchema> (item: T) {
  return Type.Object({
    data: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()])
  })
}

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Makes a retry replay the first response for 24 hours' }))
})

export const Timestamp = Type.String({ format: 'date-time', maxLength: 40 })

/** Reads carry an ETag; a client that sends it back in If-None-Match gets this when nothing changed. */
export const NotModified = { 304: Type.Null({ description: 'Not modified: nothing changed since the ETag sent in If-None-Match' }) }

export const CategorySchema = Type.Enum(CATEGORIES, { description: 'The kind of violation (each maps onto the EU DSA Transparency Database vocabulary)' })
export const ContentTypeSchema = Type.Enum(CONTENT_TYPES, { description: 'What the item is' })
export const UrgencySchema = Type.Enum(URGENCIES, { description: 'Urgent notices get the platform\'s short deadline (1 hour by default)' })
