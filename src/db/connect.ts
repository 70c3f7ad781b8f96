// Opens the database the configuration names, or the embedded one under DATA_DIR, migrated and ready.
import type pg from 'pg'
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { createDatabase, createPool, type Database } from './index.ts'
import { migrateDatabase } from './migrate.ts'
import { startEmbeddedPostgres } from './embedded.ts'

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
  const pool = createPool(url, config.DB_POOL_SIZE)
  try {
    await migrateDatabase(pool)
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
