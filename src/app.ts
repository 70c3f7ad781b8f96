// Builds the gateway: every Fastify option and plugin, in order; tests and production build the same app.
import crypto from 'node:crypto'
import type http from 'node:http'
import os from 'node:os'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyHttpOptions, type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type pg from 'pg'
import pino, { type Logger } from 'pino'
import { issuerOf, trustProxyOf, type Config } from './config.ts'
import { describeDatabaseError } from './lib/db-errors.ts'
import type { Database } from './db/index.ts'
import requestChecks from './plugins/request-checks.ts'
import { KnownRoutes } from './plugins/wrong-method.ts'
import controlChannel from './plugins/control-channel.ts'
import responseHeaders, { securityHeaders } from './plugins/response-headers.ts'
import problems, { answerClientError, answerFrameworkError } from './plugins/problems.ts'
import docs from './plugins/docs.ts'
import rateLimit from './plugins/rate-limit.ts'
import auth from './plugins/auth.ts'
import idempotency from './plugins/idempotency.ts'
import etag from './plugins/etag.ts'
import mediaHasher from './plugins/media-hasher.ts'
import noticeRenderer from './plugins/notice-renderer.ts'
import delivery from './plugins/delivery.ts'
import webhookEndpoints from './routes/webhook-endpoints/index.ts'
import type { Resolver } from './delivery/address-guard.ts'
import sequencer from './plugins/sequencer.ts'
import deadlineScheduler from './plugins/deadline-scheduler.ts'
import hashBankIndex from './plugins/hash-bank-index.ts'
import metrics from './plugins/metrics.ts'
import health from './routes/health.ts'
import clients from './routes/clients/index.ts'
import platforms from './routes/platforms/index.ts'
import legalBases from './routes/legal-bases/index.ts'
import reports from './routes/reports/index.ts'
import notices from './routes/notices/index.ts'
// Modules evaluated in this order name their schemas in this order in the OpenAPI document's components.
import jwks from './routes/jwks.ts'
import hashBank from './routes/hash-bank/index.ts'
import media from './routes/media/index.ts'
import events from './routes/events/index.ts'
import audit from './routes/audit/index.ts'
import blockingOrders from './routes/blocking-orders/index.ts'
import stats from './routes/stats/index.ts'
import respond from './routes/respond/index.ts'
import { addNoticeHashesToBank, retireNoticeHashes } from './use-cases/hash-bank/notice-entries.ts'
import type { TransitionHooks } from './use-cases/transition-notice.ts'
import type { NoticeSigner } from './signing/notice-signer.ts'
import { IssuingQueue, type IssuingContext } from './use-cases/issuing-queue.ts'

export interface AppDeps {
  pool: pg.Pool
  db: Database
  signer: NoticeSigner
  logger?: Logger
  /** Background work (feed sequencing, audit sealing, deadlines, deliveries); off only without a database. */
  background?: boolean
  /** Webhook host names to addresses: tests give their own; the system's resolver otherwise. */
  resolver?: Resolver
}

/** Credentials and personal data never reach the logs. */
export const LOG_REDACTIONS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.apiKey',
  'apiKey'
]

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** A database error is logged by its SQLSTATE and the object it concerns, never with its SQL text or parameters. */
export function serializeError (error: unknown): unknown {
  return describeDatabaseError(error) ?? pino.stdSerializers.err(error as Error)
}

export function createLogger (level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: LOG_REDACTIONS, censor: '[redacted]' },
    serializers: { err: serializeError }
  }
  return destination ? pino(options, destination) : pino(options)
}

/** Every Fastify option, in one place: tests and production build the same server. */
function serverOptions (config: Config, logger: Logger | undefined): FastifyHttpOptions<http.Server> {
  return {
    loggerInstance: (logger ?? createLogger(config.LOG_LEVEL)) as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // The client's address (request.ip, what the per-address rate limit counts) is the connection's, unless the
    // proxies named here say otherwise in X-Forwarded-For.
    trustProxy: trustProxyOf(config.TRUST_PROXY),
    // A caller's own X-Request-Id is kept when it is short and plain; anything else gets an id of ours, so a
    // hostile header cannot flood the logs or forge their structure.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : crypto.randomUUID()
    },
    // One line per request, written when it is answered, naming the caller (the metrics plugin).
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    // Slow senders: the headers, then the whole request, must arrive in time (checked every second), else a 408.
    requestTimeout: config.REQUEST_TIMEOUT_SECONDS * 1000,
    http: { headersTimeout: config.HEADERS_TIMEOUT_SECONDS * 1000, connectionsCheckingInterval: 1000 },
    clientErrorHandler: answerClientError,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 }
  }
}

/**
 * The gateway, in the order it is put together: the server and what every request must be, the process's own
 * database connection, answers and errors, the docs, limits and keys, the long-lived services, then each resource.
 * Fastify closes what registered an onClose hook in the reverse order of these lines.
 */
export async function buildApp (config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const { db, pool, signer } = deps
  const background = deps.background !== false
  const app = Fastify(serverOptions(config, deps.logger)).withTypeProvider<TypeBoxTypeProvider>()
  await app.register(requestChecks)
  const knownRoutes = new KnownRoutes()
  app.addHook('onRoute', knownRoutes.collect)

  // First, so that it closes last: requests and background work keep the owner lock to the end.
  await app.register(controlChannel, { connection: pool.options, background })

  // Answers and errors, the docs, limits and keys: what every route shares.
  await app.register(responseHeaders)
  await app.register(problems)
  await app.register(docs)
  await app.register(rateLimit, {
    perClient: config.RATE_LIMIT_PER_MINUTE,
    perAddress: config.RATE_LIMIT_PER_ADDRESS_PER_MINUTE ?? config.RATE_LIMIT_PER_MINUTE,
    readiness: config.RATE_LIMIT_READINESS_PER_MINUTE
  })
  await app.register(auth, { db })
  await app.register(idempotency, { db, owner: () => app.controlChannel.owner })
  await app.register(etag)
  await app.register(securityHeaders)

  // Long-lived services: each decorates the app (app.mediaHasher, app.sequencer, ...) and closes itself.
  await app.register(mediaHasher, { config })
  await app.register(noticeRenderer, { config })
  await app.register(sequencer, { pool, background })
  const transitionHooks = transitionHooksOf(app, config)
  const sweepSeconds = background ? config.DEADLINE_SWEEP_SECONDS : 0
  await app.register(deadlineScheduler, { pool, db, hooks: transitionHooks, intervalSeconds: sweepSeconds })
  // Closed first: its poll of the database stops before the scheduler's last sweep is waited for (up to 10 s).
  await app.register(hashBankIndex, { db })
  await app.register(metrics, { db, pool, bank: app.hashBankIndex, roles: ['admin', 'auditor'] })
  await app.register(delivery, {
    config, db, hooks: transitionHooks, background, ...(deps.resolver === undefined ? {} : { resolver: deps.resolver })
  })

  // The resources, one folder each under src/routes/.
  const { mediaHasher: hasher, sequencer: feed, hashBankIndex: bank } = app
  await app.register(health, { db, mediaHasher: hasher })
  await app.register(clients, { db })
  await app.register(platforms, { db })
  await app.register(legalBases, { db })
  await app.register(reports, { db, queue: new IssuingQueue(issuingContextOf(app, config, deps)) })
  await app.register(notices, {
    db, hooks: transitionHooks, sequencer: feed, renderer: app.noticeRenderer, nudgeDeliveries: app.delivery.nudge
  })
  await app.register(webhookEndpoints, {
    db, box: app.delivery.box, allowHttp: config.WEBHOOK_ALLOW_HTTP === 'true'
  })
  await app.register(events, { db, sequencer: feed })
  await app.register(audit, { db, signer })
  await app.register(blockingOrders, { db })
  await app.register(stats, { db })
  // The response page, outside /v1: HTML for a platform's liaison who has the notice's e-mail and no integration.
  await app.register(respond, {
    db,
    hooks: transitionHooks,
    renderer: app.noticeRenderer,
    box: app.delivery.box,
    ...(config.PUBLIC_URL === undefined ? {} : { publicUrl: config.PUBLIC_URL })
  })
  await app.register(jwks, { db })
  // Re-upload detection: the hash bank and media hashing.
  const videoUploads = { maxVideoBytes: config.MEDIA_VIDEO_MAX_BYTES, tmpDir: config.MEDIA_TMP_DIR ?? os.tmpdir() }
  await app.register(hashBank, { db, bank, mediaHasher: hasher, ...videoUploads })
  await app.register(media, { hasher, ...videoUploads })
  knownRoutes.answerWrongMethods(app)

  return app
}

/**
 * What a notice's transition sets off, from a request or a deadline sweep. After a commit in this process, its own
 * changes show in the feed and the PDQ index at once (others poll); the services are looked up when a transition
 * commits, after the app is ready.
 */
function transitionHooksOf (app: FastifyInstance, config: Config): TransitionHooks {
  return {
    issuingBody: config.ISSUER_NAME,
    afterCommit: () => {
      app.sequencer.nudge()
      app.delivery.nudge()
      void app.hashBankIndex.refresh().catch(() => {})
    },
    onEntersHashBank: (tx, noticeId) => addNoticeHashesToBank(tx, noticeId),
    onWithdrawnAfterRemoval: (tx, noticeId, actorId) => retireNoticeHashes(tx, noticeId, actorId, 'notice withdrawn')
  }
}

/** How reports are issued; issuing adds nothing to the hash bank (removals do), so only the feed needs telling. */
function issuingContextOf (app: FastifyInstance, config: Config, deps: AppDeps): IssuingContext {
  return {
    db: deps.db,
    pool: deps.pool,
    signer: deps.signer,
    issuer: issuerOf(config),
    referenceCountry: config.REFERENCE_COUNTRY,
    redressDays: config.REDRESS_DAYS,
    preservationMonths: config.PRESERVATION_MONTHS,
    afterCommit: () => { app.sequencer.nudge() },
    bank: app.hashBankIndex
  }
}
