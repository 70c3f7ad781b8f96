// `npm run db:migrate`: applies the migrations and seeds to the configured (or embedded) database, then exits.
import { loadConfig } from '../config.ts'
import { createLogger } from '../app.ts'
import { openDatabase } from './connect.ts'

const config = loadConfig(process.env)
const logger = createLogger(config.LOG_LEVEL)
const database = await openDatabase(config, logger)
logger.info('migrations applied')
await database.close()
