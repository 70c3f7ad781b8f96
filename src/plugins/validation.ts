// Schema validation: bodies are strict (no coercion, unknown properties are errors); URL parts are coerced.
import { Ajv, type Options } from 'ajv'
import { createRequire } from 'node:module'
import type { FastifySchemaCompiler } from 'fastify'

// ajv-formats is CommonJS whose typings describe an ESM default export; require() gives the callable as it is.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv

/**
 * Dates the service accepts: from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z. PostgreSQL has no year 0
 * (and JavaScript's years beyond 9999 do not print as RFC 3339); nothing the service records predates 1970.
 */
export const EARLIEST_DATE = '1970-01-01T00:00:00Z'
export const LATEST_DATE = '9999-12-31T23:59:59.999Z'
const EARLIEST_MS = Date.parse(EARLIEST_DATE)
const LATEST_MS = Date.parse(LATEST_DATE)
export const DATE_RANGE_DETAIL = `must be an RFC 3339 date between ${EARLIEST_DATE} and 9999-12-31T23:59:59Z`

function inDateRange (value: string): boolean {
  const ms = Date.parse(value)
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= LATEST_MS
}

function makeAjv (options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    useDefaults: true,
    removeAdditional: false,
    ...options
  })
  addFormats(ajv)
  // The standard formats, bounded to the dates the service accepts.
  const formats = ajv.formats as Record<string, { validate: (value: string) => boolean } | ((value: string) => boolean)>
  for (const name of ['date-time', 'date']) {
    const standard = formats[name]
    const check = typeof standard === 'function' ? standard : standard.validate
    ajv.addFormat(
      name,
      {
        type: 'string',
        validate: (value: string) => check(value) && inDateRange(name === 'date' ? `${value}T00:00:00Z` : value)
      }
    )
  }
  return ajv
}

/** Query strings and path parameters are text on the wire, so numbers there must be coerced; bodies never are. */
export function createValidatorCompiler (): FastifySchemaCompiler<unknown> {
  const bodyAjv = makeAjv({ coerceTypes: false })
  const urlAjv = makeAjv({ coerceTypes: 'array' })
  return ({ schema, httpPart }) => {
    const ajv = httpPart === 'body' ? bodyAjv : urlAjv
    return ajv.compile(schema as object)
  }
}

/** No request the service understands nests deeper than this; deeper JSON is refused before anything walks it. */
export const MAX_NESTING = 32

export interface UnstorablePart {
  pointer: string
  detail: string
}

/**
 * PostgreSQL cannot store NUL characters or unpaired UTF-16 surrogates in text; JSON allows both. Finding them
 * before validation turns what would be a database failure (a 500) into a 400 that names the field. Nesting
 * beyond MAX_NESTING is refused the same way, before any recursive walk (this one, validation, canonical JSON)
 * could exhaust the stack.
 */
export function findUnstorableText (value: unknown, pointer = '', depth = 0): UnstorablePart | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') || !value.isWellFormed()
      ? {
          pointer: pointer || '/', detail: 'contains a NUL character or an unpaired surrogate'
        }
      : null
  }
  // Uploaded bytes (images) are not text.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null
  if (depth >= MAX_NESTING) return { pointer: pointer || '/', detail: `is nested more than ${MAX_NESTING} levels deep` }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${pointer}/${i}`, depth + 1)
      if (found !== null) return found
    }
    return null
  }
  for (const [key, inner] of Object.entries(value)) {
    const found = findUnstorableText(key, `${pointer}/${key}`, depth) ??
      findUnstorableText(inner, `${pointer}/${key}`, depth + 1)
    if (found !== null) return found
  }
  return null
}
