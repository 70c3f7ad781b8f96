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

/**
 * PostgreSQL cannot store NUL characters or unpaired UTF-16 surrogates in text; JSON allows both. Finding them
 * before validation turns what would be a database failure (a 500) into a 400 that names the field.
 */
export function findUnstorableText (value: unknown, pointer = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? pointer || '/' : null
  // Uploaded bytes (images) are not text.
  if (ArrayBuffer.isView(value)) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${pointer}/${i}`)
      if (found !== null) return found
    }
    return null
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnstorableText(key, `${pointer}/${key}`) ?? findUnstorableText(inner, `${pointer}/${key}`)
      if (found !== null) return found
    }
  }
  return null
}
