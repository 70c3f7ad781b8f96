// Maps stored reports and their items to the API's report shapes.
import type { ReportItemRow, ReportRow } from '../repositories/reports.ts'
import type { ReportItemView, ReportSummaryView, ReportView } from '../schemas/reports.ts'
import type { Category, ContentType, Urgency } from '../domain/vocabulary.ts'
import { sha256Hex } from '../domain/matching/digests.ts'
import { VPDQ_FEATURE_BYTES } from '../domain/matching/vpdq-match.ts'

type ItemFields = Pick<ReportItemRow,
  'id' | 'url' | 'canonicalUrl' | 'platform' | 'identifiers' | 'contentType' | 'sha256' | 'md5' | 'pdq' | 'vpdq' |
  'vpdqTrimmed' | 'capturedAt' | 'evidenceRef' | 'duplicateOf' | 'reupload'>

export function toReportItemView (row: ItemFields): ReportItemView {
  return {
    id: row.id,
    url: row.url,
    canonicalUrl: row.canonicalUrl,
    platform: row.platform,
    identifiers: row.identifiers as Record<string, string>,
    contentType: row.contentType as ContentType,
    hashes: {
      sha256: row.sha256,
      md5: row.md5,
      pdq: row.pdq,
      vpdq: row.vpdq === null
        ? null
        : {
            value: sha256Hex(row.vpdq),
            featureCount: row.vpdq.length / VPDQ_FEATURE_BYTES,
            ...(row.vpdqTrimmed === null ? {} : { trimmedValue: sha256Hex(row.vpdqTrimmed) })
          }
    },
    capturedAt: row.capturedAt ? row.capturedAt.toISOString() : null,
    evidenceRef: row.evidenceRef,
    reupload: row.reupload as ReportItemView['reupload'],
    duplicateOf: row.duplicateOf as ReportItemView['duplicateOf']
  }
}

export interface NoticeRef {
  id: string
  platform: string
  referenceNumber: string
}

export function toReportFields (row: ReportRow, notices: NoticeRef[]) {
  return {
    id: row.id,
    externalRef: row.externalRef,
    category: row.category as Category,
    legalBasis: row.legalBasis,
    statementOfReasons: row.statementOfReasons,
    urgency: row.urgency as Urgency,
    territorialScope: row.territorialScope,
    createdAt: row.createdAt.toISOString(),
    notices
  }
}

export function toReportView (report: ReportRow, items: ReportItemRow[], notices: NoticeRef[]): ReportView {
  return { ...toReportFields(report, notices), items: items.map(toReportItemView) }
}

/** A report in a list: its item count instead of its items. */
export function toReportSummaryView (row: ReportRow & { itemCount: number }, notices: NoticeRef[]): ReportSummaryView {
  return { ...toReportFields(row, notices), itemCount: row.itemCount }
}

/** Where a created report is read back. */
export function reportLocation (id: string): string {
  return `/v1/reports/${id}`
}

/** The 201 answer to a report's submission, as it is stored for the retries of its Idempotency-Key. */
export function reportCreatedAnswer (view: ReportView): {
  status: number, headers: Record<string, string>, body: string
} {
  return {
    status: 201,
    headers: { 'content-type': 'application/json; charset=utf-8', location: reportLocation(view.id) },
    body: JSON.stringify(view)
  }
}
