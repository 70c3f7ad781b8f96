// Opens the database the configuration names, or the embedded one under DATA_DIR, migrated and ready.
import type pg from 'pg'
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { createDatabase, createPool, type Database } from './index.ts'
import { migrateDatabase } from './migrate.ts'
import { startEmbeddedPostgres } from './embedded.ts'
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
    logger.info({ dataDir: embedded.dataDir, port: config.EMBEDDED_PG_PORT }, `embedded PostgreSQL running; its data lives in ${embedded.dataDir}`)
    url = embedded.url
    ownerUrl = embedded.ownerUrl
    stopEmbedded = embedded.stop
  }
  let pool: pg.Pool | null = null
  try {
    if (ownerUrl !== undefined && ownerUrl !== url) {
      const owner = createPool(ownerUrl, 2)
      try {
        await migrateDatabase(owner)
        const client = await owner.connect()
        try {
          await grantServiceRole(client, roleOf(url))
        } finally {
          client.release()
        }
      } finally {
        await owner.end()
      }
      pool = createPool(url, config.DB_POOL_SIZE)
    } else {
      pool = createPool(url, config.DB_POOL_SIZE)
      await migrateDatabase(pool)
    }
    const { rows: [role] } = await pool.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')
    if (role?.rolsuper === true) {
      logger.warn('the service connects as a superuser, which could disable the audit trail\'s guards: set DATABASE_MIGRATION_URL to the owner and DATABASE_URL to a role of least privilege (README)')
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
