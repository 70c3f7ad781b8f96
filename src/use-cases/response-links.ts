// The response page's links: issued when a notice's e-mail is composed, opened by the liaison who received it,
// revoked by the authority. An action through a link is the same transition, version check and audit entry as the
// API's. Design: docs/delivery.md, "Response page".
import type { Database } from '../db/index.ts'
import { findNotice, type NoticeWithItems } from '../repositories/notices.ts'
import { findPlatform } from '../repositories/platforms.ts'
import {
  findActiveLink, findLinkByTokenHash, insertLinkIfNone, revokeLinks, type ResponseLinkRow
} from '../repositories/response-links.ts'
import { appendAudit } from '../repositories/audit.ts'
import type { Principal } from '../repositories/clients.ts'
import {
  formToken, formTokenMatches, hashLinkToken, isLinkTokenShape, newLinkNonce, responseLinkToken, type LinkKey
} from '../domain/response-links.ts'
import { allowedActions, isTerminal } from '../domain/notices/notice-lifecycle.ts'
import type { NoticeContent, NoticeLang } from '../domain/notices/notice-content.ts'
import { CANNOT_COMPLY_REASONS, NOTICE_ACTIONS, type NoticeAction, type NoticeStatus } from '../domain/vocabulary.ts'
import type { NoticeRenderer } from '../render/notice-renderer.ts'
import type { ResponsePageView } from '../render/response-page.ts'
import { notFound } from '../lib/errors.ts'
import { noticeRendering } from './notice-document.ts'
import { platformScope } from './scope.ts'
import { transitionNotice, type TransitionHooks } from './transition-notice.ts'
import type { SecretBox } from '../delivery/secret-box.ts'

/** The box the links' key is derived from, as the routes that open links are given it. */
export type { SecretBox }

/**
 * The key links and their forms' anti-forgery values are computed under: derived from the webhook secret key, so
 * one configured secret covers both, and named by that key's id (a key rotation starts new links; old ones work on).
 */
export function linkKeyOf (box: SecretBox): LinkKey {
  return { id: box.keyId, secret: box.derive('response links') }
}

/**
 * The base of the links e-mails carry, which must be absolute: PUBLIC_URL (to be set in production, to the address
 * the platforms reach), else this process's own address, for the embedded start on one machine.
 */
export function responseBaseUrl (config: { PUBLIC_URL?: string, HOST: string, PORT: number }): string {
  if (config.PUBLIC_URL !== undefined) return config.PUBLIC_URL.replace(/\/+$/, '')
  const host = ['0.0.0.0', '::', ''].includes(config.HOST) ? '127.0.0.1' : config.HOST
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`
}

/**
 * The link of a notice, the same every time it is asked for until it is revoked: a retried e-mail and every later
 * e-mail of the notice carry one link. Two sends at once insert one row (the active link is unique per notice).
 */
export async function issueResponseLink (
  db: Database, key: LinkKey, notice: { id: string, platform: string }
): Promise<string> {
  let link = await findActiveLink(db, notice.id, key.id)
  if (link === null) {
    const nonce = newLinkNonce()
    const token = responseLinkToken(key, { noticeId: notice.id, platform: notice.platform, nonce })
    link = await insertLinkIfNone(db, {
      noticeId: notice.id, platform: notice.platform, nonce, keyId: key.id, tokenHash: hashLinkToken(token)
    }) ?? await findActiveLink(db, notice.id, key.id)
    if (link === null) throw new Error(`no response link could be kept for notice ${notice.id}`)
  }
  return responseLinkToken(key, { noticeId: link.noticeId, platform: link.platform, nonce: link.nonce })
}

/** What a token opens: nothing, a link revoked or expired with its notice's close, or a notice to answer. */
export type OpenedLink =
  | { state: 'unknown' }
  | { state: 'revoked' }
  | { state: 'closed', status: string }
  | { state: 'open', link: ResponseLinkRow, notice: NoticeWithItems }

export async function openResponseLink (db: Database, token: string): Promise<OpenedLink> {
  if (!isLinkTokenShape(token)) return { state: 'unknown' }
  const link = await findLinkByTokenHash(db, hashLinkToken(token))
  if (link === null) return { state: 'unknown' }
  if (link.revokedAt !== null) return { state: 'revoked' }
  const notice = await findNotice(db, link.noticeId, link.platform)
  if (notice === null) return { state: 'unknown' }
  const status = notice.notice.status as NoticeStatus
  // The link expires when the notice closes: nothing is left to answer, and the letter is no longer the platform's.
  if (isTerminal(status)) return { state: 'closed', status }
  return { state: 'open', link, notice }
}

/** What the liaison may do on the page: the lifecycle's actions for a liaison, but deliver (the e-mail's job). */
function pageActions (status: NoticeStatus): NoticeAction[] {
  return allowedActions(status, 'liaison').filter((action) => action !== 'deliver')
}

/** Everything the page shows, for the route to render. */
export async function responsePageView (
  db: Database, renderer: NoticeRenderer, key: LinkKey, opened: Extract<OpenedLink, { state: 'open' }>,
  formAction: string, confirmation?: string
): Promise<ResponsePageView> {
  const { notice, items } = opened.notice
  const content = notice.content as NoticeContent
  const letters = []
  for (const lang of content.languages as NoticeLang[]) {
    letters.push({ lang, html: (await noticeRendering(db, renderer, notice, 'html', lang)).body.toString('utf8') })
  }
  const platform = await findPlatform(db, notice.platform)
  return {
    referenceNumber: notice.referenceNumber,
    platform: platform?.name ?? notice.platform,
    status: notice.status,
    urgency: notice.urgency,
    version: notice.version,
    deadline: notice.deadline,
    items: items.map((i) => ({ id: i.id, url: i.url, contentType: i.contentType, removed: i.outcome === 'removed' })),
    actions: pageActions(notice.status as NoticeStatus),
    cannotComplyReasons: CANNOT_COMPLY_REASONS,
    formAction,
    formToken: formToken(key, opened.link.tokenHash, notice.version),
    letters,
    ...(confirmation === undefined ? {} : { confirmation })
  }
}

/** A form as posted: every field a string, or a list where the field came more than once. */
export type PostedForm = Record<string, string | string[] | undefined>

export type FormRefusal = { refused: 'csrf' } | { refused: 'malformed', message: string }

function single (form: PostedForm, field: string): string | undefined {
  const value = form[field]
  return Array.isArray(value) ? undefined : value
}

/**
 * Reads and checks a posted form: the anti-forgery value for the version it names, then the action. Answers the
 * version and request, or why the form is refused (before anything is read from the notice or changed).
 */
export function readResponseForm (
  key: LinkKey, link: ResponseLinkRow, form: PostedForm
): { version: number, action: NoticeAction, items?: string[], reason?: string, detail?: string, note?: string }
  | FormRefusal {
  const versionText = single(form, 'version')
  const csrf = single(form, 'csrf')
  if (versionText === undefined || !/^\d{1,9}$/.test(versionText) || csrf === undefined ||
    !formTokenMatches(key, link.tokenHash, Number(versionText), csrf)) {
    return { refused: 'csrf' }
  }
  const action = single(form, 'action')
  if (action === undefined || !(NOTICE_ACTIONS as readonly string[]).includes(action) || action === 'deliver') {
    return { refused: 'malformed', message: 'the form names no action the page offers' }
  }
  const items = form.items === undefined ? undefined : ([] as string[]).concat(form.items)
  const text = (field: string): string | undefined => {
    const value = single(form, field)?.trim()
    return value === undefined || value === '' ? undefined : value
  }
  // The page's checkbox form always sends the marker below, so that checking nothing is a refusal, not "all".
  const partial = single(form, 'scope') === 'checked'
  return {
    version: Number(versionText),
    action: action as NoticeAction,
    ...(items !== undefined ? { items } : partial ? { items: [] } : {}),
    ...(text('reason') === undefined ? {} : { reason: text('reason') }),
    ...(text('detail') === undefined ? {} : { detail: text('detail') }),
    ...(text('note') === undefined ? {} : { note: text('note') })
  }
}

/**
 * Takes the action through the one transition use case, as the platform's liaison through the link: the notice must
 * still be at the version the form showed (else the AppError precondition_failed), and the audit entry names the
 * link. Throws the transition's AppErrors.
 */
export async function respondThroughLink (
  db: Database, hooks: TransitionHooks, link: ResponseLinkRow,
  request: Exclude<ReturnType<typeof readResponseForm>, FormRefusal>
): Promise<NoticeWithItems> {
  const { version, ...transition } = request
  return await transitionNotice(
    db, hooks, { responseLink: { id: link.id, platform: link.platform } }, link.noticeId, version, transition
  )
}

/**
 * The authority revokes a notice's links (a link forwarded to the wrong people, a liaison who left): they answer 410
 * from then on. The notice's next e-mail, or a redelivery of one, carries a new link.
 */
export async function revokeResponseLinks (
  db: Database, principal: Principal, noticeId: string, now = new Date()
): Promise<{ revoked: number }> {
  return await db.transaction(async (tx) => {
    const scope = platformScope(principal)
    const notice = await findNotice(tx as Database, noticeId, scope, { items: false, content: false })
    if (notice === null) throw notFound(`notice ${noticeId}`)
    const ids = await revokeLinks(tx, noticeId, principal.id, now)
    if (ids.length > 0) {
      await appendAudit(tx, principal, {
        action: 'notice.response-link-revoked', targetType: 'notice', targetId: noticeId, change: { links: ids }
      })
    }
    return { revoked: ids.length }
  })
}
