// Numbers committed events and seals committed audit entries, oldest transaction first, never skipping one.
import type pg from 'pg'

/**
 * A row is only numbered once every transaction that could still commit an earlier row has finished. Ordering
 * by transaction id then row id gives the same total order to every reader, whatever order the transactions
 * committed in, so the rule is: number rows whose transaction id is below the smallest one that may still be
 * running and writing here (the horizon), in (tx_id, id) order.
 *
 * The horizon is the smallest transaction id still running IN THIS DATABASE, not the snapshot's xmin: xmin is
 * cluster-wide, so a long transaction in another database (a report job, a migration elsewhere) used to hold the
 * feed and the audit sealing back for as long as it stayed open. Only sessions connected to this database can
 * insert into its tables, so the others cannot matter. The horizon is
 *   min( the snapshot's running ids that are still running in this database (pg_stat_activity.backend_xid, and
 *        pg_prepared_xacts for two-phase transactions of this database), the snapshot's xmax ).
 * Any id below xmax not in the snapshot's running list had finished when the snapshot was taken; any id at or
 * past xmax is excluded by the min; new transactions only ever get ids at or past xmax.
 *
 * The race: a transaction that commits between this statement's snapshot and its read of pg_stat_activity is
 * gone from pg_stat_activity but its rows are invisible to this statement's snapshot. So the horizon is read in
 * a statement of its own and used by LATER statements (autocommit, or READ COMMITTED: each statement takes a new
 * snapshot after the previous one finished), which see every transaction that had finished when the horizon
 * was read. A horizon read earlier is only more conservative, never wrong.
 *
 * Privileges: pg_stat_activity shows backend_xid only for sessions of the same role (or to members of
 * pg_read_all_stats). The gateway's sessions all use one role, and only they write these tables, so that is
 * enough; the service role is granted pg_read_all_stats where it can be (src/db/roles.ts) so that a session of
 * another role writing here (an operator's psql as the owner) also holds the horizon back.
 */
export async function readHorizon (client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ horizon: string }>({ name: 'sequencing-horizon', text: `
    with snap as (select pg_current_snapshot() as s),
    here as (
      select backend_xid as x from pg_stat_activity where datname = current_database() and backend_xid is not null
      union all
      select p.transaction from pg_prepared_xacts p where p.database = current_database()
    )
    select least(
      (select min(r) from snap, pg_snapshot_xip(snap.s) r where xid(r) in (select x from here)),
      (select pg_snapshot_xmax(s) from snap)
    )::text as horizon` })
  return Number(rows[0].horizon)
}

const SETTLED = 'tx_id < $2::bigint'

export async function sequenceEvents (client: pg.ClientBase, horizon: number, batch = 5000): Promise<number> {
  const { rows } = await client.query<{ last: string | null }>({ name: 'sequence-events', text: `
    with base as (select coalesce(max(position), 0) as p from notice_events),
    next as (
      select id, row_number() over (order by tx_id, id) as n
      from notice_events where position is null and ${SETTLED}
      order by tx_id, id limit $1
    ),
    numbered as (
      update notice_events e set position = base.p + next.n from next, base where e.id = next.id
      returning e.position
    )
    select max(position)::text as last from numbered`, values: [batch, horizon] })
  return rows[0].last === null ? 0 : Number(rows[0].last)
}

/** The last position of each platform's events numbered after `after` (platforms with none are left out). */
export async function eventPositionsAfter (client: pg.ClientBase, after: number): Promise<Array<{ platform: string, last: number }>> {
  const { rows } = await client.query<{ platform: string, last: string }>({
    name: 'event-positions-after',
    text: 'select platform, max(position)::text as last from notice_events where position > $1 group by platform',
    values: [after]
  })
  return rows.map((row) => ({ platform: row.platform, last: Number(row.last) }))
}

export interface UnsealedAuditEntry {
  id: number
  at: Date
  actor_id: string | null
  actor_role: string
  action: string
  target_type: string
  target_id: string
  digest: string
}

/**
 * The chain's head (locked until the caller's transaction ends) and the settled entries still to seal. The head
 * is its own row rather than max(position): after the newest entries were deleted, max+1 would hand their
 * positions out again and paper over the deletion; the head only moves forward, so the next seal leaves a gap.
 */
export async function unsealedAuditEntries (client: pg.ClientBase, horizon: number, batch = 5000): Promise<{ head: { position: number, hash: string | null }, entries: UnsealedAuditEntry[] }> {
  const head = await client.query<{ p: string, hash: string | null }>({
    name: 'audit-head',
    text: 'select position::text as p, hash from audit_chain_head for update'
  })
  const { rows } = await client.query<UnsealedAuditEntry>({ name: 'unsealed-audit-entries', text: `
    select id, at, actor_id, actor_role, action, target_type, target_id, digest
    from audit_entries where position is null and ${SETTLED}
    order by tx_id, id limit $1`, values: [batch, horizon] })
  return { head: { position: Number(head.rows[0].p), hash: head.rows[0].hash }, entries: rows }
}

export async function sealAuditEntries (client: pg.ClientBase, seals: Array<{ id: number, position: number, prev_hash: string | null, hash: string }>): Promise<void> {
  if (seals.length === 0) return
  await client.query({ name: 'seal-audit-entries', text: `
    update audit_entries a set position = s.position, prev_hash = s.prev_hash, hash = s.hash
    from jsonb_to_recordset($1::jsonb) as s(id bigint, position bigint, prev_hash text, hash text)
    where a.id = s.id`, values: [JSON.stringify(seals)] })
  const last = seals[seals.length - 1]
  await client.query({ name: 'advance-audit-head', text: 'update audit_chain_head set position = $1, hash = $2', values: [last.position, last.hash] })
}
