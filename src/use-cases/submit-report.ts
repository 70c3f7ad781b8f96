// Submitting a violation report: recognise every item, then store it and issue one signed notice per platform.
import crypto from 'node:crypto'
import type { Database } from '../db/index.ts'
import { recogniseItems, type RecognisedItem } from '../domain/report-intake.ts'
import { buildNoticeContent, formatReferenceNumber, groupByPlatform, referenceYear, type NoticeContent } from '../domain/notice-content.ts'
import { findLegalBasisCached } from '../repositories/legal-bases.ts'
import { platformCatalogue, type PlatformRow } from '../repositories/platforms.ts'
import { allocateSerials, insertReportGraph, type NoticeItemRecord, type NoticeRecord } from '../repositories/intake.ts'
import { HttpProblem } from '../plugins/problems.ts'
import type { Principal } from '../repositories/clients.ts'
import type { ReportView, SubmitReportInput } from '../routes/reports/schemas.ts'
import type { NoticeSigner } from '../signing/notice-signer.ts'
import type { PlatformSlug } from '../domain/platforms.ts'
import { toReportItemView } from './report-views.ts'

export const DEFAULT_TERRITORIAL_SCOPE = ['KZ']

/** What issuing needs beyond the request: who signs, who issues, and the legal constants printed on notices. */
export interface IssuingContext {
  db: Database
  signer: NoticeSigner
  issuer: { name: string, contactPoint: string }
  referenceCountry: string
  redressDays: number
  preservationMonths: number
}

function platformOf (catalogue: Map<string, PlatformRow>, slug: PlatformSlug) {
  const row = catalogue.get(slug)!
  return {
    slug,
    name: row.name,
    legalEntity: row.legalEntity as NoticeContent['addressee']['legalEntity'],
    legalRepresentative: row.legalRepresentative as NoticeContent['addressee']['legalRepresentative'],
    languages: row.languages,
    deadlines: { normalHours: row.deadlineNormalHours, urgentHours: row.deadlineUrgentHours }
  }
}

export async function submitReport (ctx: IssuingContext, principal: Principal, input: SubmitReportInput, now = new Date()): Promise<ReportView> {
  const { db } = ctx
  const { items, problems } = recogniseItems(input.items, now)
  const legalBasis = await findLegalBasisCached(db, input.legalBasis)
  if (!legalBasis) problems.unshift({ pointer: '/legalBasis', detail: `is not in the legal-basis catalogue: ${input.legalBasis}` })
  if (problems.length > 0) {
    throw new HttpProblem(422, 'Report not accepted', `${problems.length} problem(s) in the report; nothing was stored`, { errors: problems })
  }
  const catalogue = await platformCatalogue(db)
  const reportId = crypto.randomUUID()
  const itemIds = new Map<RecognisedItem, string>(items.map((item) => [item, crypto.randomUUID()]))
  const groups = groupByPlatform(items)
  const territorialScope = input.territorialScope ?? DEFAULT_TERRITORIAL_SCOPE

  return db.transaction(async (tx) => {
    const year = referenceYear(now)
    const serials = await allocateSerials(tx, year, [...groups.keys()])
    const notices: NoticeRecord[] = []
    const noticeItems: NoticeItemRecord[] = []
    for (const [platform, group] of groups) {
      const content = buildNoticeContent({
        noticeId: crypto.randomUUID(),
        referenceNumber: formatReferenceNumber(ctx.referenceCountry, year, platform, serials.get(platform)!),
        reportId,
        issuer: ctx.issuer,
        platform: platformOf(catalogue, platform),
        issuedAt: now,
        urgency: input.urgency,
        category: input.category,
        legalBasis: { id: legalBasis!.id, citation: legalBasis!.citation, title: legalBasis!.title as NoticeContent['legalBasis']['title'] },
        statementOfReasons: input.statementOfReasons,
        territorialScope,
        items: group.map((item) => ({
          id: itemIds.get(item)!,
          position: item.position,
          url: item.url,
          canonicalUrl: item.canonicalUrl,
          contentType: item.contentType,
          identifiers: item.identifiers,
          reuploadOf: []
        })),
        redressDays: ctx.redressDays,
        preservationMonths: ctx.preservationMonths
      })
      notices.push({
        id: content.noticeId,
        reference_number: content.referenceNumber,
        platform,
        status: 'issued',
        urgency: content.urgency,
        category: content.category,
        issued_at: content.issuedAt,
        deadline: content.deadline,
        content,
        signature: await ctx.signer.sign(content),
        signing_key_id: ctx.signer.kid,
        reupload_of: content.reuploadOf
      })
      for (const item of content.items) {
        noticeItems.push({ id: item.id, notice_id: content.noticeId, position: item.position, url: item.url, canonical_url: item.canonicalUrl, identifiers: item.identifiers, content_type: item.contentType })
      }
    }
    const itemRecords = items.map((item) => ({
      id: itemIds.get(item)!,
      position: item.position,
      url: item.url,
      canonical_url: item.canonicalUrl,
      platform: item.platform,
      identifiers: item.identifiers,
      content_type: item.contentType,
      sha256: item.hashes.sha256,
      md5: item.hashes.md5,
      pdq: item.hashes.pdq,
      captured_at: item.capturedAt ? item.capturedAt.toISOString() : null,
      evidence_ref: item.evidenceRef
    }))
    const createdAt = await insertReportGraph(tx, {
      id: reportId,
      clientId: principal.id,
      externalRef: input.externalRef,
      category: input.category,
      legalBasis: input.legalBasis,
      statementOfReasons: input.statementOfReasons,
      urgency: input.urgency,
      territorialScope
    }, itemRecords, notices, noticeItems)
    return {
      id: reportId,
      externalRef: input.externalRef,
      category: input.category,
      legalBasis: input.legalBasis,
      statementOfReasons: input.statementOfReasons,
      urgency: input.urgency,
      territorialScope,
      createdAt: createdAt.toISOString(),
      items: itemRecords.map((r) => toReportItemView({ ...r, canonicalUrl: r.canonical_url, contentType: r.content_type, capturedAt: r.captured_at ? new Date(r.captured_at) : null, evidenceRef: r.evidence_ref })),
      notices: notices.map((n) => ({ id: n.id, platform: n.platform, referenceNumber: n.reference_number }))
    }
  })
}
