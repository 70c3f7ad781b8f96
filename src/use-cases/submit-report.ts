// Submitting a violation report: recognise every item, then store the report and its items in one transaction.
import type { Database } from '../db/index.ts'
import { recogniseItems } from '../domain/report-intake.ts'
import { findLegalBasis } from '../repositories/legal-bases.ts'
import { insertReport, insertReportItems, type ReportItemRow, type ReportRow } from '../repositories/reports.ts'
import { HttpProblem } from '../plugins/problems.ts'
import type { Principal } from '../repositories/clients.ts'
import type { ReportItemView, ReportView, SubmitReportInput } from '../routes/reports/schemas.ts'
import type { Category, ContentType, Urgency } from '../domain/vocabulary.ts'

export const DEFAULT_TERRITORIAL_SCOPE = ['KZ']

export function toReportItemView (row: ReportItemRow): ReportItemView {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonicalUrl,
    platform: row.platform,
    identifiers: row.identifiers as Record<string, string>,
    contentType: row.contentType as ContentType,
    hashes: { sha256: row.sha256, md5: row.md5, pdq: row.pdq },
    capturedAt: row.capturedAt ? row.capturedAt.toISOString() : null,
    evidenceRef: row.evidenceRef,
    reupload: null,
    duplicateOf: null
  }
}

export function toReportFields (row: ReportRow) {
  return {
    id: row.id,
    externalRef: row.externalRef,
    category: row.category as Category,
    legalBasis: row.legalBasis,
    statementOfReasons: row.statementOfReasons,
    urgency: row.urgency as Urgency,
    territorialScope: row.territorialScope,
    createdAt: row.createdAt.toISOString(),
    notices: []
  }
}

export function toReportView (report: ReportRow, items: ReportItemRow[]): ReportView {
  return { ...toReportFields(report), items: items.map(toReportItemView) }
}

export async function submitReport (db: Database, principal: Principal, input: SubmitReportInput, now = new Date()): Promise<ReportView> {
  const { items, problems } = recogniseItems(input.items, now)
  const legalBasis = await findLegalBasis(db, input.legalBasis)
  if (!legalBasis) problems.unshift({ pointer: '/legalBasis', detail: `is not in the legal-basis catalogue: ${input.legalBasis}` })
  if (problems.length > 0) {
    throw new HttpProblem(422, 'Report not accepted', `${problems.length} problem(s) in the report; nothing was stored`, { errors: problems })
  }
  return db.transaction(async (tx) => {
    const report = await insertReport(tx, {
      clientId: principal.id,
      externalRef: input.externalRef,
      category: input.category,
      legalBasis: input.legalBasis,
      statementOfReasons: input.statementOfReasons,
      urgency: input.urgency,
      territorialScope: input.territorialScope ?? DEFAULT_TERRITORIAL_SCOPE
    })
    const rows = await insertReportItems(tx, items.map((item) => ({
      reportId: report.id,
      position: item.position,
      url: item.url,
      canonicalUrl: item.canonicalUrl,
      platform: item.platform,
      identifiers: item.identifiers,
      contentType: item.contentType,
      sha256: item.hashes.sha256,
      md5: item.hashes.md5,
      pdq: item.hashes.pdq,
      capturedAt: item.capturedAt,
      evidenceRef: item.evidenceRef
    })))
    return toReportView(report, rows)
  })
}
