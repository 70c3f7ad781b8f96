// Issues notices for prepared reports in batches: one transaction numbers, signs and stores every waiting report.
import crypto from 'node:crypto'
import { buildNoticeContent, formatReferenceNumber, groupByPlatform, referenceYear, type NoticeContent, type NoticeIssuer } from '../domain/notice-content.ts'
import { platformCatalogue, type PlatformRow } from '../repositories/platforms.ts'
import {
  insertNotices, insertReportsAndReserveSerials, claimNoticeUrls, reserveSerialRanges, serialKey,
  type AuditRecord, type CreatedEventRecord, type NoticeItemRecord, type NoticeRecord, type ReportItemRecord, type ReportRecord, type SerialRequest
} from '../repositories/intake.ts'
import type { Database } from '../db/index.ts'
import type pg from 'pg'
import type { NoticeSigner } from '../signing/notice-signer.ts'
import type { ReportView } from '../schemas/reports.ts'
import type { PlatformSlug } from '../domain/platforms.ts'
import type { PreparedReport } from './submit-report.ts'
import { toReportItemView } from './report-views.ts'
import { auditRecord } from '../repositories/audit.ts'
import { noticeItemOf } from '../domain/report-intake.ts'
import { checkItems, OPEN_STATUSES, type ItemVerdict } from './reupload-check.ts'
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

interface Waiting {
  report: PreparedReport
  resolve: (view: ReportView) => void
  reject: (error: unknown) => void
}

const MAX_BATCH = 200
/** Batches in flight at once: while one holds the counter lock, the next already writes its reports. */
const MAX_CONCURRENT_BATCHES = 3
/** Tries of a batch under the lock that another process's batch deadlocked with. */
const MAX_LOCKED_ATTEMPTS = 3
/**
 * A batch waits for the reservation of the batch predicted before it while its own notices, with their reference
 * numbers, sit uncommitted in the unique index. PostgreSQL cannot see a wait in this process, so it cannot break a
 * cycle through it: the batch before waiting for the counter lock of another process's batch, which waits for
 * this batch's numbers. The wait is bounded instead, and a batch that gives up goes again under the lock.
 */
const PREVIOUS_RESERVATION_WAIT_MS = 1_000
/** Plans of a batch: each new one follows a commit that put one of its URLs under notice first. */
const MAX_PLANS = 5

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

/**
 * Gap-free reference numbers need the counter rows locked until commit, which would serialise every report. So
 * reports that arrive while transactions are open wait and go together in the next one, and each process
 * predicts the serials its next batch will get: it prints and signs them before the transaction and takes the
 * lock only at the end, just before the commit. A response is sent only after its batch has committed.
 */
export class IssuingQueue {
  private waiting: Waiting[] = []
  private inFlight = 0
  /** Per (year, platform): the serial this process will print next if every batch in flight commits. */
  private readonly nextSerial = new Map<string, number>()
  /** Resolves when the last batch numbered on a prediction has reserved its serials (true) or failed (false). */
  private lastReservation = Promise.resolve(true)
  /** Settles when the batch now numbering under the lock has finished. */
  private lockedBatch: Promise<void> | null = null

  constructor (private readonly ctx: IssuingContext) {}

  submit (report: PreparedReport): Promise<ReportView> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ report, resolve, reject })
      this.pump()
    })
  }

  private pump (): void {
    while (this.waiting.length > 0 && this.inFlight < MAX_CONCURRENT_BATCHES) {
      const batch = this.takeBatch()
      this.inFlight++
      void this.run(batch).finally(() => {
        this.inFlight--
        this.pump()
      })
    }
  }

  /**
   * The next batch, in arrival order, with each URL in one report at most: a later report of a URL waits for a
   * batch of its own, which then finds the earlier one's notice and records the report as a duplicate of it.
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
      const views = await this.issue(batch.map((w) => w.report))
      batch.forEach((w, i) => w.resolve(views[i]))
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error)
      // One report's failure must not fail the others: each is retried in a transaction of its own.
      else for (const w of batch) await this.retryAlone(w)
    }
  }

  private async retryAlone (waiting: Waiting): Promise<void> {
    try {
      const [view] = await this.issue([waiting.report])
      waiting.resolve(view)
    } catch (error) {
      waiting.reject(error)
    }
  }

  /** Plans and issues; a batch whose URL another batch put under notice meanwhile is planned again. */
  private async issue (reports: PreparedReport[]): Promise<ReportView[]> {
    for (let plans = 1; ; plans++) {
      try {
        return await this.issuePlanned(await this.plan(reports))
      } catch (error) {
        if (!(error instanceof NewlyCovered) || plans >= MAX_PLANS) throw error
      }
    }
  }

  private async issuePlanned (batch: Batch): Promise<ReportView[]> {
    // A batch under the lock learns the serials that come after it: wait for it rather than queue behind it.
    while (this.lockedBatch !== null) await this.lockedBatch
    const prediction = this.predictSerials(batch.counts)
    if (prediction !== null) {
      try {
        return await this.issueOnPrediction(batch, prediction)
      } catch (error) {
        this.forgetPredictions()
        if (!lostSerialRace(error)) throw error
      }
    }
    const locked = this.issueUnderLockRetrying(batch)
    const settled = locked.then(() => {
      // The serials after this batch's are known again: batches predicted from now on start a new chain.
      this.lastReservation = Promise.resolve(true)
    }, () => {})
    this.lockedBatch = settled
    try {
      return await locked
    } finally {
      if (this.lockedBatch === settled) this.lockedBatch = null
    }
  }

  /**
   * Under the lock the serials are this batch's own, but a batch of another process that printed the same ones
   * on a stale prediction can still hold them in the unique index while it waits for the lock: PostgreSQL breaks
   * that deadlock by aborting one of the two, and an aborted batch here goes again.
   */
  private async issueUnderLockRetrying (batch: Batch): Promise<ReportView[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.issueUnderLock(batch)
      } catch (error) {
        if (attempt >= MAX_LOCKED_ATTEMPTS || !lostSerialRace(error)) throw error
      }
    }
  }

  /** Everything decided before a transaction: the catalogue, each item's verdict and the notices to number. */
  private async plan (reports: PreparedReport[]): Promise<Batch> {
    const catalogue = await platformCatalogue(this.ctx.db)
    // One look-up for the whole batch: is each item known material, or already under an open notice?
    const checked = await checkItems(this.ctx.db, this.ctx.bank, reports.flatMap((r) => r.items), AUTHORITY_VIEW)
    let next = 0
    const verdicts = new Map(reports.flatMap((r) => r.items.map((item) => [item.id, checked[next++]] as const)))
    const verdictOf = (item: { id: string }): ItemVerdict => verdicts.get(item.id)!
    // A duplicate of an open notice's item is recorded with the report but issued to nobody again.
    const groups = reports.map((report) => ({ report, year: referenceYear(report.receivedAt), byPlatform: groupByPlatform(report.items.filter((i) => verdictOf(i).duplicateOf === null)) }))
    const counts = new Map<string, SerialRequest>()
    for (const { year, byPlatform } of groups) {
      for (const platform of byPlatform.keys()) {
        const key = serialKey(year, platform)
        const entry = counts.get(key) ?? { year, platform, count: 0 }
        entry.count++
        counts.set(key, entry)
      }
    }
    const issuedUrls = groups.flatMap(({ byPlatform }) => [...byPlatform.values()].flat().map((item) => item.canonicalUrl))
    return { reports, catalogue, verdictOf, groups, counts: [...counts.values()], issuedUrls }
  }

  /**
   * The usual path: the serials this process expects to be next are printed and signed before any transaction,
   * and the counter rows are locked only by the batch's last statement, until the commit right behind it. If
   * another process took those serials meanwhile, the reservation fails and the batch goes again under the lock.
   */
  private async issueOnPrediction (batch: Batch, { starts, previous, reserved }: Prediction): Promise<ReportView[]> {
    const written = await this.composeNotices(batch, starts)
    const ranges = batch.counts.map((c) => ({ ...c, first: starts.get(serialKey(c.year, c.platform))! }))
    try {
      const createdAt = await this.inTransaction(async (client) => {
        await claimUrls(client, batch)
        const { createdAt } = await insertReportsAndReserveSerials(client, batch.reports.map(toReportRecord), itemRecords(batch), [])
        await insertNotices(client, written.notices, written.noticeItems, written.events, written.audit)
        // Counters move in the order the serials were predicted: after the batch before this one took its own.
        if (!await settledWithin(previous, PREVIOUS_RESERVATION_WAIT_MS)) throw new LostSerialRace()
        await reserveSerialRanges(client, ranges)
        reserved(true)
        return createdAt
      })
      return this.views(batch, createdAt, written.notices)
    } catch (error) {
      reserved(false)
      throw error
    }
  }

  /**
   * The first batch of a process, and any batch after a lost race: the serials are reserved first, and the
   * counter rows stay locked while the notices are signed and written, until the commit.
   */
  private async issueUnderLock (batch: Batch): Promise<ReportView[]> {
    try {
      const { createdAt, written } = await this.inTransaction(async (client) => {
        await claimUrls(client, batch)
        const { createdAt, firstSerial } = await insertReportsAndReserveSerials(client, batch.reports.map(toReportRecord), itemRecords(batch), batch.counts)
        for (const c of batch.counts) {
          const key = serialKey(c.year, c.platform)
          this.nextSerial.set(key, Math.max(this.nextSerial.get(key) ?? 0, firstSerial.get(key)! + c.count))
        }
        const written = await this.composeNotices(batch, firstSerial)
        await insertNotices(client, written.notices, written.noticeItems, written.events, written.audit)
        return { createdAt, written }
      })
      return this.views(batch, createdAt, written.notices)
    } catch (error) {
      this.forgetPredictions()
      throw error
    }
  }

  /** Runs statements in one transaction on a connection of their own; after the commit, tells the change feed. */
  private async inTransaction<T> (work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.ctx.pool.connect()
    try {
      await client.query('begin')
      const result = await work(client)
      await client.query('commit')
      this.ctx.afterCommit?.()
      return result
    } catch (error) {
      await client.query('rollback').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /**
   * The serials to print on this batch's notices if every batch before it commits, or null when this process
   * does not know them (its first batch, or after a lost race).
   */
  private predictSerials (counts: SerialRequest[]): Prediction | null {
    const keys = counts.map((c) => serialKey(c.year, c.platform))
    if (!keys.every((key) => this.nextSerial.has(key))) return null
    const starts = new Map(keys.map((key) => [key, this.nextSerial.get(key)!]))
    counts.forEach((c, i) => this.nextSerial.set(keys[i], starts.get(keys[i])! + c.count))
    const previous = this.lastReservation
    let reserved!: (ok: boolean) => void
    this.lastReservation = new Promise((resolve) => { reserved = resolve })
    return { starts, previous, reserved }
  }

  private forgetPredictions (): void {
    this.nextSerial.clear()
  }

  /** Numbers, composes and signs the batch's notices from the first serial of each (year, platform). */
  private async composeNotices (batch: Batch, firstSerial: Map<string, number>): Promise<WrittenNotices> {
    const { signer } = this.ctx
    const { catalogue, verdictOf, groups, reports } = batch
    const next = new Map(firstSerial)
    const notices: NoticeRecord[] = []
    const noticeItems: NoticeItemRecord[] = []
    for (const { report, year, byPlatform } of groups) {
      for (const [platform, items] of byPlatform) {
        const key = serialKey(year, platform)
        const serial = next.get(key)!
        next.set(key, serial + 1)
        const content = buildNoticeContent({
          noticeId: crypto.randomUUID(),
          referenceNumber: formatReferenceNumber(this.ctx.referenceCountry, year, platform, serial),
          reportId: report.id,
          issuer: this.ctx.issuer,
          platform: addresseeOf(catalogue.get(platform)!),
          issuedAt: report.receivedAt,
          // Known material coming back is urgent whatever the report said.
          urgency: items.some((item) => verdictOf(item).reupload !== null) ? 'urgent' : report.input.urgency,
          category: report.input.category,
          legalBasis: report.legalBasis,
          statementOfReasons: report.input.statementOfReasons,
          territorialScope: report.territorialScope,
          items: items.map((item) => noticeItemOf(item, verdictOf(item).reuploadOf)),
          redressDays: this.ctx.redressDays,
          preservationMonths: this.ctx.preservationMonths
        })
        notices.push({
          id: content.noticeId,
          report_id: report.id,
          reference_number: content.referenceNumber,
          platform,
          status: 'issued',
          urgency: content.urgency,
          category: content.category,
          issued_at: content.issuedAt,
          deadline: content.deadline,
          content,
          signature: await signer.sign(content),
          signing_key_id: signer.kid,
          reupload_of: content.reuploadOf
        })
        for (const item of content.items) {
          noticeItems.push({ id: item.id, notice_id: content.noticeId, position: item.position, url: item.url, canonical_url: item.canonicalUrl, identifiers: item.identifiers, content_type: item.contentType })
        }
      }
    }
    const reportsById = new Map(reports.map((r) => [r.id, r]))
    const noticesOf = noticesByReport(reports, notices)
    const events = notices.map((n) => ({ notice_id: n.id, platform: n.platform, actor_id: reportsById.get(n.report_id)!.clientId, at: n.issued_at }))
    const audit = reports.map((report) => {
      const { actorId, actorRole, targetType, targetId, change, digest, action } = auditRecord({ id: report.clientId, role: 'authority' }, {
        action: 'report.submitted',
        targetType: 'report',
        targetId: report.id,
        change: {
          externalRef: report.input.externalRef,
          items: report.items.map((i) => i.canonicalUrl),
          notices: noticesOf.get(report.id)!.map((n) => ({ id: n.id, referenceNumber: n.reference_number, signature: n.signature }))
        }
      })
      return { actor_id: actorId, actor_role: actorRole, action, target_type: targetType, target_id: targetId, change, digest }
    })
    return { notices, noticeItems, events, audit }
  }

  private views (batch: Batch, createdAt: Map<string, Date>, notices: NoticeRecord[]): ReportView[] {
    const noticesOf = noticesByReport(batch.reports, notices)
    return batch.reports.map((report) => toView(report, createdAt.get(report.id)!, noticesOf.get(report.id)!, batch.verdictOf))
  }
}

interface Batch {
  reports: PreparedReport[]
  catalogue: Map<string, PlatformRow>
  verdictOf: (item: { id: string }) => ItemVerdict
  groups: Array<{ report: PreparedReport, year: number, byPlatform: Map<PlatformSlug, PreparedReport['items']> }>
  counts: SerialRequest[]
  /** The canonical URLs the batch issues notices for. */
  issuedUrls: string[]
}

interface Prediction {
  starts: Map<string, number>
  /** The reservation of the batch predicted just before this one. */
  previous: Promise<boolean>
  reserved: (ok: boolean) => void
}

/** The batch predicted before this one failed, so this one's serials are not the next ones any more. */
class LostSerialRace extends Error {}

/** Another batch committed a notice for one of this batch's URLs after this one was planned. */
class NewlyCovered extends Error {}

/** Holds the batch's URLs until the commit, and fails if one came under an open notice since the plan. */
async function claimUrls (client: pg.ClientBase, batch: Batch): Promise<void> {
  if (await claimNoticeUrls(client, batch.issuedUrls, OPEN_STATUSES)) throw new NewlyCovered()
}

/** The reservation's outcome, or false if it has not come within `ms`. */
async function settledWithin (reservation: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), ms) })
  try {
    return await Promise.race([reservation, timeout])
  } finally {
    clearTimeout(timer)
  }
}

interface WrittenNotices {
  notices: NoticeRecord[]
  noticeItems: NoticeItemRecord[]
  events: CreatedEventRecord[]
  audit: AuditRecord[]
}

/**
 * Another transaction took the serials this one printed: the reservation refused them (40001), an insert met
 * them already committed (a unique violation on the reference number), or the two waited on each other (40P01).
 */
function lostSerialRace (error: unknown): boolean {
  if (error instanceof LostSerialRace) return true
  const { code, constraint } = error as { code?: string, constraint?: string }
  return code === '40001' || code === '40P01' || (code === '23505' && constraint === 'notices_reference_idx')
}

function noticesByReport (reports: PreparedReport[], notices: NoticeRecord[]): Map<string, NoticeRecord[]> {
  const noticesOf = new Map<string, NoticeRecord[]>(reports.map((r) => [r.id, []]))
  for (const n of notices) noticesOf.get(n.report_id)!.push(n)
  return noticesOf
}

function itemRecords (batch: Batch): ReportItemRecord[] {
  return batch.reports.flatMap((r) => r.items.map((item) => toItemRecord(r.id, item, batch.verdictOf(item))))
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

function toItemRecord (reportId: string, item: PreparedReport['items'][number], verdict: ItemVerdict): ReportItemRecord {
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
    captured_at: item.capturedAt ? item.capturedAt.toISOString() : null,
    evidence_ref: item.evidenceRef,
    duplicate_of: verdict.duplicateOf,
    reupload: verdict.reupload
  }
}

function toView (report: PreparedReport, createdAt: Date, notices: NoticeRecord[], verdictOf: (item: { id: string }) => ItemVerdict): ReportView {
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
      ...item, sha256: item.hashes.sha256, md5: item.hashes.md5, pdq: item.hashes.pdq, duplicateOf: verdictOf(item).duplicateOf, reupload: verdictOf(item).reupload
    })),
    notices: notices.map((n) => ({ id: n.id, platform: n.platform, referenceNumber: n.reference_number }))
  }
}
