// The OpenAPI 3.1 document generated from the route schemas, served at /openapi.json, with interactive docs at /docs.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { Problem } from '../schemas/common.ts'

export const API_VERSION = '1.0.0'

/** x-internal: the gateway is reachable on the government network only. */
const SERVER = { url: 'https://takedown-gateway.example.gov.kz', description: 'Production gateway (government network only)', 'x-internal': true } as { url: string, description: string }
/** Whichever gateway serves the document: the docs page tries requests out against it. */
const SAME_ORIGIN = { url: '/', description: 'The gateway serving this document, in any environment (local, staging or production)', 'x-internal': true } as { url: string, description: string }

interface OpenApiDocument {
  paths?: Record<string, Record<string, { responses?: Record<string, { headers?: Record<string, unknown> }> }>>
  components?: Record<string, unknown>
}

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': { description: 'Requests allowed per client per window', schema: { type: 'integer', format: 'int32' } },
  'X-RateLimit-Remaining': { description: 'Requests left in the current window', schema: { type: 'integer', format: 'int32' } },
  'X-RateLimit-Reset': { description: 'Seconds until the window resets', schema: { type: 'integer', format: 'int32' } }
}

/** Every /v1 answer carries the rate-limit headers (the limiter runs before authentication), and 429 adds Retry-After. */
function addRateLimitHeaders (document: OpenApiDocument): OpenApiDocument {
  const refs = Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]))
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/v1/')) continue
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^[24]/.test(status)) continue
        response.headers = { ...response.headers, ...refs }
        if (status === '429') response.headers['Retry-After'] = { description: 'Seconds to wait before retrying', schema: { type: 'integer', format: 'int32' } }
      }
    }
  }
  document.components = { ...document.components, headers: RATE_LIMIT_HEADERS }
  return document
}

export default fp(async function docs (app: FastifyInstance) {
  app.addSchema(Problem)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Takedown-request gateway',
        version: API_VERSION,
        description: 'Violation reports in; standardized, signed removal notices out to each platform; lifecycle, deadlines, escalation and re-upload detection.',
        contact: { name: 'Gateway operations', email: 'takedown-contact@example.gov.kz' },
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' }
      },
      servers: [SERVER, SAME_ORIGIN],
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key issued by POST /v1/clients' }
        }
      },
      security: [{ apiKey: [] }],
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'clients', description: 'API clients and their keys' },
        { name: 'platforms', description: 'The platform catalogue' },
        { name: 'legal-bases', description: 'Provisions a notice can cite' },
        { name: 'reports', description: 'Violation reports from authority systems' },
        { name: 'notices', description: 'Signed removal notices, one per platform per report' },
        { name: 'events', description: 'The ordered change feed' },
        { name: 'audit', description: 'The tamper-evident audit trail' },
        { name: 'blocking-orders', description: 'Access-restriction orders and the register for network operators' },
        { name: 'stats', description: 'Per-platform compliance statistics' },
        { name: 'hash-bank', description: 'Hashes of removed material, shared with platforms to catch re-uploads' },
        { name: 'media', description: 'Hashing images without storing them' },
        { name: 'operations', description: 'Metrics for the operators\' monitoring' }
      ]
    },
    transformObject: (documents) => addRateLimitHeaders((documents as { openapiObject: OpenApiDocument }).openapiObject),
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`)
    }
  })
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } })
  app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger())
}, { name: 'docs' })
