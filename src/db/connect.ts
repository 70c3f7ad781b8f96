// Opens the database the configuration names, or the embedded one under DATA_DIR, migrated and ready.
import type pg from 'pg'
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { createDatabase, createPool, type Database } from './index.ts'
import { migrateDatabase } from './migrate.ts'
import { startEmbeddedPostgres } from './embedded.ts'
import { isDatabaseUnavailable } from '../lib/db-errors.ts'

/** Start-up retries an unreachable database this often at most, so the gateway comes up as soon as it does. */
const START_RETRY_MAX_MS = 5_000

/** host:port/database of a URL, without its credentials, for log lines. */
function describeTarget (url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url)
    return `${hostname}:${port || '5432'}${pathname}`
  } catch {
    return 'the configured database'
  }
}

/**
 * Runs the start-up work, waiting for the database while it cannot be reached (it may start after the
 * gateway, or be restarting): each failed attempt logs one line saying so, and the next comes after a
 * growing pause of at most START_RETRY_MAX_MS. Any other failure (bad credentials, a failed migration) stops the start.
 */
export async function waitForDatabase<T> (work: () => Promise<T>, logger: Logger, target: string): Promise<T> {
  let pauseMs = 250
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await work()
      if (attempt > 1) logger.info({ database: target, attempts: attempt }, 'database reachable; starting')
      return result
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error
      logger.warn({ database: target, attempt, retryInMs: pauseMs, err: error }, `database ${target} not reachable; waiting for it`)
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
      pauseMs = Math.min(START_RETRY_MAX_MS, pauseMs * 2)
    }
  }
}

export interface OpenDatabase {
  pool: pg.Pool
  db: Database
  close: () => Promise<void>
}

export async function openDatabase (config: Config, logger: Logger): Promise<OpenDatabase> {
  let url = config.DATABASE_URL
  let stopEmbedded = async (): Promise<void> => {}
  if (url === undefined) {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.DATA_DIR,
      port: config.EMBEDDED_PG_PORT,
      onLog: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres')
    })
    logger.info({ dataDir: embedded.dataDir, port: config.EMBEDDED_PG_PORT }, `embedded PostgreSQL running; its data lives in ${embedded.dataDir}`)
    url = embedded.url
    stopEmbedded = embedded.stop
  }
  const pool = createPool(url, config.DB_POOL_SIZE, {
    onConnectionError: (error) => logger.warn({ err: error }, 'a database connection was lost; the next query reconnects')
  })
  try {
    await waitForDatabase(() => migrateDatabase(pool), logger, describeTarget(url))
  } catch (error) {
    await pool.end()
    await stopEmbedded()
    throw error
  }
  return {
    pool,
    db: createDatabase(pool),
    close: async () => {
      await pool.end()
      await stopEmbedded()
    }
  }
}
