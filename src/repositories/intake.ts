// The statements of the issuing transaction, in the order it runs them: claim the reports' URLs, store the reports
// with their items and take their reference serials, store the notices. They run on one raw client and take their
// rows as JSON, one parameter per table, so that each is one round trip.
import type pg from 'pg'

export interface ReportRecord {
  id: string
  client_id: string
  external_ref: string
  category: string
  legal_basis: string
  statement_of_reasons: string
  urgency: string
  territorial_scope: string[]
}

export interface ReportItemRecord {
  id: string
  report_id: string
  position: number
  url: string
  canonical_url: string
  platform: string
  identifiers: Record<string, string>
  content_type: string
  sha256: string | null
  md5: string | null
  pdq: string | null
  /** Packed vPDQ features in hex (decoded to bytea in the insert); vpdq_trimmed the frames without their borders. */
  vpdq: string | null
  vpdq_trimmed: string | null
  captured_at: string | null
  evidence_ref: string | null
  duplicate_of: unknown
  reupload: unknown
}

export interface NoticeRecord {
  id: string
  report_id: string
  reference_number: string
  platform: string
  status: string
  urgency: string
  category: string
  issued_at: string
  deadline: string
  content: unknown
  signature: string
  signing_key_id: string
  reupload_of: string[]
}

export interface NoticeItemRecord {
  id: string
  notice_id: string
  position: number
  url: string
  canonical_url: string
  identifiers: Record<string, string>
  content_type: string
}

export interface SerialRequest {
  year: number
  platform: string
  count: number
}

export function serialKey (year: number, platform: string): string {
  return `${year}/${platform}`
}

export interface UrlClaim {
  canonical_url: string
  /** The notice that will cover the URL if the claim succeeds; inserted later in the same transaction. */
  notice_id: string
  notice_item_id: string
}

/**
 * Claims each URL for the notice named with it, in one order for every transaction (byte order of the URL), so
 * that two transactions claiming overlapping URLs wait for each other instead of deadlocking. A URL already under
 * an open notice keeps that notice, and its row stays locked until this transaction ends, so the notice cannot
 * leave the open statuses meanwhile; a claim taken by a transaction still running is waited for. Answers the
 * covering notice of each URL that was already claimed.
 */
export async function claimNoticeUrls (
  client: pg.ClientBase, claims: readonly UrlClaim[]
): Promise<Map<string, { id: string, referenceNumber: string }>> {
  const { rows } = await client.query<{ canonical_url: string, notice_id: string }>({
    name: 'intake-claim-urls',
    text: `
    insert into open_notice_urls as o (canonical_url, notice_id, notice_item_id)
    select c.canonical_url, c.notice_id, c.notice_item_id
    from jsonb_to_recordset($1::jsonb) as c(canonical_url text, notice_id uuid, notice_item_id uuid)
    order by c.canonical_url collate "C"
    on conflict (canonical_url) do update set canonical_url = excluded.canonical_url
    returning canonical_url, notice_id`,
    values: [JSON.stringify(claims)]
  })
  const intended = new Map(claims.map((c) => [c.canonical_url, c.notice_id]))
  const covered = rows.filter((row) => row.notice_id !== intended.get(row.canonical_url))
  if (covered.length === 0) return new Map()
  // A new statement, so a new snapshot: it sees the covering notice even if its transaction committed while
  // this one waited for the claim.
  const { rows: notices } = await client.query<{ id: string, reference_number: string }>({
    name: 'intake-covering-notices',
    text: 'select id, reference_number from notices where id = any($1::uuid[])',
    values: [covered.map((row) => row.notice_id)]
  })
  const referenceOf = new Map(notices.map((n) => [n.id, n.reference_number]))
  return new Map(covered.map((row) => [
    row.canonical_url, { id: row.notice_id, referenceNumber: referenceOf.get(row.notice_id)! }
  ]))
}

/**
 * One statement: the reports and their items, then `count` consecutive reference serials per (year, platform),
 * returning the first of each range. The counter rows stay locked until the transaction ends, which is what makes
 * serials gap-free: a rollback gives them back. They are locked last in the statement, in (year, platform) order,
 * after the transaction's URL claims: every transaction taking both takes them in this one order.
 */
export async function insertReportsAndReserveSerials (
  client: pg.ClientBase, reports: ReportRecord[], items: ReportItemRecord[], serials: readonly SerialRequest[]
): Promise<{ createdAt: Map<string, Date>, firstSerial: Map<string, number> }> {
  // One lock order for every transaction, so concurrent transactions cannot deadlock on the counter rows
  // (a set-returning function yields the array's elements in order).
  const sorted = [...serials].sort((a, b) => a.year - b.year || (a.platform < b.platform ? -1 : 1))
  const { rows } = await client.query<{ kind: 'report' | 'serial', key: string, value: string }>({
    name: 'intake-reports-and-serials',
    text: `
    with report as (
      insert into reports (id, client_id, external_ref, category, legal_basis, statement_of_reasons, urgency,
        territorial_scope)
      select r.id, r.client_id, r.external_ref, r.category, r.legal_basis, r.statement_of_reasons, r.urgency,
             array(select jsonb_array_elements_text(r.territorial_scope))
      from jsonb_to_recordset($1::jsonb) as r(id uuid, client_id uuid, external_ref text, category text,
        legal_basis text, statement_of_reasons text, urgency text, territorial_scope jsonb)
      returning id, created_at
    ), items as (
      insert into report_items (id, report_id, position, url, canonical_url, platform, identifiers, content_type,
        sha256, md5, pdq, vpdq, vpdq_trimmed, captured_at, evidence_ref, duplicate_of, reupload)
      select x.id, x.report_id, x.position, x.url, x.canonical_url, x.platform, x.identifiers, x.content_type,
        x.sha256, x.md5, x.pdq, decode(x.vpdq, 'hex'), decode(x.vpdq_trimmed, 'hex'), x.captured_at, x.evidence_ref,
             x.duplicate_of, x.reupload
      from jsonb_to_recordset($2::jsonb) as x(id uuid, report_id uuid, position int, url text, canonical_url text,
        platform text,
        identifiers jsonb, content_type text, sha256 text, md5 text, pdq text, vpdq text, vpdq_trimmed text,
          captured_at timestamptz, evidence_ref text, duplicate_of jsonb, reupload jsonb)
      returning id
    ), counters as (
      insert into reference_counters as c (year, platform, last)
      select s.year, s.platform, s.count from jsonb_to_recordset($3::jsonb) as s(year int, platform text, count int)
      where (select count(*) from items) >= 0
      on conflict (year, platform) do update set last = c.last + excluded.last
      returning year, platform, last
    )
    select 'report' as kind, id::text as key, to_json(created_at)#>>'{}' as value from report
    union all
    select 'serial', year || '/' || platform, last::text from counters`,
    values: [JSON.stringify(reports), JSON.stringify(items), JSON.stringify(sorted)]
  })
  const counts = new Map(sorted.map((r) => [serialKey(r.year, r.platform), r.count]))
  const createdAt = new Map<string, Date>()
  const firstSerial = new Map<string, number>()
  for (const row of rows) {
    if (row.kind === 'report') createdAt.set(row.key, new Date(row.value))
    else firstSerial.set(row.key, Number(row.value) - counts.get(row.key)! + 1)
  }
  return { createdAt, firstSerial }
}

export interface CreatedEventRecord {
  notice_id: string
  platform: string
  actor_id: string
  at: string
}

export interface AuditRecord {
  actor_id: string | null
  actor_role: string
  action: string
  target_type: string
  target_id: string
  change: unknown
  digest: string
}

/** One statement for the notices, their items, their 'created' events and the audit entries. */
export async function insertNotices (
  client: pg.ClientBase, notices: NoticeRecord[], noticeItems: NoticeItemRecord[], events: CreatedEventRecord[],
  audit: AuditRecord[]
): Promise<void> {
  await client.query({
    name: 'intake-notices',
    text: `
    with notices_in as (
      insert into notices (id, reference_number, report_id, platform, status, urgency, category, issued_at, deadline,
        content, signature, signing_key_id, reupload_of)
      select n.id, n.reference_number, n.report_id, n.platform, n.status, n.urgency, n.category, n.issued_at,
        n.deadline, n.content, n.signature, n.signing_key_id,
             array(select jsonb_array_elements_text(n.reupload_of))
      from jsonb_to_recordset($1::jsonb) as n(id uuid, report_id uuid, reference_number text, platform text,
        status text, urgency text,
        category text, issued_at timestamptz, deadline timestamptz, content jsonb, signature text,
          signing_key_id text, reupload_of jsonb)
      returning id
    ), items_in as (
      insert into notice_items (id, notice_id, position, url, canonical_url, identifiers, content_type)
      select i.id, i.notice_id, i.position, i.url, i.canonical_url, i.identifiers, i.content_type
      from jsonb_to_recordset($2::jsonb) as i(id uuid, notice_id uuid, position int, url text, canonical_url text,
        identifiers jsonb, content_type text)
      returning id
    ), events_in as (
      insert into notice_events (notice_id, platform, type, to_status, version, actor_id, actor_role, at)
      select e.notice_id, e.platform, 'notice.created', 'issued', 1, e.actor_id, 'authority', e.at
      from jsonb_to_recordset($3::jsonb) as e(notice_id uuid, platform text, actor_id uuid, at timestamptz)
      returning id
    ), audit_in as (
      insert into audit_entries (actor_id, actor_role, action, target_type, target_id, change, digest)
      select a.actor_id, a.actor_role, a.action, a.target_type, a.target_id, a.change, a.digest
      from jsonb_to_recordset($4::jsonb) as a(actor_id uuid, actor_role text, action text, target_type text,
        target_id text, change jsonb, digest text)
      returning id
    )
    select (select count(*) from notices_in) as notices, (select count(*) from items_in) as items,
           (select count(*) from events_in) as events, (select count(*) from audit_in) as audit`,
    values: [JSON.stringify(notices), JSON.stringify(noticeItems), JSON.stringify(events), JSON.stringify(audit)]
  })
}
