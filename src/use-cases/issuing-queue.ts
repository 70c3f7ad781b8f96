// Issuing prepared reports: one transaction claims their URLs, stores them, numbers, signs and stores their notices.
import crypto from 'node:crypto'
import {
  buildNoticeContent, citationsFor, formatReferenceNumber, groupByPlatform, referenceYear, type NoticeContent,
  type NoticeIssuer
} from '../domain/notices/notice-content.ts'
import { platformCatalogue, type PlatformRow } from '../repositories/platforms.ts'
import {
  claimNoticeUrls, insertNotices, insertReportsAndReserveSerials, serialKey,
  type AuditRecord, type SerialRequest, type NoticeItemRecord, type NoticeRecord, type ReportItemRecord,
  type ReportRecord
} from '../repositories/intake.ts'
import { auditRecord } from '../repositories/audit.ts'
import type { Database } from '../db/index.ts'
import type pg from 'pg'
import type { NoticeSigner } from '../signing/notice-signer.ts'
import type { ReportView } from '../schemas/reports.ts'
import type { PlatformSlug } from '../domain/platforms.ts'
import type { PreparedReport } from './submit-report.ts'
import { reportCreatedAnswer, toReportItemView } from './report-views.ts'
import { storeAnswerInTransaction } from '../repositories/idempotency.ts'
import { noticeItemOf } from '../domain/notices/report-intake.ts'
import { checkItems, type ItemVerdict } from './reupload-check.ts'
import type { HashBankIndex } from '../hash-bank/index-service.ts'

/** What issuing needs beyond the request: who signs, who issues, and the legal constants printed on notices. */
export interface IssuingContext {
  db: Database
  pool: pg.Pool
  signer: NoticeSigner
  issuer: NoticeIssuer
  referenceCountry: string
  redressDays: number
  preservationMonths: number
  /** Called after each commit, e.g. so the change feed numbers the new events promptly. */
  afterCommit?: () => void
  /** The hash bank's index, for re-upload checks. */
  bank: HashBankIndex
}

/** Reports come from authorities, who see every match's provenance. */
const AUTHORITY_VIEW = { role: 'authority' as const, platform: null }

type Item = PreparedReport['items'][number]

interface Waiting {
  report: PreparedReport
  resolve: (view: ReportView) => void
  reject: (error: unknown) => void
}

const MAX_BATCH = 200
/** Batches in flight at once: while one signs under the counter locks, the next claims its URLs and stores. */
const MAX_IN_FLIGHT = 2

/**
 * Reports that arrive while transactions are open wait here and go together in the next one: a counter row stays
 * locked from the serial's taking to the commit, and one transaction for many reports holds it once for all of
 * them. The waiting happens before any lock is taken; once in a transaction, a report waits only inside
 * PostgreSQL. A response is sent only after its batch has committed.
 */
export class IssuingQueue {
  private waiting: Waiting[] = []
  private inFlight = 0

  constructor (private readonly ctx: IssuingContext) {}

  submit (report: PreparedReport): Promise<ReportView> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ report, resolve, reject })
      this.pump()
    })
  }

  private pump (): void {
    while (this.waiting.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      const batch = this.takeBatch()
      this.inFlight++
      void this.run(batch).finally(() => {
        this.inFlight--
        this.pump()
      })
    }
  }

  /**
   * The next batch, in arrival order, with each URL in one report at most (one statement claims a URL once): a
   * later report of a URL waits for a batch of its own, which then finds the earlier one's claim.
   */
  private takeBatch (): Waiting[] {
    const batch: Waiting[] = []
    const later: Waiting[] = []
    const urls = new Set<string>()
    for (const waiting of this.waiting) {
      const { items } = waiting.report
      if (batch.length < MAX_BATCH && !items.some((item) => urls.has(item.canonicalUrl))) {
        batch.push(waiting)
        for (const item of items) urls.add(item.canonicalUrl)
      } else later.push(waiting)
    }
    this.waiting = later
    return batch
  }

  private async run (batch: Waiting[]): Promise<void> {
    try {
      const views = await issueReports(this.ctx, batch.map((w) => w.report))
      batch.forEach((w, i) => w.resolve(views[i]))
    } catch (error) {
      // The batch rolled back as a whole, numbers included, and none of its reports was acknowledged. Nothing in
      // it can fail for one report alone (its ids are new; clients, legal bases and platforms are never deleted),
      // so a failure is the database's and each caller gets it.
      for (const w of batch) w.reject(error)
    }
  }
}

/**
 * Issues the reports in one transaction whose locks come in one global order, so that no two issuing
 * transactions (of this process or another) can deadlock and every wait happens inside PostgreSQL:
 *
 * 1. the reports' canonical URLs are claimed in sorted order; a URL already claimed is under an open notice, and
 *    the item is stored as its duplicate and issued to nobody again;
 * 2. the reports and their items are stored, and the counter of each (year, platform) they get notices for is
 *    locked in sorted order and moved on: those are the notices' serials, gap-free because a rollback gives them
 *    back and the rows stay locked until the commit;
 * 3. the notices are composed, signed and stored, with their events and each report's audit entry.
 *
 * A report refused before this (422) never reaches the counters, so it uses no number.
 */
async function issueReports (ctx: IssuingContext, reports: PreparedReport[]): Promise<ReportView[]> {
  // Read-only look-ups before the transaction: the catalogue, and whether each item is known material.
  const catalogue = await platformCatalogue(ctx.db)
  const items = reports.flatMap((r) => r.items)
  const checked = await checkItems(ctx.db, ctx.bank, items, AUTHORITY_VIEW)
  // Each notice is named now, so that the URL claims can point to it before it is inserted.
  const noticeIdOf = new Map(reports.flatMap(
    (r) => [...groupByPlatform(r.items).keys()].map((platform) => [`${r.id}/${platform}`, crypto.randomUUID()])
  ))

  const client = await ctx.pool.connect()
  let views: ReportView[]
  try {
    await client.query('begin')
    const covering = await claimNoticeUrls(client, reports.flatMap((r) => r.items.map((item) => ({
      canonical_url: item.canonicalUrl, notice_id: noticeIdOf.get(`${r.id}/${item.platform}`)!, notice_item_id: item.id
    }))))
    const verdicts = new Map(items.map((item, i): [string, ItemVerdict] => [
      item.id, { ...checked[i], duplicateOf: covering.get(item.canonicalUrl) ?? null }
    ]))
    const verdictOf = (item: { id: string }): ItemVerdict => verdicts.get(item.id)!
    const groups = reports.map((report) => ({
      report,
      year: referenceYear(report.receivedAt),
      byPlatform: groupByPlatform(report.items.filter(
        (item) => verdictOf(item).duplicateOf === null
      ))
    }))
    const counts = new Map<string, SerialRequest>()
    for (const { year, byPlatform } of groups) {
      for (const platform of byPlatform.keys()) {
        const key = serialKey(year, platform)
        counts.set(key, { year, platform, count: (counts.get(key)?.count ?? 0) + 1 })
      }
    }
    const { createdAt, firstSerial } = await insertReportsAndReserveSerials(client, reports.map(toReportRecord),
      reports.flatMap((r) => r.items.map((item) => toItemRecord(r.id, item, verdictOf(item)))), [...counts.values()])
    const next = new Map(firstSerial)
    const notices: NoticeRecord[] = []
    const noticeItems: NoticeItemRecord[] = []
    for (const { report, year, byPlatform } of groups) {
      for (const [platform, platformItems] of byPlatform) {
        const key = serialKey(year, platform)
        const serial = next.get(key)!
        next.set(key, serial + 1)
        const notice = await composeNotice(ctx, report, noticeIdOf.get(`${report.id}/${platform}`)!,
          formatReferenceNumber(ctx.referenceCountry, year, platform, serial), catalogue.get(platform)!,
          platformItems, verdictOf)
        notices.push(notice)
        for (const item of (notice.content as NoticeContent).items) {
          noticeItems.push({
            id: item.id,
            notice_id: notice.id,
            position: item.position,
            url: item.url,
            canonical_url: item.canonicalUrl,
            identifiers: item.identifiers,
            content_type: item.contentType
          })
        }
      }
    }
    const clientOf = new Map(reports.map((r) => [r.id, r.clientId]))
    const events = notices.map((n) => ({
      notice_id: n.id, platform: n.platform, actor_id: clientOf.get(n.report_id)!, at: n.issued_at
    }))
    const noticesOf = (report: PreparedReport) => notices.filter((n) => n.report_id === report.id)
    await insertNotices(client, notices, noticeItems, events, reports.map((r) => submittedAudit(r, noticesOf(r))))
    views = reports.map((r) => toView(r, createdAt.get(r.id)!, noticesOf(r), verdictOf))
    // A report that came with an Idempotency-Key has its answer stored in this transaction: after a crash, a retry
    // replays the answer of a committed report and finds the key of an uncommitted one free.
    for (const [i, report] of reports.entries()) {
      if (report.idempotency) await storeAnswerInTransaction(client, report.idempotency, reportCreatedAnswer(views[i]))
    }
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
  ctx.afterCommit?.()
  return views
}

function addresseeOf (row: PlatformRow) {
  return {
    slug: row.slug as PlatformSlug,
    name: row.name,
    legalEntity: row.legalEntity as NoticeContent['addressee']['legalEntity'],
    legalRepresentative: row.legalRepresentative as NoticeContent['addressee']['legalRepresentative'],
    languages: row.languages,
    deadlines: { normalHours: row.deadlineNormalHours, urgentHours: row.deadlineUrgentHours }
  }
}

/** Composes and signs one platform's notice of the report. */
async function composeNotice (
  ctx: IssuingContext, report: PreparedReport, noticeId: string, referenceNumber: string, platform: PlatformRow,
  items: Item[], verdictOf: (item: Item) => ItemVerdict
): Promise<NoticeRecord> {
  const content = buildNoticeContent({
    noticeId,
    referenceNumber,
    reportId: report.id,
    issuer: ctx.issuer,
    platform: addresseeOf(platform),
    issuedAt: report.receivedAt,
    // Known material coming back is urgent whatever the report said.
    urgency: items.some((item) => verdictOf(item).reupload !== null) ? 'urgent' : report.input.urgency,
    category: report.input.category,
    legalBasis: report.legalBasis,
    statementOfReasons: report.input.statementOfReasons,
    territorialScope: report.territorialScope,
    items: items.map((item) => noticeItemOf(
      item, citationsFor(platform.slug as PlatformSlug, verdictOf(item).earlier)
    )),
    redressDays: ctx.redressDays,
    preservationMonths: ctx.preservationMonths
  })
  return {
    id: content.noticeId,
    report_id: report.id,
    reference_number: content.referenceNumber,
    platform: platform.slug,
    status: 'issued',
    urgency: content.urgency,
    category: content.category,
    issued_at: content.issuedAt,
    deadline: content.deadline,
    content,
    signature: await ctx.signer.sign(content),
    signing_key_id: ctx.signer.kid,
    reupload_of: content.reuploadOf
  }
}

function submittedAudit (report: PreparedReport, notices: NoticeRecord[]): AuditRecord {
  const {
    actorId, actorRole, targetType, targetId, change, digest, action
  } = auditRecord({ id: report.clientId, role: 'authority' }, {
    action: 'report.submitted',
    targetType: 'report',
    targetId: report.id,
    change: {
      externalRef: report.input.externalRef,
      items: report.items.map((i) => i.canonicalUrl),
      notices: notices.map((n) => ({ id: n.id, referenceNumber: n.reference_number, signature: n.signature }))
    }
  })
  return {
    actor_id: actorId, actor_role: actorRole, action, target_type: targetType, target_id: targetId, change, digest
  }
}

function toReportRecord (report: PreparedReport): ReportRecord {
  return {
    id: report.id,
    client_id: report.clientId,
    external_ref: report.input.externalRef,
    category: report.input.category,
    legal_basis: report.input.legalBasis,
    statement_of_reasons: report.input.statementOfReasons,
    urgency: report.input.urgency,
    territorial_scope: report.territorialScope
  }
}

function toItemRecord (reportId: string, item: Item, verdict: ItemVerdict): ReportItemRecord {
  return {
    id: item.id,
    report_id: reportId,
    position: item.position,
    url: item.url,
    canonical_url: item.canonicalUrl,
    platform: item.platform,
    identifiers: item.identifiers,
    content_type: item.contentType,
    sha256: item.hashes.sha256,
    md5: item.hashes.md5,
    pdq: item.hashes.pdq,
    vpdq: item.hashes.vpdq === null ? null : Buffer.from(item.hashes.vpdq).toString('hex'),
    vpdq_trimmed: item.hashes.vpdqTrimmed === null ? null : Buffer.from(item.hashes.vpdqTrimmed).toString('hex'),
    captured_at: item.capturedAt ? item.capturedAt.toISOString() : null,
    evidence_ref: item.evidenceRef,
    duplicate_of: verdict.duplicateOf,
    reupload: verdict.reupload
  }
}

function toView (
  report: PreparedReport, createdAt: Date, notices: NoticeRecord[], verdictOf: (item: Item) => ItemVerdict
): ReportView {
  return {
    id: report.id,
    externalRef: report.input.externalRef,
    category: report.input.category,
    legalBasis: report.input.legalBasis,
    statementOfReasons: report.input.statementOfReasons,
    urgency: report.input.urgency,
    territorialScope: report.territorialScope,
    createdAt: createdAt.toISOString(),
    items: report.items.map((item) => toReportItemView({
      ...item,
      sha256: item.hashes.sha256,
      md5: item.hashes.md5,
      pdq: item.hashes.pdq,
      vpdq: item.hashes.vpdq === null ? null : Buffer.from(item.hashes.vpdq),
      vpdqTrimmed: item.hashes.vpdqTrimmed === null ? null : Buffer.from(item.hashes.vpdqTrimmed),
      duplicateOf: verdictOf(item).duplicateOf,
      reupload: verdictOf(item).reupload
    })),
    notices: notices.map((n) => ({ id: n.id, platform: n.platform, referenceNumber: n.reference_number }))
  }
}
