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
      logger.warn(
        { database: target, attempt, retryInMs: pauseMs, err: error },
        `database ${target} not reachable; waiting for it`
      )
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
      pauseMs = Math.min(START_RETRY_MAX_MS, pauseMs * 2)
    }
  }
}
import { grantServiceRole, roleOf } from './roles.ts'

export interface OpenDatabase {
  pool: pg.Pool
  db: Database
  close: () => Promise<void>
}

/**
 * Migrations run as the tables' owner (DATABASE_MIGRATION_URL, or the embedded server's superuser), which then
 * grants the service's role (DATABASE_URL's) what it needs and no more; without a separate owner URL, the service
 * migrates as itself, as before, and keeps whatever powers its role has.
 */
export async function openDatabase (config: Config, logger: Logger): Promise<OpenDatabase> {
  let url = config.DATABASE_URL
  let ownerUrl = config.DATABASE_MIGRATION_URL ?? url
  let stopEmbedded = async (): Promise<void> => {}
  if (url === undefined) {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.DATA_DIR,
      port: config.EMBEDDED_PG_PORT,
      onLog: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres')
    })
    logger.info(
      { dataDir: embedded.dataDir, port: config.EMBEDDED_PG_PORT },
      `embedded PostgreSQL running; its data lives in ${embedded.dataDir}`
    )
    url = embedded.url
    ownerUrl = embedded.ownerUrl
    stopEmbedded = embedded.stop
  }
  // Connections lost outside any query (a restart) are logged; the next query reconnects.
  const onConnectionError = (error: Error): void => {
    logger.warn(
      { err: error }, 'a database connection was lost; the next query reconnects'
    )
  }
  const serviceUrl = url
  let pool: pg.Pool | null = null
  try {
    if (ownerUrl !== undefined && ownerUrl !== url) {
      const migrationUrl = ownerUrl
      await waitForDatabase(async () => {
        const owner = createPool(migrationUrl, 2)
        try {
          await migrateDatabase(owner)
          const client = await owner.connect()
          try {
            await grantServiceRole(client, roleOf(serviceUrl))
          } finally {
            client.release()
          }
        } finally {
          await owner.end()
        }
      }, logger, describeTarget(migrationUrl))
      pool = createPool(
        url, config.DB_POOL_SIZE, { onConnectionError, queryTimeoutMillis: config.DB_QUERY_TIMEOUT_SECONDS * 1000 }
      )
    } else {
      const own = createPool(
        url, config.DB_POOL_SIZE, { onConnectionError, queryTimeoutMillis: config.DB_QUERY_TIMEOUT_SECONDS * 1000 }
      )
      pool = own
      await waitForDatabase(() => migrateDatabase(own), logger, describeTarget(url))
    }
    const service = pool
    const { rows: [role] } = await waitForDatabase(
      () => service.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user'), logger,
      describeTarget(url)
    )
    if (role?.rolsuper === true) {
      logger.warn(
        'the service connects as a superuser, which could disable the audit trail\'s guards: ' +
        'set DATABASE_MIGRATION_URL to the owner and DATABASE_URL to a role of least privilege (README)'
      )
    }
  } catch (error) {
    await pool?.end()
    await stopEmbedded()
    throw error
  }
  const open = pool
  return {
    pool: open,
    db: createDatabase(open),
    close: async () => {
      await open.end()
      await stopEmbedded()
    }
  }
}
