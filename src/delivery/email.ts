// A notice as an e-mail: the message each platform's notice address receives when a notice is issued, and for each
// later step that concerns it (clarified, withdrawn, escalated). Pure: the worker hands over what is already
// rendered and signed, and email-transport.ts sends what this composes. docs/delivery.md, "E-mail", describes the
// message; every caller value that reaches a header is checked here, so nothing a caller wrote can add a header.
import type { SendMailOptions } from 'nodemailer'
import { NOTICE_LANGS, parseReferenceNumber, type NoticeLang } from '../domain/notices/notice-content.ts'
import { PLATFORM_SLUGS, type PlatformSlug } from '../domain/platforms.ts'
import type { Urgency } from '../domain/vocabulary.ts'

/**
 * What a message is about. `issued` and `reupload` are the notice's first message (a re-upload notice is an issued
 * notice that is urgent and cites earlier ones; the caller says which); the others are later steps.
 */
export const NOTICE_EMAIL_EVENTS = ['issued', 'reupload', 'clarified', 'withdrawn', 'escalated'] as const
export type NoticeEmailEvent = typeof NOTICE_EMAIL_EVENTS[number]

export interface NoticeLetter {
  lang: NoticeLang
  /** The e-mail text rendering. */
  text: string
  /** The HTML rendering: a complete document, as src/render/html.ts writes it. */
  html: string
  /** The A4 PDF letter. */
  pdf: Buffer
}

export interface NoticeEmailInput {
  referenceNumber: string
  platform: { slug: PlatformSlug, name: string }
  urgency: Urgency
  event: NoticeEmailEvent
  /** The event's id, for later messages: each gets a Message-ID of its own that a retried send keeps. */
  eventId?: string
  /** A short line on the event (the clarification, the withdrawal's reason): the caller's text, shown as text. */
  summary?: string
  /** The platform's notice addresses. */
  to: string[]
  from: { address: string, name: string }
  /** One per notice language, the first language first. */
  letters: NoticeLetter[]
  /** The compact JWS with its payload attached, as `takedown verify --jws` reads it. */
  jws: string
  /** The notice's response page, linked from both bodies. */
  responseUrl?: string
}

/** What composeNoticeEmail answers: nodemailer's message, and what the sender names and files it by. */
export interface EmailMessage {
  mail: SendMailOptions & { messageId: string, headers: Record<string, string> }
  referenceNumber: string
  event: NoticeEmailEvent
  messageId: string
}

/** A caller value that cannot go into a message (a malformed address, a header value holding a line break). */
export class EmailInputError extends Error {
  override name = 'EmailInputError'
}

const MAX_RECIPIENTS = 20
const MAX_SUMMARY = 2000
const FIRST_MESSAGES: ReadonlySet<NoticeEmailEvent> = new Set(['issued', 'reupload'])

// Dot-atom addresses only (RFC 5322 §3.4.1, no quoted local parts, no comments): what a notice address is, and
// nothing nodemailer's parser could read as two addresses or a group.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/
const DOMAIN = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const EVENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/
const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
// eslint-disable-next-line no-control-regex -- as above, keeping tab and line feed for bodies
const BODY_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

/** An address as it may go into To, From and the envelope, or an EmailInputError naming the field. */
export function checkAddress (address: string, field: string): string {
  const at = address.lastIndexOf('@')
  const ok = address.length <= 254 && at > 0 && at <= 64 &&
    LOCAL.test(address.slice(0, at)) && DOMAIN.test(address.slice(at + 1))
  if (!ok) throw new EmailInputError(`${field} is not an e-mail address: ${JSON.stringify(address)}`)
  return address
}

/**
 * A display name as a header may carry it: line breaks and other control characters become spaces (a name is
 * shown, not parsed, so the rest of it may stay), runs of spaces one. nodemailer then encodes and quotes it.
 */
export function headerText (value: string): string {
  return value.replace(new RegExp(CONTROLS.source, 'g'), ' ').replace(/\s+/g, ' ').trim()
}

/** Text for a body: CRLF and lone CR become line feeds, other control characters U+FFFD. */
function bodyText (value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(BODY_CONTROLS, '\ufffd')
}

export function escapeHtml (value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

function checkInput (input: NoticeEmailInput): void {
  if (parseReferenceNumber(input.referenceNumber) === null) {
    throw new EmailInputError(`referenceNumber is not a reference number: ${JSON.stringify(input.referenceNumber)}`)
  }
  if (!(PLATFORM_SLUGS as readonly string[]).includes(input.platform.slug)) {
    throw new EmailInputError(`platform.slug is not a platform: ${JSON.stringify(input.platform.slug)}`)
  }
  if (input.urgency !== 'normal' && input.urgency !== 'urgent') throw new EmailInputError('urgency is not known')
  if (!NOTICE_EMAIL_EVENTS.includes(input.event)) throw new EmailInputError('event is not known')
  if (!FIRST_MESSAGES.has(input.event) && (input.eventId === undefined || !EVENT_ID.test(input.eventId))) {
    throw new EmailInputError(`a ${input.event} message needs an eventId of 1-128 letters, digits, . _ -`)
  }
  if (input.to.length === 0 || input.to.length > MAX_RECIPIENTS) {
    throw new EmailInputError(`to must hold 1 to ${MAX_RECIPIENTS} addresses`)
  }
  input.to.forEach((address, i) => checkAddress(address, `to[${i}]`))
  checkAddress(input.from.address, 'from.address')
  checkLetters(input.letters)
  if (!JWS.test(input.jws)) throw new EmailInputError('jws is not a compact JWS with its payload attached')
}

function checkLetters (letters: NoticeLetter[]): void {
  if (letters.length === 0) throw new EmailInputError('letters must hold at least one letter')
  const seen = new Set<string>()
  for (const letter of letters) {
    if (!(NOTICE_LANGS as readonly string[]).includes(letter.lang) || seen.has(letter.lang)) {
      throw new EmailInputError(`letters: ${JSON.stringify(letter.lang)} is not a notice language, or comes twice`)
    }
    seen.add(letter.lang)
    if (!letter.pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
      throw new EmailInputError(`letters: the ${letter.lang} PDF is not a PDF`)
    }
  }
}

/**
 * The response page's address, or null. Checked on the raw string: the URL parser drops tabs and line breaks
 * silently, and the link must say exactly what was given.
 */
function responseUrlOf (value: string | undefined): string | null {
  if (value === undefined) return null
  let url: URL | null = null
  try {
    if (!CONTROLS.test(value) && !/\s/.test(value)) url = new URL(value)
  } catch {}
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new EmailInputError('responseUrl is not an http(s) URL')
  }
  return url.href
}

/**
 * One Message-ID per notice, the same however often it is sent: `<notice.REF@domain>` for its first message, and
 * for each later one `<notice.REF.event.ID@domain>`, deterministic from the event so that a retried send is
 * recognised as the same message. The domain is the sender's.
 */
export function noticeMessageId (referenceNumber: string, domain: string, later?: { event: string, id: string }):
string {
  const local = `notice.${referenceNumber}${later === undefined ? '' : `.${later.event}.${later.id}`}`
  return `<${local}@${domain.toLowerCase()}>`
}

const SUBJECT_PREFIX: Record<NoticeEmailEvent, string> = {
  issued: '',
  reupload: 'Re-upload: ',
  clarified: 'Clarified: ',
  withdrawn: 'Withdrawn: ',
  escalated: 'Escalated: '
}

function subjectOf (input: NoticeEmailInput): string {
  const urgent = input.urgency === 'urgent' ? '[URGENT] ' : ''
  return `${urgent}${SUBJECT_PREFIX[input.event]}Removal notice ${input.referenceNumber}`
}

/** The first line of both bodies: what happened, in the words of the event. */
const EVENT_LINE: Record<NoticeEmailEvent, (platform: string) => string> = {
  issued: (p) => `A removal notice has been issued to ${p}. The letter follows in each of its languages.`,
  reupload: (p) => `An urgent removal notice has been issued to ${p} for material removed before and uploaded ` +
    'again; the letter cites the earlier notices.',
  clarified: () => 'The authority has clarified this notice; its deadline runs again from the clarification.',
  withdrawn: () => 'The authority has withdrawn this notice: no further action is required.',
  escalated: () => 'The authority has escalated this notice to an order restricting access in the country.'
}

const SUMMARY_LABEL: Record<NoticeEmailEvent, string> = {
  issued: 'Note', reupload: 'Note', clarified: 'Clarification', withdrawn: 'Reason', escalated: 'Note'
}

/** Language names in their own language, to head each letter. */
const LANGUAGE_NAMES: Record<NoticeLang, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' }

interface Preface {
  title: string
  lines: Array<{ label?: string, text: string }>
  responseUrl: string | null
}

function prefaceOf (input: NoticeEmailInput, responseUrl: string | null): Preface {
  const platform = headerText(input.platform.name) || input.platform.slug
  const lines: Preface['lines'] = [{ text: EVENT_LINE[input.event](platform) }]
  const summary = input.summary === undefined ? '' : bodyText(input.summary).trim()
  if (summary !== '') {
    const short = summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY)}…` : summary
    lines.push({ label: SUMMARY_LABEL[input.event], text: short })
  }
  const pdfs = input.letters.map((l) => attachmentName(input, l.lang)).join(', ')
  lines.push({
    text: `Attached: the letter as PDF (${pdfs}) and the signed notice (${input.referenceNumber}.jws, a compact JWS ` +
      'to check with the issuer\'s published keys).'
  })
  return { title: `${subjectOf(input)} to ${platform}`, lines, responseUrl }
}

const attachmentName = (input: NoticeEmailInput, lang: NoticeLang): string => `${input.referenceNumber}.${lang}.pdf`

const SEPARATOR = '='.repeat(72)

/** All letters in one text body, the first language first, each headed by its language and set off by a rule. */
function textBody (preface: Preface, letters: NoticeLetter[]): string {
  const head = [
    preface.title,
    '',
    ...preface.lines.map((l) => l.label === undefined ? l.text : `${l.label}: ${l.text}`),
    ...(preface.responseUrl === null ? [] : ['', `Respond to this notice: ${preface.responseUrl}`])
  ]
  const parts = letters.map((l) => `${SEPARATOR}\n${LANGUAGE_NAMES[l.lang]} (${l.lang})\n${SEPARATOR}\n\n` +
    bodyText(l.text).trimEnd())
  return `${[head.join('\n'), ...parts].join('\n\n')}\n`
}

/**
 * All letters in one HTML body. Each HTML letter is a complete document of the renderer's; a mail client shows
 * one document, so the first letter's head (its styles) is kept and every letter's body goes in, in order, each
 * in an element naming its language. The letters escape their own values; what this adds is escaped here.
 */
function htmlBody (preface: Preface, letters: NoticeLetter[]): string {
  const head = /<head>([\s\S]*?)<\/head>/i.exec(letters[0].html)?.[1] ?? '<meta charset="utf-8">'
  const lines = preface.lines.map((l) => {
    const label = l.label === undefined ? '' : `<strong>${escapeHtml(l.label)}:</strong> `
    return `<p>${label}${escapeHtml(l.text)}</p>`
  })
  const link = preface.responseUrl === null
    ? []
    : [`<p><a href="${escapeHtml(preface.responseUrl)}">Respond to this notice</a></p>`]
  const sections = letters.map((l) => `<hr>\n<section lang="${l.lang}">\n${bodyOf(l)}\n</section>`)
  return `<!DOCTYPE html>\n<html lang="${letters[0].lang}">\n<head>${head}</head>\n<body>\n` +
    `<main>\n<h1>${escapeHtml(preface.title)}</h1>\n${[...lines, ...link].join('\n')}\n</main>\n` +
    `${sections.join('\n')}\n</body>\n</html>\n`
}

function bodyOf (letter: NoticeLetter): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(letter.html)
  if (body === null) throw new EmailInputError(`letters: the ${letter.lang} HTML letter is not a complete document`)
  return body[1].trim()
}

/** Headers a mail filter can route by, and, for an urgent notice, the priority headers clients show. */
function headersOf (input: NoticeEmailInput): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Takedown-Reference': input.referenceNumber,
    'X-Takedown-Platform': input.platform.slug,
    'X-Takedown-Urgency': input.urgency,
    'X-Takedown-Event': input.event,
    'X-Takedown-Languages': input.letters.map((l) => l.lang).join(', '),
    // RFC 3834: sent by a program, so that vacation replies and other automatic answers stay away.
    'Auto-Submitted': 'auto-generated'
  }
  if (input.urgency === 'urgent') Object.assign(headers, { Priority: 'urgent', Importance: 'high', 'X-Priority': '1' })
  return headers
}

/** The notice as an e-mail; an EmailInputError when a caller value cannot go into one. */
export function composeNoticeEmail (input: NoticeEmailInput): EmailMessage {
  checkInput(input)
  const responseUrl = responseUrlOf(input.responseUrl)
  const domain = input.from.address.slice(input.from.address.lastIndexOf('@') + 1)
  const first = noticeMessageId(input.referenceNumber, domain)
  const messageId = FIRST_MESSAGES.has(input.event)
    ? first
    : noticeMessageId(input.referenceNumber, domain, { event: input.event, id: input.eventId! })
  const preface = prefaceOf(input, responseUrl)
  const platformName = headerText(input.platform.name)
  const mail: EmailMessage['mail'] = {
    from: { name: headerText(input.from.name), address: input.from.address },
    to: input.to.map((address) => ({ name: platformName, address })),
    // The envelope is the checked list itself, never read back from the headers.
    envelope: { from: input.from.address, to: [...input.to] },
    subject: subjectOf(input),
    messageId,
    // A later message threads on the first: clients group the notice's messages under it.
    ...(messageId === first ? {} : { inReplyTo: first, references: first }),
    headers: headersOf(input),
    text: textBody(preface, input.letters),
    html: htmlBody(preface, input.letters),
    attachments: [
      ...input.letters.map((l) => ({
        filename: attachmentName(input, l.lang), content: l.pdf, contentType: 'application/pdf'
      })),
      { filename: `${input.referenceNumber}.jws`, content: input.jws, contentType: 'application/jose' }
    ],
    // Everything is in memory: no attachment may name a file or a URL for nodemailer to read.
    disableFileAccess: true,
    disableUrlAccess: true
  }
  return { mail, referenceNumber: input.referenceNumber, event: input.event, messageId }
}
