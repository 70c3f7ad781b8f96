// Requests generated from the OpenAPI document: fast-check arbitraries for every operation, valid and broken.
import fc from 'fast-check'

type Schema = Record<string, any>
export interface OpenApiDocument { paths: Record<string, Record<string, any>>, components?: { schemas?: Record<string, Schema> } }

export interface FuzzRequest {
  operationId: string
  method: string
  url: string
  headers: Record<string, string>
  payload?: string | Buffer
}

const MAX_ITEMS = 4
const MAX_PROPERTY_STRING = 200

function resolve (doc: OpenApiDocument, schema: Schema): Schema {
  let s = schema
  for (let depth = 0; s.$ref !== undefined && depth < 10; depth++) {
    const name = String(s.$ref).replace('#/components/schemas/', '')
    s = doc.components?.schemas?.[name] ?? {}
  }
  return s
}

function stringOf (s: Schema): fc.Arbitrary<string> {
  const maxLength = Math.min(s.maxLength ?? MAX_PROPERTY_STRING, MAX_PROPERTY_STRING)
  const minLength = Math.min(s.minLength ?? 0, maxLength)
  switch (s.format) {
    case 'uuid': return fc.uuid()
    case 'date-time': return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
    case 'date': return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    case 'email': return fc.emailAddress()
    case 'uri': return fc.oneof(fc.webUrl(), fc.constantFrom('https://t.me/somechannel/12', 'https://vk.com/wall-1_2', 'https://www.tiktok.com/@x/video/7234567890123456789'))
  }
  if (typeof s.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= minLength && v.length <= maxLength)
    } catch {
      // A pattern JavaScript cannot read: plain strings instead.
    }
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' })
}

/** Values the schema accepts (as far as a generator can tell: patterns and lengths together may reject some). */
export function valid (doc: OpenApiDocument, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined) return fc.jsonValue({ maxDepth: 2 })
  const s = resolve(doc, schema)
  if (s.const !== undefined) return fc.constant(s.const)
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum)
  const alternatives = s.anyOf ?? s.oneOf
  if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((a: Schema) => valid(doc, a, depth + 1)))
  if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type: string) => valid(doc, { ...s, type }, depth + 1)))
  switch (s.type) {
    case 'string': return stringOf(s)
    case 'integer': return fc.integer({ min: Math.max(s.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER), max: Math.min(s.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER) })
    case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true })
    case 'boolean': return fc.boolean()
    case 'null': return fc.constant(null)
    case 'array': {
      if (depth > 6) return fc.constant([])
      const minLength = s.minItems ?? 0
      return fc.array(valid(doc, s.items, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? MAX_ITEMS, MAX_ITEMS)) })
    }
    case 'object': {
      const properties: Record<string, Schema> = s.properties ?? {}
      if (depth > 6) return fc.constant({})
      const shape: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of Object.entries(properties)) shape[key] = valid(doc, value, depth + 1)
      const required: string[] = (s.required ?? []).filter((key: string) => key in shape)
      if (Object.keys(shape).length === 0 && s.additionalProperties !== false) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })
      return fc.record(shape, { requiredKeys: required })
    }
  }
  return fc.jsonValue({ maxDepth: 2 })
}

/** A valid value broken one way: a wrong type, a value out of range, an unknown field, a missing one, or anything. */
export function broken (doc: OpenApiDocument, schema: Schema | undefined): fc.Arbitrary<unknown> {
  const s = schema === undefined ? {} : resolve(doc, schema)
  const wrongTypes = fc.oneof(
    fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 2 }),
    fc.constantFrom('', '\u0000', '\uD800', 'x'.repeat(100_000), '9'.repeat(400), '-1', '1e309', 'NaN', '../../etc/passwd', '%00', '{"a":', '[]')
  )
  const edits: Array<fc.Arbitrary<unknown>> = [wrongTypes, fc.jsonValue({ maxDepth: 4 })]
  if (s.type === 'object' && s.properties !== undefined) {
    const base = valid(doc, s) as fc.Arbitrary<Record<string, unknown>>
    const keys = Object.keys(s.properties)
    edits.push(
      fc.tuple(base, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })).map(([value, key, extra]) => ({ ...value, [`x${key}`]: extra })),
      fc.tuple(base, fc.constantFrom(...keys), wrongTypes).map(([value, key, wrong]) => ({ ...value, [key]: wrong })),
      fc.tuple(base, fc.constantFrom(...keys)).map(([value, key]) => { const { [key]: _dropped, ...rest } = value; return rest })
    )
    for (const [key, property] of Object.entries(s.properties as Record<string, Schema>)) {
      const p = resolve(doc, property)
      if (p.type === 'array' || p.type === 'object') {
        edits.push(fc.tuple(base, broken(doc, p)).map(([value, inner]) => ({ ...value, [key]: inner })))
      }
    }
  }
  if (s.type === 'array' && s.items !== undefined) {
    edits.push(fc.array(broken(doc, s.items), { minLength: 1, maxLength: 3 }))
    if (typeof s.maxItems === 'number' && s.maxItems <= 2000) edits.push(fc.constant(new Array(s.maxItems + 1).fill(0)))
  }
  if (s.type === 'integer' || s.type === 'number') {
    edits.push(fc.constantFrom((s.minimum ?? 0) - 1, (s.maximum ?? 2 ** 53) + 1, 2 ** 64, -(2 ** 63), 0.5))
  }
  return fc.oneof(...edits)
}

/** URL-encodes anything; a lone surrogate (which has no UTF-8 form) goes as the percent bytes a client would send. */
function encodeQueryValue (value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? ''
  return text.isWellFormed() ? encodeURIComponent(text) : encodeURIComponent(text.toWellFormed()).replaceAll('%EF%BF%BD', '%ED%A0%80')
}

/** Broken path and query values: what a client or a proxy may send in a URL. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '%', '%zz', '%00', '%C0%AF', '..%2F..', 'a'.repeat(5000), '-1', '1e400', '00000000-0000-0000-0000-00000000000g', '%ED%A0%80', '+')
)

export interface Operation { operationId: string, method: string, path: string, op: any }

export function operationsOf (doc: OpenApiDocument): Operation[] {
  const out: Operation[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ operationId: op.operationId ?? `${method} ${path}`, method: method.toUpperCase(), path, op })
    }
  }
  return out
}

/**
 * Requests for one operation: mostly valid in shape (so they reach the handlers), a share with one part broken.
 * A parameter with `known` values (ids of resources that exist) takes one of them in most requests, so that id
 * routes reach past their 404. Long polls are capped to a second's wait, so the run measures requests, not waiting.
 */
export function requestsFor (
  doc: OpenApiDocument, operation: Operation, keys: fc.Arbitrary<string | null>,
  known: (parameter: { name: string, in: string }) => readonly string[] | undefined = () => undefined
): fc.Arbitrary<FuzzRequest> {
  const parameters: any[] = operation.op.parameters ?? []
  const pathParams = parameters.filter((p) => p.in === 'path')
  const queryParams = parameters.filter((p) => p.in === 'query')
  const headerParams = parameters.filter((p) => p.in === 'header' && !['authorization'].includes(String(p.name).toLowerCase()))
  const paramValue = (p: any): fc.Arbitrary<unknown> => {
    const schema = p.name === 'wait' ? { type: 'integer', minimum: 0, maximum: 1 } : p.schema
    const generated = fc.oneof(
      { weight: 4, arbitrary: valid(doc, schema) },
      { weight: 1, arbitrary: fc.oneof(broken(doc, schema).filter((v) => p.name !== 'wait' || typeof v !== 'number' || v <= 1), hostileText) }
    )
    const existing = known(p)
    if (existing === undefined || existing.length === 0) return generated
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...existing) }, { weight: 1, arbitrary: generated })
  }
  const pathArb = fc.tuple(...pathParams.map(paramValue)).map((values) => {
    let url = operation.path
    pathParams.forEach((p, i) => { url = url.replace(`{${p.name}}`, encodeQueryValue(values[i]) || 'x') })
    return url
  })
  const queryArb = fc.tuple(...queryParams.map((p) => fc.option(paramValue(p), { freq: 2 }))).map((values) =>
    queryParams.flatMap((p, i) => values[i] === null ? [] : [`${encodeQueryValue(p.name)}=${encodeQueryValue(values[i])}`]))
  // An unknown query parameter in one request of ten (fc.option's freq is the odds of leaving it out, 1 in freq,
  // which sent one in nine of ten requests with a parameter every operation refuses).
  const extraQuery = fc.oneof(
    { weight: 9, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), hostileText).map(([k, v]) => `${encodeQueryValue(k)}=${encodeQueryValue(v)}`) }
  )
  const headerValue = (p: any): fc.Arbitrary<unknown> => {
    const existing = known(p)
    if (existing === undefined || existing.length === 0) return valid(doc, p.schema)
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...existing) }, { weight: 1, arbitrary: valid(doc, p.schema) })
  }
  const headersArb = fc.tuple(...headerParams.map((p) => fc.option(headerValue(p), { freq: 2 }))).map((values) => {
    const headers: Record<string, string> = {}
    headerParams.forEach((p, i) => { if (values[i] !== null) headers[String(p.name).toLowerCase()] = String(values[i]).replace(/[^\x20-\x7e]/g, '') })
    return headers
  })
  const content: Record<string, any> = operation.op.requestBody?.content ?? {}
  const bodyArb: fc.Arbitrary<{ type?: string, payload?: string | Buffer }> = Object.keys(content).length === 0
    ? fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => ({ type: 'application/json', payload: JSON.stringify(v) ?? 'null' })) })
    : fc.constantFrom(...Object.keys(content)).chain((type) => {
      const schema = content[type].schema
      if (type === 'application/json') {
        return fc.oneof(
          { weight: 5, arbitrary: valid(doc, schema).map((v) => ({ type, payload: JSON.stringify(v) ?? 'null' })) },
          { weight: 4, arbitrary: broken(doc, schema).map((v) => ({ type, payload: JSON.stringify(v) ?? 'null' })) },
          { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom('{', '{"a":1,"a":2}', '[]', 'null', '\u0000', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}')).map((payload) => ({ type, payload })) }
        )
      }
      // Binary and text uploads: random bytes or text under the declared type, or under another one.
      return fc.oneof(
        fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ type, payload: Buffer.from(bytes) })),
        fc.string({ maxLength: 500 }).map((text) => ({ type, payload: text })),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ type: 'application/octet-stream', payload: Buffer.from(bytes) }))
      )
    })
  return fc.record({ path: pathArb, query: queryArb, extra: extraQuery, headers: headersArb, body: bodyArb, key: keys }).map(({ path, query, extra, headers, body, key }) => {
    const parts = extra === null ? query : [...query, extra]
    const all: Record<string, string> = { ...headers }
    if (key !== null) all.authorization = `Bearer ${key}`
    if (body.type !== undefined) all['content-type'] = body.type
    return {
      operationId: operation.operationId,
      method: operation.method,
      url: parts.length > 0 ? `${path}?${parts.join('&')}` : path,
      headers: all,
      ...(body.payload !== undefined ? { payload: body.payload } : {})
    }
  })
}
