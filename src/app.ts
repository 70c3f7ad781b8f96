// Builds the gateway: every Fastify option and plugin, in order; tests and production build the same app.
import crypto from 'node:crypto'
import os from 'node:os'
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type pg from 'pg'
import pino, { type Logger } from 'pino'
import { issuerOf, type Config } from './config.ts'
import { describeDatabaseError } from './lib/db-errors.ts'
import { ControlChannel } from './db/control-channel.ts'
import { invalidateTopic, setAnnouncementsHeard } from './lib/ttl-cache.ts'
import type { Database } from './db/index.ts'
import { createValidatorCompiler, findUnstorableText } from './plugins/validation.ts'
import problems, { answerClientError, answerFrameworkError } from './plugins/problems.ts'
import { AppError } from './lib/errors.ts'
import docs from './plugins/docs.ts'
import { KnownRoutes } from './plugins/wrong-method.ts'
import auth from './plugins/auth.ts'
import idempotency from './plugins/idempotency.ts'
import etag from './plugins/etag.ts'
import responseHeaders, { securityHeaders } from './plugins/response-headers.ts'
import rateLimit from './plugins/rate-limit.ts'
import metrics from './plugins/metrics.ts'
import { addRouteHook } from './lib/route-hooks.ts'
import health from './routes/health.ts'
import clients from './routes/clients/index.ts'
import platforms from './routes/platforms/index.ts'
import legalBases from './routes/legal-bases/index.ts'
import reports from './routes/reports/index.ts'
import notices from './routes/notices/index.ts'
import jwks from './routes/jwks.ts'
// Re-upload detection: the hash bank, its in-memory PDQ index, and media hashing.
import hashBank from './routes/hash-bank/index.ts'
import media from './routes/media/index.ts'
import { MediaHasher } from './media/hash-pool.ts'
import { resolveFfmpeg } from './media/ffmpeg.ts'
import { HashBankIndex } from './hash-bank/index-service.ts'
import { addNoticeHashesToBank, retireNoticeHashes } from './use-cases/hash-bank/notice-entries.ts'
import events from './routes/events/index.ts'
import audit from './routes/audit/index.ts'
import blockingOrders from './routes/blocking-orders/index.ts'
import stats from './routes/stats/index.ts'
import { Sequencer } from './jobs/sequencer.ts'
import { DeadlineScheduler } from './jobs/deadlines.ts'
import type { TransitionHooks } from './use-cases/transition-notice.ts'
import type { NoticeSigner } from './signing/notice-signer.ts'
import { IssuingQueue, type IssuingContext } from './use-cases/issuing-queue.ts'

export interface AppDeps {
  pool: pg.Pool
  db: Database
  signer: NoticeSigner
  logger?: Logger
  /** Background work (feed sequencing, audit sealing, deadlines); off only where no database is reachable. */
  background?: boolean
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
  const options = { level, redact: { paths: LOG_REDACTIONS, censor: '[redacted]' }, serializers: { err: serializeError } }
  return destination ? pino(options, destination) : pino(options)
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's in-memory PDQ index of the hash bank (tests refresh it instead of waiting for its poll). */
    hashBankIndex: HashBankIndex
    /** The process's change-feed sequencer, whose last position names the state of every list (tests wait on it). */
    sequencer: Sequencer
    /** The media hashing threads and their admission (tests read how many places are taken). */
    mediaHasher: MediaHasher
  }
}

export async function buildApp (config: Config, deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (deps.logger ?? createLogger(config.LOG_LEVEL)) as FastifyBaseLogger,
    bodyLimit: config.BODY_LIMIT_BYTES,
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
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.setValidatorCompiler(createValidatorCompiler())
  // PostgreSQL cannot store NUL characters or lone surrogates: refuse them in bodies, query strings and path
  // parameters before they reach it (a query string's filter would otherwise end in a 500), and bodies nested
  // deeper than any request the service understands.
  app.addHook('onRoute', (route) => {
    const hasBody = ![route.method].flat().every((method) => method === 'GET' || method === 'HEAD' || method === 'DELETE')
    const parts: Array<{ where: string, part: 'body' | 'query' | 'params', prefix: string }> = []
    if (hasBody) parts.push({ where: 'body', part: 'body', prefix: '' })
    if (route.schema?.querystring) parts.push({ where: 'query string', part: 'query', prefix: 'querystring:' })
    if (route.schema?.params) parts.push({ where: 'path', part: 'params', prefix: 'params:' })
    if (parts.length === 0) return
    addRouteHook(route, 'preValidation', async (request: FastifyRequest) => {
      for (const { where, part, prefix } of parts) {
        const found = findUnstorableText(request[part])
        if (found !== null) {
          throw new AppError('validation_failed', `the ${where} cannot be stored as sent`, { extra: { errors: [{ pointer: prefix + found.pointer, detail: found.detail }] } })
        }
      }
    })
  })

  // Bodies are JSON unless a route takes another type itself (hash lists, images): text/plain is a 415 like any
  // other type no route takes, rather than a string that fails the body's schema.
  app.removeContentTypeParser('text/plain')
  const knownRoutes = new KnownRoutes()
  app.addHook('onRoute', knownRoutes.collect)

  const { db } = deps
  // The process's own connection: its owner lock (crash-safe idempotency) and change notifications (caches).
  const control = new ControlChannel(deps.pool.options, app.log as unknown as Logger)
  setAnnouncementsHeard(false)
  control.on('change', invalidateTopic)
  control.on('up', () => { setAnnouncementsHeard(true) })
  control.on('down', () => { setAnnouncementsHeard(false) })
  if (deps.background !== false) await control.start()
  app.addHook('onClose', async () => { await control.close() })
  await app.register(responseHeaders)
  await app.register(problems)
  await app.register(docs)
  await app.register(rateLimit, { max: config.RATE_LIMIT_PER_MINUTE })
  await app.register(auth, { db })
  await app.register(idempotency, { db, owner: () => control.owner })
  await app.register(etag)
  await app.register(securityHeaders)
  const bank = new HashBankIndex(db, { logger: app.log })
  await app.register(metrics, { db, pool: deps.pool, bank, roles: ['admin', 'auditor'] })

  // Media hashing (images and videos) runs on worker threads behind a bounded admission, never on the event loop.
  const mediaHasher = new MediaHasher({
    threads: config.MEDIA_HASH_THREADS,
    queue: config.MEDIA_HASH_QUEUE,
    maxImagePixels: config.MEDIA_MAX_PIXELS,
    video: {
      maxFramePixels: config.MEDIA_VIDEO_MAX_FRAME_PIXELS,
      maxDurationSeconds: config.MEDIA_VIDEO_MAX_SECONDS,
      timeoutMs: config.MEDIA_VIDEO_TIMEOUT_SECONDS * 1000
    },
    ffmpeg: await resolveFfmpeg(config)
  })
  app.decorate('mediaHasher', mediaHasher)
  app.addHook('onClose', async () => { await mediaHasher.close() })

  await app.register(health, { db, mediaHasher })
  await app.register(clients, { db })
  await app.register(platforms, { db })
  await app.register(legalBases, { db })
  const sequencer = new Sequencer(deps.pool, app.log as unknown as Logger)
  if (deps.background !== false) {
    app.addHook('onReady', async () => { sequencer.start() })
  }
  // Also without background work: a writer's nudge may have a pass pending.
  app.addHook('onClose', async () => { await sequencer.stop() })
  // After a commit in this process, its own changes show in the feed and the PDQ index at once (others poll).
  const poke = (): void => {
    sequencer.nudge()
    void bank.refresh().catch(() => {})
  }
  app.decorate('hashBankIndex', bank)
  app.decorate('sequencer', sequencer)
  const transitionHooks: TransitionHooks = {
    issuingBody: config.ISSUER_NAME,
    afterCommit: poke,
    onEntersHashBank: (tx, noticeId) => addNoticeHashesToBank(tx, noticeId),
    onWithdrawnAfterRemoval: (tx, noticeId, actorId) => retireNoticeHashes(tx, noticeId, actorId, 'notice withdrawn')
  }
  // Deadlines: notices past due turn overdue on the durable queue (pg-boss, schema pgboss, same database).
  if (deps.background !== false && config.DEADLINE_SWEEP_SECONDS > 0) {
    const deadlines = new DeadlineScheduler({
      connection: deps.pool, db, hooks: transitionHooks, logger: app.log as unknown as Logger, intervalSeconds: config.DEADLINE_SWEEP_SECONDS
    })
    app.addHook('onReady', async () => { await deadlines.start() })
    app.addHook('onClose', async () => { await deadlines.stop() })
  }

  const issuing: IssuingContext = {
    db,
    pool: deps.pool,
    signer: deps.signer,
    issuer: issuerOf(config),
    referenceCountry: config.REFERENCE_COUNTRY,
    redressDays: config.REDRESS_DAYS,
    preservationMonths: config.PRESERVATION_MONTHS,
    // Issuing adds nothing to the hash bank (removals do), so only the feed needs telling.
    afterCommit: () => { sequencer.nudge() },
    bank
  }
  await app.register(reports, { db, queue: new IssuingQueue(issuing) })
  await app.register(notices, { db, hooks: transitionHooks, sequencer })
  await app.register(events, { db, sequencer })
  await app.register(audit, { db, signer: deps.signer })
  await app.register(blockingOrders, { db })
  await app.register(stats, { db })
  await app.register(jwks, { db })
  // Re-upload detection: the PDQ index loads at listen or on first match (never at build), polls ~1 s.
  const videoUploads = { maxVideoBytes: config.MEDIA_VIDEO_MAX_BYTES, tmpDir: config.MEDIA_TMP_DIR ?? os.tmpdir() }
  await app.register(hashBank, { db, bank, mediaHasher, ...videoUploads })
  await app.register(media, { hasher: mediaHasher, ...videoUploads })
  knownRoutes.answerWrongMethods(app)

  return app
}
