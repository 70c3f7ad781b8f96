// Reads the environment, opens the database, builds the app, listens, and shuts down gracefully.
import { loadConfig } from './config.ts'
import { buildApp, createLogger } from './app.ts'
import { openDatabase, waitForDatabase } from './db/connect.ts'
import { isDatabaseUnavailable } from './lib/db-errors.ts'
import { bootstrapAdmin } from './use-cases/clients.ts'
import { sweepExpiredIdempotencyKeys } from './plugins/idempotency.ts'
import { loadNoticeSigner } from './signing/notice-signer.ts'
import { registerSigningKey } from './repositories/notices.ts'
import { platformsWithPlaceholderContacts } from './use-cases/startup-checks.ts'

const config = loadConfig(process.env)
const logger = createLogger(config.LOG_LEVEL)
const database = await openDatabase(config, logger).catch((error: unknown) => {
  // The reason is the operator's to act on: say it plainly and stop.
  logger.fatal({ reason: error instanceof Error ? error.message : String(error) }, 'the gateway cannot start')
  process.exit(1)
})

// The database may go away between the migrations and here too: start-up waits for it the same way.
const target = 'the database'
const admin = await waitForDatabase(() => bootstrapAdmin(database.db, config.BOOTSTRAP_ADMIN_KEY), logger, target)
if (admin.apiKey) {
  // Shown once, on the terminal only: it is the one way into a fresh installation.
  process.stdout.write(`\nA new administrator was created. Its API key (shown only now):\n\n  ${admin.apiKey}\n\n`)
} else if (admin.created) {
  logger.info('administrator created with BOOTSTRAP_ADMIN_KEY')
} else if (config.BOOTSTRAP_ADMIN_KEY !== undefined) {
  logger.warn('BOOTSTRAP_ADMIN_KEY was not used: the database already has an active administrator ' +
    '(use that key, or create clients with it)')
}
if (config.SIGNATORY_NAME === undefined) {
  logger.warn('SIGNATORY_NAME is not set: notices name the signing officer\'s position only')
}
const placeholders = await waitForDatabase(() => platformsWithPlaceholderContacts(database.db), logger, target)
if (placeholders.length > 0) {
  logger.warn({ platforms: placeholders }, 'these platforms still have the seeded placeholder contacts; ' +
    'an administrator should enter the real ones (PATCH /v1/platforms/{slug}) before notices are sent')
}
await waitForDatabase(() => sweepExpiredIdempotencyKeys(database.db), logger, target)

const signer = await loadNoticeSigner(config.NOTICE_SIGNING_KEY_FILE, config.DATA_DIR)
await waitForDatabase(() => registerSigningKey(database.db, signer.kid, signer.publicKey.jwk), logger, target)
logger.info({ kid: signer.kid }, 'notice signing key loaded')

const app = await buildApp(config, { ...database, signer, logger })

// A terminal's Ctrl-C reaches npm and the gateway alike, so a repeat within a moment is the same request to stop;
// a later one means the operator wants out now.
const GRACE_MS = 10_000
let stoppingSince = 0
async function shutdown (reason: string, err?: unknown): Promise<void> {
  if (stoppingSince !== 0) {
    if (Date.now() - stoppingSince > 2_000) {
      logger.warn({ reason }, 'forced exit')
      process.exit(1)
    }
    return
  }
  stoppingSince = Date.now()
  if (err) logger.error({ err }, 'shutting down after an error')
  else logger.info({ reason }, 'shutting down: finishing in-flight requests')
  setTimeout(() => {
    logger.error('graceful shutdown timed out')
    process.exit(1)
  }, GRACE_MS).unref()
  await app.close()
  await database.close()
  logger.info('stopped')
  process.exit(err ? 1 : 0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { void shutdown(signal) })
process.on('uncaughtException', (err) => { void shutdown('uncaughtException', err) })
process.on('unhandledRejection', (err) => {
  // pg-boss settles a finished job (complete/fail) without awaiting it, so a job that ends while the database is
  // away leaves a rejected promise nobody handles. A lost connection corrupts nothing in this process: it is
  // logged, and the job queue carries on once the database is back. Anything else still stops the gateway.
  if (isDatabaseUnavailable(err)) {
    logger.warn({ err }, 'a background database call failed while the database was unavailable')
    return
  }
  void shutdown('unhandledRejection', err)
})

await app.listen({ host: config.HOST, port: config.PORT })
