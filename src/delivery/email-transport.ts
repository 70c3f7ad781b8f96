// Sending a composed notice e-mail: over SMTP (SMTP_URL) with STARTTLS required and optional DKIM, or, without a
// relay, into DATA_DIR/outbox/ as .eml files, so that a fresh `npm start` shows what would have been sent. Every
// send answers an outcome the delivery worker can act on: accepted, or failed and whether a retry can help.
// docs/delivery.md, "E-mail", says which failures are retried and why.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type tls from 'node:tls'
import nodemailer, {
  type DKIMOptions, type NodemailerError, type SMTPPoolOptions, type SMTPSentMessageInfo, type StreamSentMessageInfo,
  type Transporter
} from 'nodemailer'
import type { EmailMessage } from './email.ts'

/** The configuration keys this reads (src/config.ts defines and documents them). */
export interface MailTransportSettings {
  SMTP_URL?: string
  /** 'false' lets a development relay without STARTTLS carry mail in the clear. */
  SMTP_REQUIRE_TLS: 'true' | 'false'
  SMTP_TIMEOUT_SECONDS: number
  DKIM_DOMAIN?: string
  DKIM_SELECTOR?: string
  DKIM_PRIVATE_KEY_FILE?: string
  DATA_DIR: string
}

export type MailTransport =
  | { kind: 'smtp', transporter: Transporter<SMTPSentMessageInfo>, close: () => void }
  | { kind: 'file', directory: string, transporter: Transporter<StreamSentMessageInfo>, close: () => void }

export type EmailOutcome =
  | {
    status: 'accepted'
    /** The relay's final answer (`250 ...`), or where the file transport wrote the message. */
    response: string
    messageId: string
    accepted: string[]
    /** Recipients the relay refused while it took the message for the others. */
    rejected: string[]
    /** The .eml file written, with the file transport. */
    path?: string
  }
  | {
    status: 'failed'
    retryable: boolean
    /** nodemailer's error code (ECONNECTION, ETIMEDOUT, ETLS, EENVELOPE, EMESSAGE, ...), when it gave one. */
    code: string | null
    /** The SMTP reply code, when the relay answered. */
    responseCode: number | null
    /** The relay's answer, or the error's message, at most 1 KB. */
    response: string
  }

/** The most of a relay's answer kept with an outcome. */
export const RESPONSE_LIMIT_BYTES = 1024
/** An idle connection waits this long for the relay (a large message's DATA may be scanned before its 250). */
const SOCKET_TIMEOUT_MS = 60_000

/**
 * The SMTP relay from SMTP_URL, or the file transport when it is unset. Throws on a URL of another scheme and on a
 * DKIM setting given without the other two, so that a bad setting stops the start rather than the first send.
 * `tls` adds TLS options (a private CA's certificate, say) to the relay's connection.
 */
export async function createMailTransport (
  settings: MailTransportSettings, options: { tls?: tls.ConnectionOptions } = {}
): Promise<MailTransport> {
  const dkim = await dkimOf(settings)
  if (settings.SMTP_URL === undefined) {
    const directory = path.join(settings.DATA_DIR, 'outbox')
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows', dkim })
    return { kind: 'file', directory, transporter, close: () => transporter.close() }
  }
  const transporter = nodemailer.createTransport(smtpOptions(settings, dkim, options.tls))
  return { kind: 'smtp', transporter, close: () => transporter.close() }
}

function smtpOptions (
  settings: MailTransportSettings, dkim: DKIMOptions | undefined, extraTls: tls.ConnectionOptions | undefined
): SMTPPoolOptions & { pool: true } {
  let url: URL
  try {
    url = new URL(settings.SMTP_URL!)
  } catch {
    throw new Error('SMTP_URL is not a URL')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must be smtp:// or smtps://')
  const secure = url.protocol === 'smtps:'
  const timeout = settings.SMTP_TIMEOUT_SECONDS * 1000
  return {
    // A few connections kept open: one TLS handshake serves many notices.
    pool: true,
    maxConnections: 2,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
    secure,
    // STARTTLS or no mail: notices name material and people; a relay that does not offer it is refused.
    requireTLS: !secure && settings.SMTP_REQUIRE_TLS !== 'false',
    auth: url.username === ''
      ? undefined
      : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: Math.max(timeout, SOCKET_TIMEOUT_MS),
    tls: { minVersion: 'TLSv1.2', ...extraTls },
    dkim
  }
}

async function dkimOf (settings: MailTransportSettings): Promise<DKIMOptions | undefined> {
  const given = [settings.DKIM_DOMAIN, settings.DKIM_SELECTOR, settings.DKIM_PRIVATE_KEY_FILE]
  if (given.every((value) => value === undefined)) return undefined
  if (given.some((value) => value === undefined)) {
    throw new Error('DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY_FILE are set together or not at all')
  }
  const privateKey = await fs.readFile(settings.DKIM_PRIVATE_KEY_FILE!, 'utf8')
  crypto.createPrivateKey(privateKey) // a key that cannot sign stops the start here
  return { domainName: settings.DKIM_DOMAIN!, keySelector: settings.DKIM_SELECTOR!, privateKey }
}

/** Sends one message; never throws for a failed send, whose outcome says whether to try again. */
export async function sendEmail (transport: MailTransport, message: EmailMessage): Promise<EmailOutcome> {
  if (transport.kind === 'file') return writeEmail(transport, message)
  try {
    const info = await transport.transporter.sendMail(message.mail)
    return {
      status: 'accepted',
      response: truncate(String(info.response)),
      messageId: info.messageId,
      accepted: info.accepted.map(String),
      rejected: info.rejected.map(String)
    }
  } catch (error) {
    return failureOf(error as NodemailerError)
  }
}

/**
 * Whether a failed send may succeed later. The relay's word decides when it answered: 4xx is "not now", 5xx "not
 * this message". Without an answer (refused connection, timeout, a dropped line) the relay was not reached, which
 * passes. A relay that does not take STARTTLS is retried too: a network in between may have stripped it, and
 * fixing the relay should not lose the notices sent meanwhile; the history shows ETLS until it is fixed.
 */
function isRetryable (error: NodemailerError): boolean {
  if (error.code === 'ETLS') return true
  if (typeof error.responseCode === 'number' && error.responseCode >= 400) return error.responseCode < 500
  return !PERMANENT_CODES.has(error.code ?? '')
}

/** Failures without a relay's answer that the same message would meet again. */
const PERMANENT_CODES = new Set(['EENVELOPE', 'ECONFIG', 'EMESSAGE', 'ENOAUTH', 'EFILEACCESS', 'EURLACCESS'])

function failureOf (error: NodemailerError): EmailOutcome {
  const responseCode = typeof error.responseCode === 'number' ? error.responseCode : null
  return {
    status: 'failed',
    retryable: isRetryable(error),
    code: typeof error.code === 'string' ? error.code : null,
    responseCode,
    response: truncate(error.response ?? error.message)
  }
}

/** At most RESPONSE_LIMIT_BYTES of UTF-8, cut at a character's boundary. */
export function truncate (text: string): string {
  const bytes = Buffer.from(text)
  if (bytes.length <= RESPONSE_LIMIT_BYTES) return text
  let end = RESPONSE_LIMIT_BYTES
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--
  return bytes.subarray(0, end).toString('utf8')
}

/**
 * The file transport: the message as the relay would have received it, written to a temporary name and renamed,
 * so that a reader of the outbox never sees half a message. Named by time, notice and event, and a digest of the
 * Message-ID so that two events of one notice in the same second keep a file each.
 */
async function writeEmail (
  transport: Extract<MailTransport, { kind: 'file' }>, message: EmailMessage
): Promise<EmailOutcome> {
  try {
    const info = await transport.transporter.sendMail(message.mail)
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    const digest = crypto.createHash('sha256').update(message.messageId).digest('hex').slice(0, 8)
    const name = `${stamp}-${message.referenceNumber}-${message.event}-${digest}.eml`
    await fs.mkdir(transport.directory, { recursive: true })
    const file = path.join(transport.directory, name)
    const temporary = path.join(transport.directory, `.${name}.${process.pid}.tmp`)
    await fs.writeFile(temporary, info.message as Buffer)
    await fs.rename(temporary, file)
    const recipients = message.mail.envelope as { to: string[] }
    return {
      status: 'accepted',
      response: `written to ${file}`,
      messageId: info.messageId,
      accepted: recipients.to,
      rejected: [],
      path: file
    }
  } catch (error) {
    // A full or read-only disk: worth another try once an operator has seen the log.
    const failure = error as NodeJS.ErrnoException
    const response = truncate(failure.message)
    return { status: 'failed', retryable: true, code: failure.code ?? null, responseCode: null, response }
  }
}
