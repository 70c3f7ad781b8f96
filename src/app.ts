// Builds the gateway: every Fastify option and plugin, in order; tests and production build the same app.
import crypto from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type pg from 'pg'
import pino, { type Logger } from 'pino'
import type { Config } from './config.ts'
import type { Database } from './db/index.ts'
import { createValidatorCompiler } from './plugins/validation.ts'
import problems, { HttpProblem } from './plugins/problems.ts'
import docs from './plugins/docs.ts'
import auth from './plugins/auth.ts'
import idempotency from './plugins/idempotency.ts'
import etag from './plugins/etag.ts'
import health from './routes/health.ts'
import clients from './routes/clients/index.ts'
import platforms from './routes/platforms/index.ts'
import legalBases from './routes/legal-bases/index.ts'
import reports from './routes/reports/index.ts'
import notices from './routes/notices/index.ts'
import jwks from './routes/jwks.ts'
import type { NoticeSigner } from './signing/notice-signer.ts'
import { IssuingQueue, type IssuingContext } from './use-cases/issuing-queue.ts'

export interface AppDeps {
  pool: pg.Pool
  db: Database
  signer: NoticeSigner
  logger?: Logger
}

/** Credentials and personal data never reach the logs. */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.apiKey',
  'apiKey'
]

export function createLogger (level: string): Logger {
  return pino({ level, redact: { paths: LOG_REDACTIONS, censor: '[redacted]' } })
}

export async function buildApp (config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (deps.logger ?? createLogger(config.LOG_LEVEL)) as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 }
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(createValidatorCompiler())
  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', request.id) })

  const { db } = deps
  await app.register(problems)
  await app.register(helmet, { contentSecurityPolicy: false, global: true })
  await app.register(docs)
  // Before authentication, so that floods of bad keys are limited too; a key's hash is its bucket.
  await app.register(rateLimit, {
    hook: 'onRequest',
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const credentials = request.headers.authorization
      return credentials ? crypto.createHash('sha256').update(credentials).digest('base64url') : `ip:${request.ip}`
    },
    allowList: (request) => !request.routeOptions.url?.startsWith('/v1/'),
    errorResponseBuilder: (_request, context) => new HttpProblem(429, 'Too many requests',
      `at most ${context.max} requests per minute per client; retry after ${context.after}`)
  })
  await app.register(auth, { db })
  await app.register(idempotency, { db })
  await app.register(etag)

  await app.register(health, { db })
  await app.register(clients, { db })
  await app.register(platforms, { db })
  await app.register(legalBases, { db })
  const issuing: IssuingContext = {
    db,
    pool: deps.pool,
    signer: deps.signer,
    issuer: { name: config.ISSUER_NAME, contactPoint: config.ISSUER_CONTACT },
    referenceCountry: config.REFERENCE_COUNTRY,
    redressDays: config.REDRESS_DAYS,
    preservationMonths: config.PRESERVATION_MONTHS
  }
  await app.register(reports, { db, queue: new IssuingQueue(issuing) })
  await app.register(notices, { db })
  await app.register(jwks, { db })

  return app
}
