// The service's database role: least privilege, so that the gateway's own credentials cannot undo the audit guards.
import type pg from 'pg'

/**
 * Migrations run as the owner of the tables; the service runs as another role that only reads and writes rows.
 * Not owning the tables, it cannot ALTER TABLE ... DISABLE TRIGGER (the audit guards), drop or truncate them; it
 * gets no DELETE on the audit trail or its head, and its UPDATEs there are limited by the guards to sealing.
 * Granted again after every migration run (idempotent), so tables added later are covered.
 */
export async function grantServiceRole (owner: pg.ClientBase, role: string): Promise<void> {
  const r = quoteIdent(role)
  await owner.query(`grant usage on schema public to ${r}`)
  await owner.query(`grant select, insert, update, delete on all tables in schema public to ${r}`)
  await owner.query(`revoke delete, truncate on audit_entries, audit_chain_head from ${r}`)
  await owner.query(`revoke insert on audit_chain_head from ${r}`)
  await owner.query(`grant usage, select on all sequences in schema public to ${r}`)
  // The durable queue keeps its tables in a schema of its own, which it creates and migrates itself (its
  // CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema is there).
  const { rows: [db] } = await owner.query<{ name: string }>('select current_database() as name')
  await owner.query(`grant create on database ${quoteIdent(db.name)} to ${r}`)
  await owner.query(`create schema if not exists pgboss authorization ${r}`)
  await owner.query(`grant all on schema pgboss to ${r}`)
  await owner.query(`grant all on all tables in schema pgboss to ${r}`)
  await owner.query(`grant all on all sequences in schema pgboss to ${r}`)
  // Lets the feeds' commit horizon see the transactions of every session in its database, not only its own role's
  // (src/repositories/commit-horizon.ts). Optional: an owner without the right to grant it leaves it out.
  await owner.query(`grant pg_read_all_stats to ${r}`).catch(() => {})
}

/** The role name in a connection URL (what the service logs in as). */
export function roleOf (url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres'
}

export function quoteIdent (name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
