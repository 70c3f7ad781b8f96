// The commit horizon of this database: below it, no transaction can still commit a row.
import type pg from 'pg'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'

const HORIZON = `
    with snap as (select pg_current_snapshot() as s),
    here as (
      select backend_xid as x from pg_stat_activity where datname = current_database() and backend_xid is not null
      union all
      select p.transaction from pg_prepared_xacts p where p.database = current_database()
    )
    select least(
      (select min(r) from snap, pg_snapshot_xip(snap.s) r where xid(r) in (select x from here)),
      (select pg_snapshot_xmax(s) from snap)
    )::text as horizon`

/**
 * A row is only numbered (or served by a feed) once every transaction that could still commit an earlier row has
 * finished. Ordering by transaction id then a per-row sequence gives the same total order to every reader, whatever
 * order the transactions committed in, so the rule is: take rows whose transaction id is below the smallest one
 * that may still be running and writing here (the horizon), in (tx_id, id) order. The notice-event feed, the audit
 * sealing, the hash bank's changes feed and each process's hash-bank index all follow it.
 *
 * The horizon is the smallest transaction id still running IN THIS DATABASE, not the snapshot's xmin: xmin is
 * cluster-wide, so a long transaction in another database (a report job, a migration elsewhere) used to hold the
 * feeds and the audit sealing back for as long as it stayed open. Only sessions connected to this database can
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
 * was read. A horizon read earlier is only more conservative, never wrong. It must be read outside an explicit
 * transaction too: PostgreSQL takes pg_stat_activity's picture once per transaction, and a second read in the
 * same transaction would miss writers that began since.
 *
 * Privileges: pg_stat_activity shows backend_xid only for sessions of the same role (or to members of
 * pg_read_all_stats). The gateway's sessions all use one role, and only they write these tables, so that is
 * enough; the service role is granted pg_read_all_stats where it can be (src/db/roles.ts) so that a session of
 * another role writing here (an operator's psql as the owner) also holds the horizon back.
 */
export async function readHorizon (client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ horizon: string }>({ name: 'commit-horizon', text: HORIZON })
  return Number(rows[0].horizon)
}

/** The same, through the pool: a statement of its own on whichever connection is free, never inside a transaction. */
export async function readPoolHorizon (db: Database): Promise<number> {
  const { rows } = await db.execute<{ horizon: string }>(sql.raw(HORIZON))
  return Number(rows[0].horizon)
}
