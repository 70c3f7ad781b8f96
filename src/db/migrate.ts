// Applies the committed SQL migrations and the catalogue seeds, serialised across processes by an advisory lock.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import { createDatabase } from './index.ts'
import { seedCatalogues } from './seed.ts'

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations')
const MIGRATION_LOCK = 7_310_001

export async function migrateDatabase (pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await migrate(createDatabase(pool), { migrationsFolder: MIGRATIONS_DIR })
      await seedCatalogues(createDatabase(pool))
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK])
    }
  } finally {
    client.release()
  }
}
