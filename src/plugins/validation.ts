// Schema validation: bodies are strict (no coercion, unknown properties are errors); URL parts are coerced.
import { Ajv, type Options } from 'ajv'
import { createRequire } from 'node:module'
import type { FastifySchemaCompiler } from 'fastify'

// ajv-formats is CommonJS whose typings describe an ESM default export; require() gives the callable as it is.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv) => Ajv

function makeAjv (options: Options): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    useDefaults: true,
    removeAdditional: false,
    ...options
  })
  addFormats(ajv)
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
    return value.includes('\u0000') || !value.isWellFormed() ? { pointer: pointer || '/', detail: 'contains a NUL character or an unpaired surrogate' } : null
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
    const found = findUnstorableText(key, `${pointer}/${key}`, depth) ?? findUnstorableText(inner, `${pointer}/${key}`, depth + 1)
    if (found !== null) return found
  }
  return null
}
