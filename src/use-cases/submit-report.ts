// Submitting a violation report: recognise every item, then hand the report to the issuing queue.
import crypto from 'node:crypto'
import { recogniseItems, type RecognisedItem } from '../domain/notices/report-intake.ts'
import type { NoticeContent } from '../domain/notices/notice-content.ts'
import { citationsOf, findLegalBasisCached } from '../repositories/legal-bases.ts'
import { platformCatalogue } from '../repositories/platforms.ts'
import { unprocessable } from '../lib/errors.ts'
import type { Principal } from '../repositories/clients.ts'
import type { ReportView, SubmitReportInput } from '../schemas/reports.ts'
import type { IssuingQueue } from './issuing-queue.ts'
import type { Database } from '../db/index.ts'
import type { IdempotencyClaim } from '../repositories/idempotency.ts'

export const DEFAULT_TERRITORIAL_SCOPE = ['KZ']

/** A report that passed every check, with its ids chosen, waiting for reference numbers and signatures. */
export interface PreparedReport {
  id: string
  clientId: string
  input: SubmitReportInput
  territorialScope: string[]
  items: Array<RecognisedItem & { id: string }>
  legalBasis: NoticeContent['legalBasis']
  receivedAt: Date
  /** The Idempotency-Key it runs under, if any: issuing stores the answer under it in the same transaction. */
  idempotency?: IdempotencyClaim | null
}

export async function prepareReport (
  db: Database, principal: Principal, input: SubmitReportInput, now = new Date()
): Promise<PreparedReport> {
  const { items, problems } = recogniseItems(input.items, now)
  const legalBasis = await findLegalBasisCached(db, input.legalBasis)
  if (!legalBasis) {
    problems.unshift({ pointer: '/legalBasis', detail: `is not in the legal-basis catalogue: ${input.legalBasis}` })
  }
  const catalogue = await platformCatalogue(db)
  items.forEach((item) => {
    // URL recognition knows every seeded platform; this guards against a platform missing from the catalogue table.
    if (!catalogue.has(item.platform)) {
      problems.push({
        pointer: `/items/${item.position}/url`, detail: `platform ${item.platform} is not in the catalogue`
      })
    }
  })
  if (problems.length > 0) {
    throw unprocessable(
      'report_not_accepted', `${problems.length} problem(s) in the report; nothing was stored`, problems
    )
  }
  return {
    id: crypto.randomUUID(),
    clientId: principal.id,
    input,
    territorialScope: input.territorialScope ?? DEFAULT_TERRITORIAL_SCOPE,
    items: items.map((item) => ({ ...item, id: crypto.randomUUID() })),
    legalBasis: {
      id: legalBasis!.id,
      citation: legalBasis!.citation,
      ...(legalBasis!.citations === null ? {} : { citations: citationsOf(legalBasis!) }),
      title: legalBasis!.title as NoticeContent['legalBasis']['title']
    },
    receivedAt: now
  }
}

export async function submitReport (
  db: Database, queue: IssuingQueue, principal: Principal, input: SubmitReportInput,
  idempotency: IdempotencyClaim | null = null
): Promise<ReportView> {
  return queue.submit({ ...await prepareReport(db, principal, input), idempotency })
}
