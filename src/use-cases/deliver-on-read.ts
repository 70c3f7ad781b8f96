// A liaison's first read of an issued notice is its delivery (the portal is one of the delivery channels): a
// whole page is delivered in one statement, with the same event and audit entry per notice as the 'deliver' action.
import type { Database } from '../db/index.ts'
import { DELIVERABLE_STATUSES, ruleOf } from '../domain/notices/notice-lifecycle.ts'
import { auditRecord } from '../repositories/audit.ts'
import { deliverNotices } from '../repositories/notice-transitions.ts'
import { findNotice, listNotices, type NoticeParts, type NoticeWithItems } from '../repositories/notices.ts'
import type { Principal } from '../repositories/clients.ts'
import { platformScope } from './scope.ts'
import { notFound } from '../lib/errors.ts'
import { decodeCursor, page } from '../lib/pagination.ts'
import type { NoticeView } from '../schemas/notices.ts'
import { toNoticeView } from './notice-views.ts'
import type { TransitionHooks } from './transition-notice.ts'

const DELIVER = ruleOf('deliver')

/** The notices as the liaison now sees them: those it reads for the first time come back delivered. */
export async function deliverOnRead (
  db: Database, hooks: Pick<TransitionHooks, 'afterCommit'>, principal: Principal, found: NoticeWithItems[],
  now = new Date(), options: NoticeParts = {}
): Promise<NoticeWithItems[]> {
  if (principal.role !== 'liaison' || principal.platform === null) return found
  const due = found.filter(({ notice }) => DELIVERABLE_STATUSES.includes(notice.status as never))
  if (due.length === 0) return found
  const to = DELIVER.to[0]
  const candidates = due.map(({ notice }) => {
    // The same change document transitionNotice records for a deliver.
    const change = {
      action: DELIVER.action,
      from: notice.status,
      to,
      version: notice.version + 1,
      items: [],
      reason: null,
      detail: null,
      note: null
    }
    const { digest } = auditRecord(
      principal, { action: `notice.${DELIVER.action}`, targetType: 'notice', targetId: notice.id, change }
    )
    return { id: notice.id, version: notice.version, change, digest }
  })
  // One statement: the notices, their events and their audit entries commit together.
  const delivered = await deliverNotices(db, candidates, { from: DELIVER.from, to, action: DELIVER.action },
    { id: principal.id, role: principal.role, platform: principal.platform }, now)
  if (delivered.length > 0) hooks.afterCommit?.()
  const byId = new Map(delivered.map((d) => [d.id, d]))
  return Promise.all(found.map(async (row) => {
    const done = byId.get(row.notice.id)
    if (done) return { ...row, notice: { ...row.notice, status: to, version: done.version, updatedAt: done.updatedAt } }
    // Another read delivered it a moment ago: serve the notice as it now stands.
    if (due.includes(row)) return (await findNotice(db, row.notice.id, principal.platform, options)) ?? row
    return row
  }))
}

/**
 * Whether a read is one that delivers: a GET. A HEAD is safe (RFC 9110, 9.2.1) and changes nothing; it answers the
 * notice as it stands, so that a liaison's HEAD neither delivers it nor leaves an event or an audit entry.
 */
export function readDelivers (method: string): boolean {
  return method === 'GET'
}

/**
 * A notice as the caller may see it (another platform's is not found for a liaison), delivered if a liaison reads it
 * with a read that delivers (see readDelivers).
 */
export async function readNotice (
  db: Database, hooks: Pick<TransitionHooks, 'afterCommit'>, principal: Principal, id: string, delivers: boolean,
  options: NoticeParts = {}
): Promise<NoticeWithItems> {
  const found = await findNotice(db, id, platformScope(principal), options)
  if (!found) throw notFound(`notice ${id}`)
  return delivers ? (await deliverOnRead(db, hooks, principal, [found], new Date(), options))[0] : found
}

export interface NoticeQuery {
  platform?: string
  status?: string
  updatedSince?: string
}

/**
 * One page of notices in issue order, as the caller may see them; a liaison's first read of an issued notice delivers
 * it, when the read is one that delivers (see readDelivers).
 */
export async function readNoticePage (
  db: Database, hooks: Pick<TransitionHooks, 'afterCommit'>, principal: Principal,
  { platform, status, updatedSince }: NoticeQuery, limit: number, cursor: string | undefined, delivers: boolean
): Promise<{ data: NoticeView[], nextCursor: string | null }> {
  const scope = platformScope(principal)
  // A liaison asking for another platform gets an empty list, exactly as if that platform had no notices.
  if (scope !== null && platform !== undefined && platform !== scope) return { data: [], nextCursor: null }
  const rows = await listNotices(db, {
    platform: scope ?? platform,
    status,
    updatedSince: updatedSince ? new Date(updatedSince) : undefined
  }, limit + 1, decodeCursor(cursor))
  const { data, nextCursor } = page(rows.map((r) => ({ ...r, seq: r.notice.seq })), limit)
  const delivered = delivers ? await deliverOnRead(db, hooks, principal, data) : data
  return { data: delivered.map(toNoticeView), nextCursor }
}
