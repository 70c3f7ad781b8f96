// Reads the environment, opens the database, builds the app, listens, and shuts down gracefully.
import closeWithGrace from 'close-with-grace'
import { loadConfig } from './config.ts'
import { buildApp, createLogger } from './app.ts'
import { openDatabase } from './db/connect.ts'
import { bootstrapAdmin } from './use-cases/clients.ts'
import { sweepExpiredIdempotencyKeys } from './plugins/idempotency.ts'

const config = loadConfig(process.env)
const logger = createLogger(config.LOG_LEVEL)
const database = await openDatabase(config, logger)

const admin = await bootstrapAdmin(database.db, config.BOOTSTRAP_ADMIN_KEY)
if (admin.apiKey) {
  // Shown once, on the terminal only: it is the one way into a fresh installation.
  process.stdout.write(`\nA new administrator was created. Its API key (shown only now):\n\n  ${admin.apiKey}\n\n`)
} else if (admin.created) {
  logger.info('administrator created with BOOTSTRAP_ADMIN_KEY')
}
await sweepExpiredIdempotencyKeys(database.db)

const app = await buildApp(config, { ...database, logger })

closeWithGrace({ delay: 10_000, logger }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'shutting down after an error')
  else logger.info({ signal }, 'shutting down')
  await app.close()
  await database.close()
})

await app.listen({ host: config.HOST, port: config.PORT })
