// Reads notices and their items, and the public keys that signed them.
import { and, asc, eq, getTableColumns, gt, gte, inArray, sql, type SQL } from 'drizzle-orm'
import { preparedPerExecutor, type Executor } from '../db/index.ts'
import { notices, noticeItems, signingKeys } from '../db/schema.ts'

export type NoticeRow = typeof notices.$inferSelect
export type NoticeItemRow = typeof noticeItems.$inferSelect
export interface NoticeWithItems { notice: NoticeRow, items: NoticeItemRow[] }

async function withItems (db: Executor, rows: NoticeRow[]): Promise<NoticeWithItems[]> {
  if (rows.length === 0) return []
  const items = await db.select().from(noticeItems)
    .where(inArray(noticeItems.noticeId, rows.map((r) => r.id)))
    .orderBy(asc(noticeItems.noticeId), asc(noticeItems.position))
  const byNotice = new Map<string, NoticeItemRow[]>()
  for (const item of items) {
    const list = byNotice.get(item.noticeId)
    if (list) list.push(item)
    else byNotice.set(item.noticeId, [item])
  }
  return rows.map((notice) => ({ notice, items: byNotice.get(notice.id) ?? [] }))
}

/** What a reader may leave out: the item rows (answered as none), the signed content (answered as null). */
export interface NoticeParts { items?: boolean, content?: boolean }

const { content: _content, ...noticeColumnsButContent } = getTableColumns(notices)

/**
 * A liaison's platform scopes every read: another platform's notice is simply not found. A reader that needs less
 * than the whole notice says so: a 1,000-item notice's item rows and signed content cost more to read than the rest
 * of it (a kept letter needs neither; the signed content holds the items as issued).
 */
export async function findNotice (
  db: Executor, id: string, platform: string | null, { items = true, content = true }: NoticeParts = {}
): Promise<NoticeWithItems | null> {
  const where = platform === null ? eq(notices.id, id) : and(eq(notices.id, id), eq(notices.platform, platform))
  const rows = content
    ? await db.select().from(notices).where(where).limit(1)
    : (await db.select(noticeColumnsButContent).from(notices).where(where).limit(1))
        .map((row) => ({ ...row, content: null }))
  const [found] = items ? await withItems(db, rows) : rows.map((notice) => ({ notice, items: [] }))
  return found ?? null
}

/** The languages a notice was issued in, first the default (for a reader that left the content out). */
export async function findNoticeLanguages (db: Executor, id: string): Promise<string[]> {
  const [row] = await db.select({ languages: sql<string[] | null>`${notices.content}->'languages'` })
    .from(notices).where(eq(notices.id, id)).limit(1)
  return row?.languages ?? []
}

/** Whether a notice is still issued (not yet delivered, or further along). */
export async function isIssued (db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ status: notices.status }).from(notices).where(eq(notices.id, id)).limit(1)
  return row?.status === 'issued'
}

/** A notice's signed content alone (for a reader that left it out of findNotice). */
export async function findNoticeContent (db: Executor, id: string): Promise<unknown> {
  const [row] = await db.select({ content: notices.content }).from(notices).where(eq(notices.id, id)).limit(1)
  return row?.content ?? null
}

export interface NoticeFilters {
  platform?: string
  status?: string
  updatedSince?: Date
}

export async function listNotices (
  db: Executor, filters: NoticeFilters, limit: number, afterSeq: number | null
): Promise<NoticeWithItems[]> {
  const conditions: SQL[] = []
  if (filters.platform !== undefined) conditions.push(eq(notices.platform, filters.platform))
  if (filters.status !== undefined) conditions.push(eq(notices.status, filters.status))
  if (filters.updatedSince !== undefined) conditions.push(gte(notices.updatedAt, filters.updatedSince))
  if (afterSeq !== null) conditions.push(gt(notices.seq, afterSeq))
  const rows = await db.select().from(notices).where(and(...conditions)).orderBy(asc(notices.seq)).limit(limit)
  return withItems(db, rows)
}

export async function noticeRefsOfReports (db: Executor, reportIds: string[]): Promise<Map<string, Array<{
  id: string, platform: string, referenceNumber: string
}>>> {
  const out = new Map<string, Array<{ id: string, platform: string, referenceNumber: string }>>()
  if (reportIds.length === 0) return out
  const rows = await db.select({
    id: notices.id, platform: notices.platform, referenceNumber: notices.referenceNumber, reportId: notices.reportId
  })
    .from(notices).where(inArray(notices.reportId, reportIds)).orderBy(asc(notices.seq))
  for (const { reportId, ...ref } of rows) {
    const list = out.get(reportId)
    if (list) list.push(ref)
    else out.set(reportId, [ref])
  }
  return out
}

export async function registerSigningKey (db: Executor, kid: string, publicJwk: object): Promise<void> {
  await db.insert(signingKeys).values({ kid, publicJwk }).onConflictDoNothing()
}

export async function listSigningKeys (db: Executor): Promise<Array<{ kid: string, publicJwk: unknown }>> {
  return db.select({
    kid: signingKeys.kid, publicJwk: signingKeys.publicJwk
  }).from(signingKeys).orderBy(asc(signingKeys.createdAt))
}

export interface UrlHistoryRow {
  canonicalUrl: string
  noticeId: string
  referenceNumber: string
  status: string
  outcome: string
  category: string
  /** When the item was removed (or, for a notice closed as a whole, when the notice last changed). */
  removedAt: Date
}

/** Every notice item, open or past, that named one of these canonical URLs, oldest notice first. */
export async function noticesOfCanonicalUrls (db: Executor, urls: string[]): Promise<UrlHistoryRow[]> {
  if (urls.length === 0) return []
  return urlHistoryQuery(db).execute({ urls: [...new Set(urls)] })
}

// Every report batch looks its items' URLs up with it.
const urlHistoryQuery = preparedPerExecutor((db) => db.select({
  canonicalUrl: noticeItems.canonicalUrl,
  noticeId: notices.id,
  referenceNumber: notices.referenceNumber,
  status: notices.status,
  outcome: noticeItems.outcome,
  category: notices.category,
  removedAt: sql<Date>`coalesce(${noticeItems.outcomeAt}, ${notices.updatedAt})`.mapWith(notices.updatedAt)
}).from(noticeItems)
  .innerJoin(notices, eq(notices.id, noticeItems.noticeId))
  .where(sql`${noticeItems.canonicalUrl} = any(${sql.placeholder('urls')}::text[])`)
  .orderBy(asc(notices.seq))
  .prepare('notices-of-canonical-urls'))
