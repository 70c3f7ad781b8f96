// Numbers committed events and seals committed audit entries, oldest transaction first, never skipping one.
import type pg from 'pg'

/** Rows of transactions below the horizon (see commit-horizon.ts) are settled: none can still commit before them. */
const SETTLED = 'tx_id < $2::bigint'

export async function sequenceEvents (client: pg.ClientBase, horizon: number, batch = 5000): Promise<number> {
  const { rows } = await client.query<{ last: string | null }>({
    name: 'sequence-events',
    text: `
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
    select max(position)::text as last from numbered`,
    values: [batch, horizon]
  })
  return rows[0].last === null ? 0 : Number(rows[0].last)
}

/** The last position of each platform's events numbered after `after` (platforms with none are left out). */
export async function eventPositionsAfter (
  client: pg.ClientBase, after: number
): Promise<Array<{ platform: string, last: number }>> {
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
export async function unsealedAuditEntries (client: pg.ClientBase, horizon: number, batch = 5000): Promise<{
  head: { position: number, hash: string | null }, entries: UnsealedAuditEntry[]
}> {
  const head = await client.query<{ p: string, hash: string | null }>({
    name: 'audit-head',
    text: 'select position::text as p, hash from audit_chain_head for update'
  })
  const { rows } = await client.query<UnsealedAuditEntry>({
    name: 'unsealed-audit-entries',
    text: `
    select id, at, actor_id, actor_role, action, target_type, target_id, digest
    from audit_entries where position is null and ${SETTLED}
    order by tx_id, id limit $1`,
    values: [batch, horizon]
  })
  return { head: { position: Number(head.rows[0].p), hash: head.rows[0].hash }, entries: rows }
}

export async function sealAuditEntries (
  client: pg.ClientBase, seals: Array<{ id: number, position: number, prev_hash: string | null, hash: string }>
): Promise<void> {
  if (seals.length === 0) return
  // The ids are given twice: `a.id = any(...)` makes the planner find the rows by primary key. With the join alone,
  // a plan made while the table was small (a hash join over a sequential scan) stayed in use as it grew.
  await client.query({
    name: 'seal-audit-entries',
    text: `
    update audit_entries a set position = s.position, prev_hash = s.prev_hash, hash = s.hash
    from jsonb_to_recordset($1::jsonb) as s(id bigint, position bigint, prev_hash text, hash text)
    where a.id = s.id and a.id = any($2::bigint[])`,
    values: [JSON.stringify(seals), seals.map((s) => s.id)]
  })
  const last = seals[seals.length - 1]
  await client.query({
    name: 'advance-audit-head',
    text: 'update audit_chain_head set position = $1, hash = $2',
    values: [last.position, last.hash]
  })
}
