// What the gateway does to every answer of a kind, written into the generated OpenAPI document once, here.
// Each rule mirrors a plugin: the rate limiter's headers, the ETag plugin's tags and 304s, the created resource's
// Location; the contract test holds every actual answer to the result.

interface Header { description?: string, required?: boolean, schema?: unknown, $ref?: string }
interface Response { description: string, headers?: Record<string, Header>, content?: Record<string, unknown> }
interface Operation { responses?: Record<string, Response> }

export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>
  components?: Record<string, unknown>
}

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed in the one-minute window this request was counted in: its client\'s for a valid ' +
      'key, else its source address\'s (readiness checks have a window of their own per address)',
    schema: { type: 'integer', format: 'int32' }
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current window', schema: { type: 'integer', format: 'int32' }
  },
  'X-RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer', format: 'int32' } }
}

/** The one operation the limiter leaves alone (see plugins/rate-limit.ts): liveness. */
const UNLIMITED_PATHS = new Set(['/health/live'])

const ETAG: Header = {
  description: 'The representation\'s entity tag: send it in If-None-Match to be answered 304 while it still holds',
  required: true,
  schema: { type: 'string' }
}

/**
 * The ETag plugin tags every successful GET and answers 304 when If-None-Match holds the tag (see plugins/etag.ts),
 * but for an answer declared Cache-Control: no-store, which nothing may keep to revalidate.
 */
function addReadConventions (method: string, operation: Operation): void {
  if (method !== 'get' || operation.responses?.['200'] === undefined) return
  const ok = operation.responses['200']
  if ((ok.headers?.['Cache-Control']?.schema as { const?: string } | undefined)?.const === 'no-store') return
  ok.headers = { ETag: ETAG, ...ok.headers }
  // A 304 repeats the caching directives of the answer it stands for (RFC 9110, 15.4.5).
  const cacheControl = ok.headers?.['Cache-Control']
  operation.responses['304'] = {
    description: 'Not modified: nothing changed since the ETag sent in If-None-Match (no body)',
    headers: { ETag: ETAG, ...(cacheControl === undefined ? {} : { 'Cache-Control': cacheControl }) }
  }
}

/** Headers the routes always send are marked required, so that generated clients may rely on them. */
function markAlwaysSent (operation: Operation): void {
  for (const response of Object.values(operation.responses ?? {})) {
    for (const name of ['Location', 'ETag']) {
      const header = response.headers?.[name]
      if (header !== undefined) header.required = true
    }
  }
}

/**
 * Every answer but a 5xx and liveness's carries the rate-limit headers (the limiter runs first, before
 * authentication); 429 adds Retry-After.
 */
function addRateLimitHeaders (path: string, operation: Operation): void {
  if (UNLIMITED_PATHS.has(path)) return
  const refs = Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [
    name, { $ref: `#/components/headers/${name}` }
  ]))
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    if (!/^[234]/.test(status)) continue
    response.headers = { ...response.headers, ...refs }
    if (status === '429') {
      response.headers['Retry-After'] = {
        description: 'Seconds to wait before retrying', required: true, schema: { type: 'integer', format: 'int32' }
      }
    }
  }
}

/** The document as @fastify/swagger generated it from the routes, with the conventions every route shares. */
export function applyConventions (document: OpenApiDocument): OpenApiDocument {
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      addReadConventions(method, operation)
      markAlwaysSent(operation)
      addRateLimitHeaders(path, operation)
    }
  }
  document.components = { ...document.components, headers: RATE_LIMIT_HEADERS }
  return document
}
