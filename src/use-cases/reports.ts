// Reading reports: authorities and auditors see every report, whoever submitted it, with the notices issued from it.
import type { Database } from '../db/index.ts'
import { findReport, listReports } from '../repositories/reports.ts'
import { noticeRefsOfReports } from '../repositories/notices.ts'
import type { ReportSummaryView, ReportView } from '../schemas/reports.ts'
import { notFound } from '../lib/errors.ts'
import { decodeCursor, page } from '../lib/pagination.ts'
import { toReportSummaryView, toReportView } from './report-views.ts'

export interface ReportQuery {
  externalRef?: string
  category?: string
  createdSince?: string
}

/** One page of reports in submission order, each with its item count and notices, not its items. */
export async function listReportSummaries (
  db: Database, { createdSince, ...filters }: ReportQuery, limit: number, cursor: string | undefined
): Promise<{ data: ReportSummaryView[], nextCursor: string | null }> {
  const rows = await listReports(
    db, { ...filters, createdSince: createdSince ? new Date(createdSince) : undefined }, limit + 1, decodeCursor(cursor)
  )
  const { data, nextCursor } = page(rows, limit)
  const notices = await noticeRefsOfReports(db, data.map((r) => r.id))
  return { data: data.map((r) => toReportSummaryView(r, notices.get(r.id) ?? [])), nextCursor }
}

/** One report with its items, in the order submitted, and the notices issued from it. */
export async function getReport (db: Database, id: string): Promise<ReportView> {
  const found = await findReport(db, id)
  if (!found) throw notFound(`report ${id}`)
  const notices = await noticeRefsOfReports(db, [found.report.id])
  return toReportView(found.report, found.items, notices.get(found.report.id) ?? [])
}
