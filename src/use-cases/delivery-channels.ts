// The two delivery channels as the delivery worker uses them: what a delivery sends (a Standard Webhooks payload,
// or the notice's e-mail with its letters, PDF and JWS) and how each outcome reads. Design: docs/delivery.md.
import path from 'node:path'
import type { Database } from '../db/index.ts'
import type { Semaphore } from '../lib/semaphore.ts'
import type { DeliveryRow } from '../repositories/deliveries.ts'
import { findEndpoint } from '../repositories/webhook-endpoints.ts'
import { findNotice } from '../repositories/notices.ts'
import { findPlatform } from '../repositories/platforms.ts'
import { findNoticeEvent } from '../repositories/notice-events.ts'
import type { NoticeContent, NoticeLang } from '../domain/notices/notice-content.ts'
import type { NoticeStatus, Urgency } from '../domain/vocabulary.ts'
import type { PlatformSlug } from '../domain/platforms.ts'
import type { NoticeRenderer } from '../render/notice-renderer.ts'
import type { ChannelOutcome } from '../delivery/channel-outcome.ts'
import { attachPayload } from '../signing/notice-signer.ts'
import { signWebhook } from '../delivery/webhook-signature.ts'
import { sendWebhook } from '../delivery/webhook.ts'
import type { Resolver } from '../delivery/address-guard.ts'
import type { SecretBox } from '../delivery/secret-box.ts'
import { composeNoticeEmail, EmailInputError, type NoticeEmailEvent } from '../delivery/email.ts'
import { sendEmail, type MailTransport } from '../delivery/email-transport.ts'
import { noticeRendering } from './notice-document.ts'
import { signingSecrets } from './webhook-endpoints.ts'
import { issueResponseLink, linkKeyOf } from './response-links.ts'
import { isTerminal } from '../domain/notices/notice-lifecycle.ts'

export interface ChannelSettings {
  db: Database
  renderer: NoticeRenderer
  box: SecretBox
  mail: MailTransport
  from: { address: string, name: string }
  /** WEBHOOK_ALLOW_HTTP: plain http and loopback receivers (development and tests only). */
  allowHttp: boolean
  /** Tests map their names to chosen addresses; the system resolver otherwise. */
  resolver?: Resolver
  /** Deliveries render their e-mails' letters one e-mail at a time (a Semaphore of 1). */
  backgroundRendering: Semaphore
  /** The public base of the gateway, for the links a payload carries; relative links without it. */
  publicUrl?: string
  /**
   * The absolute base of the response page's links (an e-mail's link must be absolute: PUBLIC_URL, or the local
   * address for the embedded start). E-mails carry no link without it.
   */
  responseBaseUrl?: string
}

type Event = NonNullable<Awaited<ReturnType<typeof findNoticeEvent>>>
type Notice = NonNullable<Awaited<ReturnType<typeof findNotice>>>['notice']

export function deliveryChannels (settings: ChannelSettings): { send: (row: DeliveryRow) => Promise<ChannelOutcome> } {
  return {
    send: async (row) => {
      const event = await findNoticeEvent(settings.db, row.eventId)
      // A webhook carries no letter: the signed content is read only for an e-mail.
      const email = row.channel === 'email'
      const found = await findNotice(settings.db, row.noticeId, null, { items: false, content: email })
      if (event === null || found === null) return gone('the event or its notice is no longer there')
      return email
        ? await sendEmailDelivery(settings, row, event, found.notice)
        : await sendWebhookDelivery(settings, row, event, found.notice)
    }
  }
}

const gone = (error: string): ChannelOutcome => ({ ok: false, retryable: false, error, durationMs: 0 })

/**
 * The payload is thin: what happened to which notice (reference, platform, status, version, urgency, deadline, the
 * step's reason or note) and links to the notice, its signed document and its history. The notice itself is read
 * from the API with the receiver's key: a payload that leaks (a logging proxy, a misrouted URL) carries no letter,
 * and the receiver always acts on the signed document, not on a copy.
 */
export function webhookPayload (row: DeliveryRow, event: Event, notice: Notice, publicUrl = ''): object {
  const link = (path: string): string => `${publicUrl}${path}`
  return {
    type: row.eventType,
    timestamp: event.at.toISOString(),
    data: {
      eventId: String(event.id),
      notice: {
        id: notice.id,
        referenceNumber: notice.referenceNumber,
        platform: notice.platform,
        status: event.toStatus,
        version: event.version,
        urgency: notice.urgency,
        category: notice.category,
        issuedAt: notice.issuedAt.toISOString(),
        deadline: notice.deadline.toISOString()
      },
      action: event.action ?? 'create',
      from: event.fromStatus,
      to: event.toStatus,
      actorRole: event.actorRole,
      reason: event.reason,
      detail: event.detail,
      note: event.note,
      links: {
        notice: link(`/v1/notices/${notice.id}`),
        document: link(`/v1/notices/${notice.id}/document`),
        signature: link(`/v1/notices/${notice.id}/signature`),
        events: link(`/v1/notices/${notice.id}/events`)
      }
    }
  }
}

async function sendWebhookDelivery (
  settings: ChannelSettings, row: DeliveryRow, event: Event, notice: Notice
): Promise<ChannelOutcome> {
  const endpoint = row.endpointId === null ? null : await findEndpoint(settings.db, row.endpointId)
  if (endpoint === null || !endpoint.enabled || endpoint.deletedAt !== null) {
    return gone('the endpoint is disabled or deleted')
  }
  const body = JSON.stringify(webhookPayload(row, event, notice, settings.publicUrl))
  const headers = signWebhook({
    id: row.deliveryId,
    timestamp: Math.floor(Date.now() / 1000),
    body,
    secrets: signingSecrets(settings.box, endpoint)
  })
  const outcome = await sendWebhook({
    url: endpoint.url,
    body,
    headers: { ...headers },
    allowHttp: settings.allowHttp,
    allowLoopback: settings.allowHttp,
    ...(settings.resolver === undefined ? {} : { resolver: settings.resolver })
  })
  if (outcome.ok) {
    return {
      ok: true,
      statusCode: outcome.status,
      response: outcome.responseExcerpt,
      durationMs: outcome.durationMs,
      channelNote: `webhook ${new URL(endpoint.url).host}`
    }
  }
  return {
    ok: false,
    retryable: outcome.retryable,
    ...(outcome.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: outcome.retryAfterSeconds }),
    ...(outcome.disable === true ? { disable: true } : {}),
    ...(outcome.error.startsWith('forbidden_address') ? { refused: true } : {}),
    ...(outcome.status === undefined ? {} : { statusCode: outcome.status }),
    error: outcome.error,
    ...(outcome.responseExcerpt === undefined ? {} : { response: outcome.responseExcerpt }),
    durationMs: outcome.durationMs
  }
}

/** What the platform hears of by e-mail: the notice, and its clarification, withdrawal and escalation. */
function emailEventOf (row: DeliveryRow, notice: Notice): NoticeEmailEvent {
  switch (row.eventType) {
    case 'notice.clarify': return 'clarified'
    case 'notice.withdraw': return 'withdrawn'
    case 'notice.escalate': return 'escalated'
    default: return notice.reuploadOf.length > 0 ? 'reupload' : 'issued'
  }
}

async function sendEmailDelivery (
  settings: ChannelSettings, row: DeliveryRow, event: Event, notice: Notice
): Promise<ChannelOutcome> {
  const { db, renderer } = settings
  const platform = await findPlatform(db, notice.platform)
  const address = (platform?.channels as { email?: string | null } | undefined)?.email
  if (platform === null || address === undefined || address === null || address === '') {
    return gone('the platform has no notice address')
  }
  const content = notice.content as NoticeContent
  // One letter at a time, and one e-mail's letters at a time in this process: deliveries are background work, and
  // must not take the rendering threads' places from the requests (a burst of large notices would otherwise answer
  // readers 503 rendering_busy). A letter kept already costs a read.
  const letters = await settings.backgroundRendering.use(async () => {
    const rendered = []
    for (const lang of content.languages as NoticeLang[]) {
      const letter = async (format: 'text' | 'html' | 'pdf'): Promise<Buffer> =>
        (await noticeRendering(db, renderer, notice, format, lang)).body
      const text = (await letter('text')).toString('utf8')
      const html = (await letter('html')).toString('utf8')
      rendered.push({ lang, text, html, pdf: await letter('pdf') })
    }
    return rendered
  })
  const responseUrl = await responseUrlOf(settings, notice)
  const started = performance.now()
  let message
  try {
    message = composeNoticeEmail({
      referenceNumber: notice.referenceNumber,
      platform: { slug: notice.platform as PlatformSlug, name: platform.name },
      urgency: notice.urgency as Urgency,
      event: emailEventOf(row, notice),
      eventId: String(event.id),
      ...(summaryOf(event) === undefined ? {} : { summary: summaryOf(event) }),
      ...(responseUrl === undefined ? {} : { responseUrl }),
      to: [address],
      from: settings.from,
      letters,
      jws: attachPayload(notice.signature, notice.content)
    })
  } catch (error) {
    // A catalogue address or a text that cannot go into a message: the same attempt would fail again.
    if (error instanceof EmailInputError) return gone(`not sendable: ${error.message}`)
    throw error
  }
  const outcome = await sendEmail(settings.mail, message)
  const durationMs = performance.now() - started
  if (outcome.status === 'accepted') {
    return {
      ok: true,
      ...(replyCode(outcome.response) === undefined ? {} : { statusCode: replyCode(outcome.response) }),
      // The outbox file by its name only: the history is read by callers, who need not learn the server's folders.
      response: outcome.path === undefined ? outcome.response : `written to the outbox: ${path.basename(outcome.path)}`,
      durationMs,
      channelNote: outcome.path === undefined ? `e-mail to ${address}` : `e-mail to ${address} (written to the outbox)`
    }
  }
  return {
    ok: false,
    retryable: outcome.retryable,
    ...(outcome.responseCode === null ? {} : { statusCode: outcome.responseCode }),
    error: outcome.code ?? 'smtp error',
    response: outcome.response,
    durationMs
  }
}

/**
 * The notice's response page, while the notice is open to an answer: the same link on every e-mail of the notice
 * and on a retried send, a new one only after the authority revoked it. A closed or withdrawn notice's e-mail has
 * none (its link would answer 410).
 */
async function responseUrlOf (settings: ChannelSettings, notice: Notice): Promise<string | undefined> {
  if (settings.responseBaseUrl === undefined || isTerminal(notice.status as NoticeStatus)) return undefined
  const token = await issueResponseLink(settings.db, linkKeyOf(settings.box), notice)
  return `${settings.responseBaseUrl}/respond/${token}`
}

function summaryOf (event: Event): string | undefined {
  return event.reason ?? event.note ?? event.detail ?? undefined
}

function replyCode (response: string): number | undefined {
  const code = /^(\d{3})\b/.exec(response)?.[1]
  return code === undefined ? undefined : Number(code)
}
