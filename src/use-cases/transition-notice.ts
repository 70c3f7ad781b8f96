// Applies one lifecycle action to a notice: decide with the state machine, then write status, items, events,
// blocking orders and the audit trail in one transaction.
import { sql } from 'drizzle-orm'
import type { Database, Executor } from '../db/index.ts'
import { decideTransition, OPEN_STATUSES, type Actor } from '../domain/notices/notice-lifecycle.ts'
import { computeDeadline, referenceYear, type NoticeContent } from '../domain/notices/notice-content.ts'
import type { NoticeAction, NoticeStatus } from '../domain/vocabulary.ts'
import {
  lockNotice, itemOutcomes, markItemsRemoved, updateNoticeState, insertBlockingOrder, liftBlockingOrders,
  releaseNoticeUrls
} from '../repositories/notice-transitions.ts'
import { appendNoticeEvents } from '../repositories/notice-events.ts'
import { appendAudit, type AuditActor, type AuditEvent } from '../repositories/audit.ts'
import { findNotice, type NoticeWithItems } from '../repositories/notices.ts'
import { platformCatalogue } from '../repositories/platforms.ts'
import { AppError, notFound } from '../lib/errors.ts'
import type { Principal } from '../repositories/clients.ts'
import { platformScope } from './scope.ts'

export interface TransitionRequest {
  action: NoticeAction
  items?: string[]
  reason?: string
  detail?: string
  note?: string
}

export interface TransitionHooks {
  /** Called inside the transaction when a notice reaches removed or restricted (the hash bank takes its hashes). */
  onEntersHashBank?: (tx: Executor, noticeId: string) => Promise<unknown>
  /** Called inside the transaction when a notice whose material was removed is withdrawn: its hashes retire. */
  onWithdrawnAfterRemoval?: (tx: Executor, noticeId: string, actorId: string | null) => Promise<unknown>
  /** Called after commit, e.g. to number the new events promptly. */
  afterCommit?: () => void
  issuingBody: string
}

/**
 * Who acts: an API client, the system, or a platform's liaison through the response page's link (no client of
 * its own: the link is the credential, so the actor is the liaison role with no id, and the audit entry names the
 * link).
 */
type Caller = { principal: Principal } | { system: true } | { responseLink: { id: string, platform: string } }

function actorOf (caller: Caller): { actor: Actor, audit: AuditActor, scope: string | null } {
  if ('system' in caller) return { actor: 'system', audit: { id: null, role: 'system' }, scope: null }
  if ('responseLink' in caller) {
    return { actor: 'liaison', audit: { id: null, role: 'liaison' }, scope: caller.responseLink.platform }
  }
  const { principal } = caller
  return { actor: principal.role, audit: principal, scope: platformScope(principal) }
}

async function nextDecisionNumber (tx: Executor, country: string, at: Date): Promise<string> {
  const year = referenceYear(at)
  const result = await tx.execute<{ last: number }>(sql`
    insert into reference_counters as c (year, platform, last) values (${year}, 'blocking-order', 1)
    on conflict (year, platform) do update set last = c.last + 1 returning last`)
  return `${country}-${year}-BO-${String(result.rows[0].last).padStart(6, '0')}`
}

export async function transitionNotice (
  db: Database, hooks: TransitionHooks, caller: Caller, noticeId: string, expectedVersion: number | null,
  request: TransitionRequest, now = new Date()
): Promise<NoticeWithItems> {
  const { actor, audit, scope } = actorOf(caller)
  const result = await db.transaction(async (tx) => {
    const notice = await lockNotice(tx, noticeId, scope)
    if (!notice) throw notFound(`notice ${noticeId}`)
    if (expectedVersion !== null && notice.version !== expectedVersion) {
      throw new AppError('precondition_failed',
        `the notice is at version ${notice.version}, not ${expectedVersion}; fetch it again`, {
          extra: { currentVersion: notice.version }
        })
    }
    const items = await itemOutcomes(tx, noticeId)
    const decision = decideTransition({
      status: notice.status as NoticeStatus,
      action: request.action,
      actor,
      itemIds: items.map((i) => i.id),
      removedItemIds: items.filter((i) => i.outcome === 'removed').map((i) => i.id),
      requestedItemIds: request.items,
      reason: request.reason,
      detail: request.detail
    })
    if (!decision.ok) {
      if (decision.error === 'forbidden') {
        throw new AppError('notice_action_forbidden', decision.message, { extra: { allowed: decision.allowed } })
      }
      if (decision.error === 'not_allowed') {
        throw new AppError(
          'notice_transition_not_allowed', decision.message,
          { extra: { currentStatus: notice.status, allowed: decision.allowed } }
        )
      }
      throw new AppError('notice_transition_invalid', decision.message, {
        extra: {
          errors: (decision.fields ?? []).map((f) => ({ pointer: `/${f.field}`, detail: f.message })),
          allowed: decision.allowed
        }
      })
    }
    const content = notice.content as NoticeContent
    const newlyRemoved = decision.removedItemIds.filter((id) => !items.some(
      (i) => i.id === id && i.outcome === 'removed'
    ))
    await markItemsRemoved(tx, newlyRemoved, now)
    let deadline: Date | undefined
    if (decision.restartsDeadline) {
      const platform = (await platformCatalogue(tx as Database)).get(notice.platform)!
      deadline = computeDeadline(
        now, content.urgency, { normalHours: platform.deadlineNormalHours, urgentHours: platform.deadlineUrgentHours }
      )
    }
    const updated = await updateNoticeState(tx, noticeId, { status: decision.to, deadline, at: now })
    // Its URLs are open to a new notice once the items are removed or the notice leaves the open statuses.
    await releaseNoticeUrls(tx, noticeId, OPEN_STATUSES.includes(decision.to) ? newlyRemoved : null)
    const change = {
      action: request.action,
      from: notice.status,
      to: decision.to,
      version: updated.version,
      items: newlyRemoved,
      reason: request.reason ?? null,
      detail: request.detail ?? null,
      note: request.note ?? null,
      ...('responseLink' in caller ? { via: 'response-link', responseLink: caller.responseLink.id } : {})
    }
    await appendNoticeEvents(tx, [{
      noticeId,
      platform: notice.platform,
      type: 'notice.transitioned',
      action: request.action,
      fromStatus: notice.status,
      toStatus: decision.to,
      version: updated.version,
      actorId: audit.id,
      actorRole: audit.role,
      reason: request.reason,
      detail: request.detail,
      note: request.note,
      items: newlyRemoved.length > 0 ? newlyRemoved : null,
      at: now
    }])
    const auditEvents: AuditEvent[] = [{
      action: `notice.${request.action}`, targetType: 'notice', targetId: noticeId, change
    }]
    if (decision.createsBlockingOrder) {
      const order = await insertBlockingOrder(tx, {
        decisionNumber: await nextDecisionNumber(tx, content.referenceNumber.slice(0, 2), now),
        noticeId,
        platform: notice.platform,
        issuingBody: hooks.issuingBody,
        urgency: content.urgency,
        status: 'active',
        decidedAt: now,
        createdBy: audit.id,
        updatedAt: now
      }, items.filter((i) => i.outcome !== 'removed').map((i) => ({
        noticeItemId: i.id, blockType: 'url', value: i.canonicalUrl, includedAt: now
      })))
      auditEvents.push({
        action: 'blocking-order.created',
        targetType: 'blocking-order',
        targetId: order.id,
        change: { ...change, decisionNumber: order.decisionNumber }
      })
    }
    if (decision.liftsBlockingOrder) {
      for (const id of await liftBlockingOrders(
        tx, noticeId, now, decision.to === 'withdrawn' ? 'notice withdrawn' : 'material removed'
      )) {
        auditEvents.push({ action: 'blocking-order.lifted', targetType: 'blocking-order', targetId: id, change })
      }
    }
    if (decision.entersHashBank && hooks.onEntersHashBank) await hooks.onEntersHashBank(tx, noticeId)
    if (decision.to === 'withdrawn' && hooks.onWithdrawnAfterRemoval) {
      await hooks.onWithdrawnAfterRemoval(tx, noticeId, audit.id)
    }
    await appendAudit(tx, audit, ...auditEvents)
    return updated
  })
  hooks.afterCommit?.()
  return (await findNotice(db, result.id, null))!
}
