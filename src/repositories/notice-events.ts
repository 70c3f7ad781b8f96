// Appends notice events and reads them: a notice's history, and the commit-safe change feed.
import { and, asc, eq, gt, gte, isNotNull, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { noticeEvents } from '../db/schema.ts'

export type NoticeEventRow = typeof noticeEvents.$inferSelect
export type NewNoticeEvent = typeof noticeEvents.$inferInsert

export async function appendNoticeEvents (db: Executor, events: NewNoticeEvent[]): Promise<void> {
  if (events.length > 0) await db.insert(noticeEvents).values(events)
}

export async function findNoticeEvent (db: Executor, id: number): Promise<NoticeEventRow | null> {
  const [row] = await db.select().from(noticeEvents).where(eq(noticeEvents.id, id)).limit(1)
  return row ?? null
}

export async function noticeHistory (db: Executor, noticeId: string, since?: Date): Promise<NoticeEventRow[]> {
  const conditions: SQL[] = [eq(noticeEvents.noticeId, noticeId)]
  if (since !== undefined) conditions.push(gte(noticeEvents.at, since))
  return db.select().from(noticeEvents).where(and(...conditions)).orderBy(asc(noticeEvents.id))
}

/** Only sequenced events are served: their positions are final and no earlier position can appear later. */
export async function readFeed (
  db: Executor, after: number, limit: number, platform: string | null, since?: Date
): Promise<NoticeEventRow[]> {
  const conditions: SQL[] = [isNotNull(noticeEvents.position), gt(noticeEvents.position, after)]
  if (platform !== null) conditions.push(eq(noticeEvents.platform, platform))
  if (since !== undefined) conditions.push(gte(noticeEvents.at, since))
  return db.select().from(noticeEvents).where(and(...conditions)).orderBy(asc(noticeEvents.position)).limit(limit)
}
