// The OpenAPI 3.1 document generated from the route schemas, served at /openapi.json, with interactive docs at /docs.
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { Problem } from '../schemas/common.ts'
import { namedSchemas } from '../schemas/named.ts'
import { applyConventions, type OpenApiDocument } from './openapi-conventions.ts'

export const API_VERSION = '1.0.0'

/** x-internal: the gateway is reachable on the government network only. */
const SERVER = {
  url: 'https://takedown-gateway.example.gov.kz',
  description: 'Production gateway (government network only)',
  'x-internal': true
} as { url: string, description: string }
/** Whichever gateway serves the document: the docs page tries requests out against it. */
const SAME_ORIGIN = {
  url: '/',
  description: 'The gateway serving this document, in any environment (local, staging or production)',
  'x-internal': true
} as { url: string, description: string }

/**
 * The one inline style Swagger UI writes: the <style> of its logo's SVG, allowed by its hash. Another version of
 * Swagger UI may write another; the browser test (test/browser/docs.test.ts) then fails naming what was refused.
 */
const SWAGGER_LOGO_STYLE = '\'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=\''

/**
 * The docs page's Content-Security-Policy: Swagger UI's own scripts and styles, loaded from the gateway; requests
 * tried out go to the gateway serving the page (the production server is another origin, which its CORS refuses
 * anyway); no inline script, no framing, no forms, no third party (its validator badge is off).
 */
export const DOCS_CSP = [
  'default-src \'none\'', 'script-src \'self\'', `style-src 'self' ${SWAGGER_LOGO_STYLE}`, 'img-src \'self\' data:',
  'font-src \'self\' data:', 'connect-src \'self\'', 'base-uri \'none\'', 'form-action \'none\'',
  'frame-ancestors \'none\''
].join('; ')

export default fp(async function docs (app: FastifyInstance) {
  app.addSchema(Problem)
  for (const schema of namedSchemas()) app.addSchema(schema)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Takedown-request gateway',
        version: API_VERSION,
        description: 'Violation reports in; standardized, signed removal notices out to each platform; lifecycle, ' +
          'deadlines, escalation and re-upload detection.',
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
        { name: 'webhook-endpoints', description: 'Where notice events are sent as signed webhooks' },
        { name: 'response page', description: 'The page a platform\'s liaison opens from a notice\'s e-mail' },
        { name: 'audit', description: 'The tamper-evident audit trail' },
        { name: 'blocking-orders', description: 'Access-restriction orders and the register for network operators' },
        { name: 'stats', description: 'Per-platform compliance statistics' },
        { name: 'hash-bank', description: 'Hashes of removed material, shared with platforms to catch re-uploads' },
        { name: 'media', description: 'Hashing images without storing them' },
        { name: 'operations', description: 'Metrics for the operators\' monitoring' }
      ]
    },
    transformObject: (documents) => applyConventions((documents as { openapiObject: OpenApiDocument }).openapiObject),
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`)
    }
  })
  // The policy goes on every answer under /docs (the page and its assets).
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, staticCSP: DOCS_CSP })
  app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger())
}, { name: 'docs' })
