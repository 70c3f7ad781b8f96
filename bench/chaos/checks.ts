// What the database and the gateway hold after a load: every acknowledged report with the notices its answer named,
// replays that give the same answer, gap-free reference numbers, every event numbered, the audit chain sealed
// and intact, valid signatures. Every wait here has a deadline.
import { isDeepStrictEqual } from 'node:util'
import pg from 'pg'
import { ADMIN_KEY, api, waitFor } from './harness.ts'
import type { LoadFigures } from './load.ts'

async function withClient<T> (databaseUrl: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, query_timeout: 60_000 })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

export interface Integrity {
  /** Acknowledged references with no report, or stored more than once. */
  lost: number
  duplicated: number
  /** Acknowledged reports whose id is not stored under their reference, or whose notices differ from the answer's. */
  wrongId: number
  wrongNotices: number
  gaps: number
  notices: number
}

/** Each acknowledged report exists under the id its answer gave, with exactly the notices it named; numbers are gap-free. */
export async function checkIntegrity (databaseUrl: string, figures: LoadFigures, tag: string): Promise<Integrity> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ external_ref: string, ids: string[] }>(
      'select external_ref, array_agg(id::text) as ids from reports where external_ref like $1 group by external_ref', [`CHAOS-${tag}-%`])
    const stored = new Map(rows.map((r) => [r.external_ref, r.ids]))
    const { rows: noticeRows } = await client.query<{ report_id: string, ids: string[] }>(
      `select r.id::text as report_id, array_agg(n.id::text) filter (where n.id is not null) as ids
       from reports r left join notices n on n.report_id = r.id where r.external_ref like $1 group by r.id`, [`CHAOS-${tag}-%`])
    const noticesOf = new Map(noticeRows.map((r) => [r.report_id, new Set(r.ids ?? [])]))
    let lost = 0
    let wrongId = 0
    let wrongNotices = 0
    for (const [ref, ack] of figures.acknowledged) {
      const ids = stored.get(ref)
      if (ids === undefined) { lost++; continue }
      if (!ids.includes(ack.id)) { wrongId++; continue }
      const held = noticesOf.get(ack.id) ?? new Set()
      if (held.size !== ack.noticeIds.length || ack.noticeIds.some((id) => !held.has(id))) wrongNotices++
    }
    const duplicated = rows.filter((r) => r.ids.length > 1).reduce((sum, r) => sum + r.ids.length - 1, 0)
    const { rows: serials } = await client.query<{ reference_number: string }>('select reference_number from notices')
    const byPrefix = new Map<string, number[]>()
    for (const { reference_number: ref } of serials) {
      const cut = ref.lastIndexOf('-')
      const list = byPrefix.get(ref.slice(0, cut)) ?? []
      list.push(Number(ref.slice(cut + 1)))
      byPrefix.set(ref.slice(0, cut), list)
    }
    let gaps = 0
    for (const list of byPrefix.values()) {
      list.sort((a, b) => a - b)
      list.forEach((n, i) => { if (n !== i + 1) gaps++ })
    }
    return { lost, duplicated, wrongId, wrongNotices, gaps, notices: serials.length }
  })
}

export function integrityFailures (integrity: Integrity): string[] {
  const failures: string[] = []
  if (integrity.lost > 0) failures.push(`${integrity.lost} acknowledged reports lost`)
  if (integrity.duplicated > 0) failures.push(`${integrity.duplicated} reports created twice`)
  if (integrity.wrongId > 0) failures.push(`${integrity.wrongId} acknowledged reports stored under another id than their answer gave`)
  if (integrity.wrongNotices > 0) failures.push(`${integrity.wrongNotices} acknowledged reports whose stored notices are not the ones their answer named`)
  if (integrity.gaps > 0) failures.push(`${integrity.gaps} reference-number gaps`)
  return failures
}

/**
 * Sends up to `sample` acknowledged reports again under their Idempotency-Key: each must be answered 201, marked
 * as a replay, with the same answer as the first time.
 */
export async function checkReplays (base: string, key: string, figures: LoadFigures, sample: number): Promise<{ checked: number, different: string[] }> {
  const acks = [...figures.acknowledged.entries()]
  const step = Math.max(1, Math.floor(acks.length / sample))
  const different: string[] = []
  let checked = 0
  for (let i = 0; i < acks.length && checked < sample; i += step) {
    const [ref, ack] = acks[i]
    checked++
    const res = await api(base, key, 'POST', '/v1/reports', ack.body, { 'idempotency-key': ref })
    const text = await res.text()
    if (res.status !== 201 || res.headers.get('idempotent-replayed') !== 'true') different.push(`${ref}: ${res.status} replayed=${res.headers.get('idempotent-replayed')}`)
    else if (!isDeepStrictEqual(JSON.parse(text), ack.answer)) different.push(`${ref}: the replay's answer differs from the first`)
  }
  return { checked, different }
}

/** Verifies notices' signatures through the gateway (JWKS and compact JWS), a sample of `sample` at most. */
export async function checkSignatures (base: string, key: string, databaseUrl: string, sample = 100): Promise<{ checked: number, invalid: number }> {
  const { compactVerify, importJWK } = await import('jose')
  const jwks = await (await fetch(`${base}/.well-known/jwks.json`, { signal: AbortSignal.timeout(30_000) })).json() as { keys: Array<Record<string, unknown> & { kid: string }> }
  const rows = await withClient(databaseUrl, async (client) => (await client.query<{ id: string }>('select id from notices order by random() limit $1', [sample])).rows)
  let invalid = 0
  for (const { id } of rows) {
    try {
      const res = await api(base, key, 'GET', `/v1/notices/${id}/signature`)
      const { jws } = await res.json() as { jws: string }
      const kid = (JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString()) as { kid: string }).kid
      const jwk = jwks.keys.find((k) => k.kid === kid)
      if (!jwk) throw new Error('unknown kid')
      await compactVerify(jws, await importJWK(jwk, 'EdDSA'))
    } catch {
      invalid++
    }
  }
  return { checked: rows.length, invalid }
}

/** Rows the sequencer had not yet numbered (events) or sealed (audit entries), by id: taken at a kill. */
export interface Unsettled { events: number[], audit: number[] }

export async function unsettledRows (databaseUrl: string): Promise<Unsettled> {
  return withClient(databaseUrl, async (client) => ({
    events: (await client.query<{ id: string }>('select id::text from notice_events where position is null')).rows.map((r) => Number(r.id)),
    audit: (await client.query<{ id: string }>('select id::text from audit_entries where position is null')).rows.map((r) => Number(r.id))
  }))
}

export interface Settled {
  /** Every event numbered, positions 1..n without a gap, every acknowledged notice's creation numbered. */
  eventsUnnumbered: number
  eventPositionsGapFree: boolean
  events: number
  acknowledgedNoticesWithoutEvent: number
  /** Of the rows unsettled at the kills: those that exist (committed) and are still not numbered or sealed. */
  unsettledAtKillsStill: number
  unsettledAtKills: number
  /** Audit: every entry sealed, the chain verified intact by the gateway over every entry. */
  auditUnsealed: number
  auditEntries: number
  auditChecked: number
  auditIntact: boolean
  waitedMs: number
}

/**
 * Waits (up to `ms`) for the sequencer and the sealer to settle everything, then verifies the feed's numbering and
 * the whole audit chain (`GET /v1/audit/verify`), including the rows that were still unsettled at the kills.
 */
export async function checkSettled (base: string, databaseUrl: string, figures: LoadFigures | null, atKills: Unsettled[] = [], ms = 30_000): Promise<Settled> {
  const started = Date.now()
  return withClient(databaseUrl, async (client) => {
    const count = async (sql: string): Promise<number> => (await client.query<{ n: number }>(sql)).rows[0].n
    await waitFor('every event numbered and every audit entry sealed', ms, async () =>
      await count('select count(*)::int as n from notice_events where position is null') === 0 &&
      await count('select count(*)::int as n from audit_entries where position is null') === 0, 100).catch(() => {})
    const waitedMs = Date.now() - started
    const events = (await client.query<{ n: number, nulls: number, max: number | null, min: number | null }>(
      'select count(*)::int as n, (count(*) - count(position))::int as nulls, max(position)::int as max, min(position)::int as min from notice_events')).rows[0]
    const numbered = events.n - events.nulls
    const eventPositionsGapFree = numbered === 0 || (events.min === 1 && events.max === numbered)
    const noticeIds = figures === null ? [] : [...figures.acknowledged.values()].flatMap((a) => a.noticeIds)
    const withEvent = noticeIds.length === 0
      ? 0
      : (await client.query<{ n: number }>('select count(distinct notice_id)::int as n from notice_events where notice_id = any($1::uuid[]) and position is not null', [noticeIds])).rows[0].n
    const eventIds = [...new Set(atKills.flatMap((u) => u.events))]
    const auditIds = [...new Set(atKills.flatMap((u) => u.audit))]
    const still = (await client.query<{ n: number }>('select count(*)::int as n from notice_events where id = any($1::bigint[]) and position is null', [eventIds])).rows[0].n +
      (await client.query<{ n: number }>('select count(*)::int as n from audit_entries where id = any($1::bigint[]) and position is null', [auditIds])).rows[0].n
    const audit = (await client.query<{ n: number, nulls: number }>('select count(*)::int as n, (count(*) - count(position))::int as nulls from audit_entries')).rows[0]
    const res = await api(base, ADMIN_KEY, 'GET', '/v1/audit/verify')
    const verified = res.ok ? await res.json() as { intact: boolean, checked: number } : { intact: false, checked: -res.status }
    return {
      eventsUnnumbered: events.nulls,
      eventPositionsGapFree,
      events: events.n,
      acknowledgedNoticesWithoutEvent: noticeIds.length - withEvent,
      unsettledAtKillsStill: still,
      unsettledAtKills: eventIds.length + auditIds.length,
      auditUnsealed: audit.nulls,
      auditEntries: audit.n,
      auditChecked: verified.checked,
      auditIntact: verified.intact,
      waitedMs
    }
  })
}

export function settledFailures (s: Settled): string[] {
  const failures: string[] = []
  if (s.eventsUnnumbered > 0) failures.push(`${s.eventsUnnumbered} events never numbered: the sequencer did not resume`)
  if (!s.eventPositionsGapFree) failures.push('the feed\'s positions are not 1..n without a gap')
  if (s.acknowledgedNoticesWithoutEvent > 0) failures.push(`${s.acknowledgedNoticesWithoutEvent} acknowledged notices have no numbered event in the feed`)
  if (s.unsettledAtKillsStill > 0) failures.push(`${s.unsettledAtKillsStill} of the rows unsettled at the kills were never numbered or sealed`)
  if (s.auditUnsealed > 0) failures.push(`${s.auditUnsealed} audit entries never sealed`)
  if (!s.auditIntact) failures.push('the audit chain is not intact')
  if (s.auditChecked !== s.auditEntries) failures.push(`the audit verification covered ${s.auditChecked} of ${s.auditEntries} entries`)
  return failures
}

export function settledFigure (s: Settled): string {
  return `events ${s.events} (unnumbered ${s.eventsUnnumbered}, gap-free ${s.eventPositionsGapFree}); audit ${s.auditChecked}/${s.auditEntries} verified, intact ${s.auditIntact}, unsealed ${s.auditUnsealed}; after ${s.waitedMs} ms`
}
