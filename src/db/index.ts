// The connection pool and the drizzle handle that repositories and use cases share.
import pg from 'pg'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import * as schema from './schema.ts'

export type Database = NodePgDatabase<typeof schema>
/** A handle usable both outside and inside a transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0]

export function createPool (connectionString: string, max = 20): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: 'takedown-gateway' })
  // An idle client losing its server must not crash the process; the next checkout reconnects.
  pool.on('error', () => {})
  return pool
}

export function createDatabase (pool: pg.Pool): Database {
  return drizzle(pool, { schema })
}

export { schema }
