// Writes a submitted report with its items, notices and notice items in as few round trips as possible.
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'

export interface ReportRecord {
  id: string
  clientId: string
  externalRef: string
  category: string
  legalBasis: string
  statementOfReasons: string
  urgency: string
  territorialScope: string[]
}

export interface ReportItemRecord {
  id: string
  position: number
  url: string
  canonical_url: string
  platform: string
  identifiers: Record<string, string>
  content_type: string
  sha256: string | null
  md5: string | null
  pdq: string | null
  captured_at: string | null
  evidence_ref: string | null
}

export interface NoticeRecord {
  id: string
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

/**
 * Takes the next serial of each platform for the year. The counter rows stay locked until the transaction ends,
 * which is what makes the serials gap-free: a rolled-back report gives its numbers back.
 */
export async function allocateSerials (tx: Executor, year: number, platforms: readonly string[]): Promise<Map<string, number>> {
  const sorted = [...platforms].sort() // one lock order for everyone, so concurrent reports cannot deadlock
  const rows = await tx.execute<{ platform: string, last: number }>(sql`
    insert into reference_counters as c (year, platform, last)
    select ${year}::int, p, 1 from unnest(string_to_array(${sorted.join(',')}, ',')) with ordinality as t(p, n) order by n
    on conflict (year, platform) do update set last = c.last + 1
    returning platform, last
  `)
  return new Map(rows.rows.map((r) => [r.platform, Number(r.last)]))
}

/**
 * One statement: the report, its items, its notices and their items. Foreign keys between the parts hold because
 * PostgreSQL checks them at the end of the statement, when every part is in.
 */
export async function insertReportGraph (tx: Executor, report: ReportRecord, items: ReportItemRecord[], notices: NoticeRecord[], noticeItems: NoticeItemRecord[]): Promise<Date> {
  const result = await tx.execute<{ created_at: Date }>(sql`
    with report as (
      insert into reports (id, client_id, external_ref, category, legal_basis, statement_of_reasons, urgency, territorial_scope)
      values (${report.id}, ${report.clientId}, ${report.externalRef}, ${report.category}, ${report.legalBasis},
              ${report.statementOfReasons}, ${report.urgency}, string_to_array(${report.territorialScope.join(',')}, ','))
      returning created_at
    ), items as (
      insert into report_items (id, report_id, position, url, canonical_url, platform, identifiers, content_type, sha256, md5, pdq, captured_at, evidence_ref)
      select x.id, ${report.id}, x.position, x.url, x.canonical_url, x.platform, x.identifiers, x.content_type, x.sha256, x.md5, x.pdq, x.captured_at, x.evidence_ref
      from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x(id uuid, position int, url text, canonical_url text, platform text,
        identifiers jsonb, content_type text, sha256 text, md5 text, pdq text, captured_at timestamptz, evidence_ref text)
      returning id
    ), notices_in as (
      insert into notices (id, reference_number, report_id, platform, status, urgency, category, issued_at, deadline, content, signature, signing_key_id, reupload_of)
      select n.id, n.reference_number, ${report.id}, n.platform, n.status, n.urgency, n.category, n.issued_at, n.deadline, n.content, n.signature, n.signing_key_id,
             array(select jsonb_array_elements_text(n.reupload_of))
      from jsonb_to_recordset(${JSON.stringify(notices)}::jsonb) as n(id uuid, reference_number text, platform text, status text, urgency text,
        category text, issued_at timestamptz, deadline timestamptz, content jsonb, signature text, signing_key_id text, reupload_of jsonb)
      returning id
    ), notice_items_in as (
      insert into notice_items (id, notice_id, position, url, canonical_url, identifiers, content_type)
      select i.id, i.notice_id, i.position, i.url, i.canonical_url, i.identifiers, i.content_type
      from jsonb_to_recordset(${JSON.stringify(noticeItems)}::jsonb) as i(id uuid, notice_id uuid, position int, url text, canonical_url text,
        identifiers jsonb, content_type text)
      returning id
    )
    select created_at, (select count(*) from items) as items, (select count(*) from notice_items_in) as notice_items from report
  `)
  return new Date(result.rows[0].created_at)
}
