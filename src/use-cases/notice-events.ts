// Reading notice events: the change feed in its one total order, and one notice's history.
import type { Database } from '../db/index.ts'
import type { Principal } from '../repositories/clients.ts'
import { noticeHistory, readFeed } from '../repositories/notice-events.ts'
import { findNotice } from '../repositories/notices.ts'
import type { FeedView } from '../schemas/events.ts'
import type { NoticeEventView } from '../schemas/notices.ts'
import { notFound } from '../lib/errors.ts'
import { toNoticeEventView } from './notice-views.ts'
import { platformScope } from './scope.ts'

/**
 * What a long poll waits on: the sequencer's last handed-out position, and a wait for it to move
 * (src/jobs/sequencer.ts).
 */
export interface FeedProgress {
  readonly lastPosition: number
  waitBeyond: (after: number, ms: number) => Promise<void>
}

export interface FeedRequest {
  /** The last sequence the caller has seen. */
  after: number
  limit: number
  /** Long polling: seconds to wait for something new when nothing is (0: answer at once). */
  wait: number
  since?: Date
}

/** The events after `after` that the caller may see, scoped to a liaison's own platform. */
export async function readChangeFeed (
  db: Database, sequencer: FeedProgress, principal: Principal, { after, limit, wait, since }: FeedRequest
): Promise<FeedView> {
  const platform = platformScope(principal)
  const deadline = Date.now() + wait * 1000
  let rows = await readFeed(db, after, limit + 1, platform, since)
  // Long polling: sleep until the feed moves (anyone's event wakes us; the query then filters by scope).
  while (rows.length === 0 && Date.now() < deadline) {
    await sequencer.waitBeyond(Math.max(after, sequencer.lastPosition), deadline - Date.now())
    rows = await readFeed(db, after, limit + 1, platform, since)
  }
  const data = rows.slice(0, limit)
  const lastSequence = data.length > 0 ? data[data.length - 1].position! : after
  return {
    data: data.map(toNoticeEventView), lastSequence, nextCursor: rows.length > limit ? String(lastSequence) : null
  }
}

/** The notice's history, oldest first; another platform's notice answers 404 to a liaison. */
export async function readNoticeHistory (
  db: Database, principal: Principal, id: string, since?: Date
): Promise<NoticeEventView[]> {
  if (!(await findNotice(db, id, platformScope(principal)))) throw notFound(`notice ${id}`)
  return (await noticeHistory(db, id, since)).map(toNoticeEventView)
}
