// Idempotency keys: which process runs a key's first request, and the answer stored for its retries.
import type pg from 'pg'
import { sql, type SQL } from 'drizzle-orm'
import { AppError } from '../lib/errors.ts'
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/db-errors.ts'
import { OWNER_LOCK_NAMESPACE } from '../db/control-channel.ts'

/** A request running under an Idempotency-Key: whose key, and which process owns it while it runs. */
export interface IdempotencyClaim {
  clientId: string
  key: string
  /** The owner number of the running process (its owner lock is held while it lives). */
  owner: number
}

export interface StoredAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/** True while an owner's process is alive: its owner lock is held (pg_locks is readable by every role). */
export function ownerAlive (owner: number): SQL {
  return sql`exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
    and l.database = (select oid from pg_database where datname = current_database())
    and l.classid = ${OWNER_LOCK_NAMESPACE}::oid and l.objid = ${owner}::int::oid and l.objsubid = 2)`
}

/**
 * Stores the answer for a claimed key in the transaction that makes the effect it describes, so the two
 * commit (or vanish) together: a retry after a crash either replays this answer or finds the key free to run
 * afresh. Refuses (and so rolls back the effect) when the key is no longer this process's: its owner lock was
 * lost with its connection and another attempt has taken the key over.
 */
export async function storeAnswerInTransaction (client: pg.ClientBase, claim: IdempotencyClaim, answer: StoredAnswer): Promise<void> {
  const { rowCount } = await client.query({
    name: 'idempotency-store-answer',
    text: `update idempotency_keys set state = 'done', response_status = $4, response_headers = $5::jsonb, response_body = $6
      where client_id = $1 and key = $2 and owner = $3 and state = 'running'`,
    values: [claim.clientId, claim.key, claim.owner, answer.status, JSON.stringify(answer.headers), answer.body]
  })
  if (rowCount !== 1) {
    throw new AppError('unavailable', 'Idempotency key lost', 'the request lost its Idempotency-Key while the database connection was restored; retry it',
      { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS })
  }
}
