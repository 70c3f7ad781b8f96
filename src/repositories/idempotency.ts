// Idempotency keys: which process runs a key's first request, and the answer stored for its retries.
import type pg from 'pg'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { idempotencyKeys } from '../db/schema.ts'
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
export async function storeAnswerInTransaction (
  client: pg.ClientBase, claim: IdempotencyClaim, answer: StoredAnswer
): Promise<void> {
  const { rowCount } = await client.query({
    name: 'idempotency-store-answer',
    text: `update idempotency_keys set state = 'done', response_status = $4, response_headers = $5::jsonb,
      response_body = $6
      where client_id = $1 and key = $2 and owner = $3 and state = 'running'`,
    values: [claim.clientId, claim.key, claim.owner, answer.status, JSON.stringify(answer.headers), answer.body]
  })
  if (rowCount !== 1) throw keyLost()
}

/** The same, for a use case that writes through drizzle: the answer commits with the transaction `tx` belongs to. */
export async function storeAnswer (tx: Executor, claim: IdempotencyClaim, answer: StoredAnswer): Promise<void> {
  const stored = await tx.update(idempotencyKeys)
    .set({ state: 'done', responseStatus: answer.status, responseHeaders: answer.headers, responseBody: answer.body })
    .where(and(
      eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, claim.key),
      eq(idempotencyKeys.owner, claim.owner), eq(idempotencyKeys.state, 'running')
    ))
    .returning({ key: idempotencyKeys.key })
  if (stored.length !== 1) throw keyLost()
}

/**
 * A 201 answer with its JSON body and location (null for none), as it is stored for the retries of an Idempotency-Key.
 */
export function createdAnswer (location: string | null, body: unknown): StoredAnswer {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
  if (location !== null) headers.location = location
  return { status: 201, headers, body: JSON.stringify(body) }
}

function keyLost (): AppError {
  return new AppError('idempotency_key_lost',
    'the request lost its Idempotency-Key while the database connection was restored; retry it',
    { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS })
}
