// Numbers committed events and seals committed audit entries, oldest transaction first, never skipping one.
import type pg from 'pg'

/**
 * A row is only numbered once every transaction that could still commit an earlier row has finished: its
 * transaction id must be below the oldest one still running (the snapshot's xmin). Ordering by transaction id
 * then row id gives the same total order to every reader, whatever order the transactions committed in.
 */
const SETTLED = 'tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint'

export async function sequenceEvents (client: pg.ClientBase, batch = 5000): Promise<number> {
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
    select max(position)::text as last from numbered`, values: [batch] })
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

export async function unsealedAuditEntries (client: pg.ClientBase, batch = 5000): Promise<{ last: { position: number, hash: string } | null, entries: UnsealedAuditEntry[] }> {
  // Ordered by the bigint column itself: an ORDER BY on a text alias would sort '9' after '10'.
  const head = await client.query<{ p: string, hash: string }>({
    name: 'audit-head',
    text: 'select position::text as p, hash from audit_entries where position is not null order by audit_entries.position desc limit 1'
  })
  const { rows } = await client.query<UnsealedAuditEntry>({ name: 'unsealed-audit-entries', text: `
    select id, at, actor_id, actor_role, action, target_type, target_id, digest
    from audit_entries where position is null and ${SETTLED}
    order by tx_id, id limit $1`, values: [batch] })
  const last = head.rows[0] ? { position: Number(head.rows[0].p), hash: head.rows[0].hash } : null
  return { last, entries: rows }
}

export async function sealAuditEntries (client: pg.ClientBase, seals: Array<{ id: number, position: number, prev_hash: string | null, hash: string }>): Promise<void> {
  if (seals.length === 0) return
  await client.query({ name: 'seal-audit-entries', text: `
    update audit_entries a set position = s.position, prev_hash = s.prev_hash, hash = s.hash
    from jsonb_to_recordset($1::jsonb) as s(id bigint, position bigint, prev_hash text, hash text)
    where a.id = s.id`, values: [JSON.stringify(seals)] })
}
