// The connection pool and the drizzle handle that repositories and use cases share.
import pg from 'pg'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import * as schema from './schema.ts'

export type Database = NodePgDatabase<typeof schema>
/** A handle usable both outside and inside a transaction. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0]

/**
 * A query built once per handle by `build` (which ends in drizzle's `.prepare(name)`): drizzle builds its SQL once,
 * and PostgreSQL plans it once per connection. For queries on a hot path.
 */
export function preparedPerExecutor<T> (build: (db: Executor) => T): (db: Executor) => T {
  const built = new WeakMap<Executor, T>()
  return (db) => {
    let query = built.get(db)
    if (query === undefined) built.set(db, query = build(db))
    return query
  }
}

export interface PoolOptions {
  /** Told about connections lost outside any query (the server restarting, say); nothing is thrown. */
  onConnectionError?: (error: Error) => void
  /** How long a checkout waits for a connection before failing (then the request answers 503). */
  connectionTimeoutMillis?: number
  /** How long a query may go unanswered (a network that drops everything) before it fails; 0 or unset: no limit. */
  queryTimeoutMillis?: number
}

/** How long a request waits for a pooled connection by default before it is answered 503. */
export const POOL_CHECKOUT_TIMEOUT_MS = 10_000

/**
 * Every connection the process opens comes from here. A connection the server ends (a restart, an administrator
 * terminating it) raises an 'error' event on its client whether it sits idle in the pool or is checked out
 * between two queries; both are handled, so the process survives and the next checkout reconnects. The query
 * in flight on that connection fails, and the request behind it is answered 503.
 */
export function createPool (connectionString: string, max = 20, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    application_name: 'takedown-gateway',
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? POOL_CHECKOUT_TIMEOUT_MS,
    query_timeout: options.queryTimeoutMillis || undefined
  })
  const lost = (error: Error): void => { options.onConnectionError?.(error) }
  pool.on('error', lost)
  pool.on('connect', (client) => { client.on('error', lost) })
  // A query that timed out is still on the wire, and a transaction whose rollback timed out is still open on the
  // server: such a connection is ended, not pooled again, or the next request would queue behind the lost answer
  // or run inside the old transaction. end() with a query in flight destroys the socket and marks the client
  // ending, which tells the pool to drop it.
  pool.on('release', (error, client) => {
    if (error === undefined && isUnsettled(client)) void client.end().catch(() => {})
  })
  return pool
}

/** A client with a query still awaiting its answer, or inside a transaction (a released client should be neither). */
function isUnsettled (client: pg.PoolClient): boolean {
  const active = (client as unknown as { _getActiveQuery?: () => unknown })._getActiveQuery?.()
  return (active !== undefined && active !== null) ||
    client.getTransactionStatus?.() === 'T' || client.getTransactionStatus?.() === 'E'
}

export function createDatabase (pool: pg.Pool): Database {
  return drizzle(pool, { schema })
}

export { schema }
