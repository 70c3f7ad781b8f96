// One webhook delivery attempt: a signed POST to an endpoint, and what came of it in a form the delivery worker can
// store and act on (done, retry, retry later, disable). It sends with node:http and node:https rather than undici:
// their `lookup` option is the connect-time hook where every resolved address is checked (address-guard.ts), and
// the request and its socket can be destroyed at any moment, which the limits below need; undici would need a
// custom connector for the same check, and fetch() follows redirects unless told otherwise.
//
// The limits hold whatever the receiver does: the whole attempt (name lookup, connection, TLS, the answer to its
// last byte) ends after `timeoutMs`, so a receiver that trickles its answer (slow loris) cannot hold a worker; at
// most `maxResponseBytes` of the answer are read before the socket is destroyed, and at most 1 KB is kept.
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { performance } from 'node:perf_hooks'
import { assertAllowedAddress, guardedLookup, type Resolver } from './address-guard.ts'

export const WEBHOOK_USER_AGENT = 'takedown-gateway-webhooks/1'
export const WEBHOOK_TIMEOUT_MS = 15_000
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024
/** The most of an answer kept with a delivery attempt, in UTF-8 bytes. */
export const WEBHOOK_EXCERPT_BYTES = 1024
/** Retry-After values are reported up to what a PostgreSQL integer holds; the retry schedule caps them lower. */
const MAX_RETRY_AFTER_SECONDS = 2 ** 31 - 1

export interface WebhookRequest {
  url: string
  /** The JSON text to send, exactly as it was signed. */
  body: string
  /** The signature headers (signWebhook) and any others; content-type, user-agent and content-length are ours. */
  headers: Record<string, string>
  timeoutMs?: number
  maxResponseBytes?: number
  /** Name to addresses; the system resolver by default. Tests map their names to chosen addresses. */
  resolver?: Resolver
  /** WEBHOOK_ALLOW_HTTP, a development setting: plain http:// endpoints are refused without it. */
  allowHttp?: boolean
  /** Development and tests only: loopback receivers may be reached (every other private range stays refused). */
  allowLoopback?: boolean
  /**
   * The connection pool. By default one keep-alive pool per scheme and loopback setting: a pooled connection was
   * checked when it connected, under the same setting. Tests pass one that counts the connections it makes.
   */
  agent?: http.Agent
}

export interface WebhookSuccess {
  ok: true
  status: number
  responseExcerpt: string
  durationMs: number
}

export interface WebhookFailure {
  ok: false
  /** The answer's status, when there was one. */
  status?: number
  /** Whether trying again later may succeed; false when the same attempt would be refused again. */
  retryable: boolean
  /** From Retry-After on 429 and 503: wait at least this long before the next attempt. */
  retryAfterSeconds?: number
  /** 410 Gone: the endpoint asked not to be called again. */
  disable?: true
  /** Nothing was sent: the URL or the address it resolved to is not one a delivery may reach. */
  refused?: true
  /** Short, for the delivery history: 'http 500', 'timeout', 'forbidden_address 10.0.0.1', ... */
  error: string
  responseExcerpt?: string
  durationMs: number
}

export type WebhookOutcome = WebhookSuccess | WebhookFailure

/** What stops an attempt before anything is sent; the same attempt would be refused again. */
class Refusal extends Error {}

const defaultAgents = new Map<string, http.Agent>()

function defaultAgent (protocol: string, allowLoopback: boolean): http.Agent {
  const key = `${protocol}${allowLoopback}`
  let agent = defaultAgents.get(key)
  if (agent === undefined) {
    agent = protocol === 'https:' ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true })
    defaultAgents.set(key, agent)
  }
  return agent
}

interface Target {
  url: URL
  /** The host to connect to, an IPv6 literal without its brackets. */
  hostname: string
}

/**
 * The URL, if it may be called: https (http only with the development setting), no credentials in it (the
 * signature authenticates the gateway; a password in a URL ends up in logs), and an IP literal checked here,
 * because Node connects to a literal without calling `lookup`.
 */
function targetOf (request: WebhookRequest): Target {
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    throw new Refusal('invalid_url')
  }
  if (url.protocol === 'http:' && request.allowHttp !== true) throw new Refusal('http_not_allowed: https only')
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Refusal('invalid_url: https only')
  if (url.username !== '' || url.password !== '') throw new Refusal('invalid_url: credentials in the URL')
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1')
  if (net.isIP(hostname) !== 0) {
    try {
      assertAllowedAddress(hostname, hostname, { allowLoopback: request.allowLoopback === true })
    } catch (error) {
      throw new Refusal((error as Error).message)
    }
  }
  return { url, hostname }
}

/** Sends one attempt; never throws: every way it can end is an outcome. */
export async function sendWebhook (request: WebhookRequest): Promise<WebhookOutcome> {
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  let target: Target
  try {
    target = targetOf(request)
  } catch (error) {
    return { ok: false, retryable: false, refused: true, error: (error as Refusal).message, durationMs: elapsed() }
  }
  const ended = await attempt(request, target)
  return { ...ended, durationMs: elapsed() } as WebhookOutcome
}

type Ended = Omit<WebhookSuccess, 'durationMs'> | Omit<WebhookFailure, 'durationMs'>

function attempt (request: WebhookRequest, { url, hostname }: Target): Promise<Ended> {
  const allowLoopback = request.allowLoopback === true
  const maxBytes = request.maxResponseBytes ?? WEBHOOK_MAX_RESPONSE_BYTES
  return new Promise<Ended>((resolve) => {
    let status: number | undefined
    let settled = false
    let req: http.ClientRequest | undefined
    const settle = (ended: Ended): void => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      req?.destroy() // a connection whose answer was not read to its end is not pooled again
      resolve(ended)
    }
    const deadline = setTimeout(() => settle({
      ok: false, ...(status === undefined ? {} : { status }), retryable: true, error: 'timeout'
    }), request.timeoutMs ?? WEBHOOK_TIMEOUT_MS)
    try {
      req = (url.protocol === 'https:' ? https : http).request({
        protocol: url.protocol,
        hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: url.pathname + url.search,
        method: 'POST',
        agent: request.agent ?? defaultAgent(url.protocol, allowLoopback),
        lookup: guardedLookup(request.resolver, { allowLoopback }),
        headers: {
          ...request.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(request.body)),
          'user-agent': WEBHOOK_USER_AGENT
        }
      })
    } catch (error) {
      // Node refuses a header value holding CR or LF (or other invalid characters) before sending anything
      settle({ ok: false, retryable: false, error: `invalid_request ${(error as NodeJS.ErrnoException).code}` })
      return
    }
    req.on('error', (error) => settle(networkFailure(error)))
    req.on('response', (res) => {
      status = res.statusCode ?? 0
      const chunks: Buffer[] = []
      let received = 0
      const finish = (): void => settle(outcomeOf(res, Buffer.concat(chunks)))
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk.subarray(0, Math.max(0, maxBytes - received)))
        received += chunk.length
        if (received >= maxBytes) finish() // enough read: the rest is not waited for
      })
      res.on('end', finish)
      res.on('error', (error) => settle(networkFailure(error)))
    })
    req.end(request.body)
  })
}

function outcomeOf (res: http.IncomingMessage, answer: Buffer): Ended {
  const status = res.statusCode ?? 0
  const responseExcerpt = excerptOf(answer)
  if (status >= 200 && status < 300) return { ok: true, status, responseExcerpt }
  const failure = { ok: false as const, status, responseExcerpt }
  if (status >= 300 && status < 400) return { ...failure, retryable: true, error: `redirect ${status} not followed` }
  if (status === 410) return { ...failure, retryable: false, disable: true, error: 'http 410 gone' }
  if (status === 429 || status === 503) {
    const retryAfterSeconds = parseRetryAfter(res.headers['retry-after'])
    const retryAfter = retryAfterSeconds === undefined ? {} : { retryAfterSeconds }
    return { ...failure, retryable: true, error: `http ${status}`, ...retryAfter }
  }
  // Every other answer is retried, 4xx included, as Standard Webhooks and Svix do: a 401 or 404 is as often a
  // receiver mid-deployment or mid-rotation as a lasting refusal, and an endpoint that keeps failing is disabled
  // after five days anyway (retry-schedule.ts).
  return { ...failure, retryable: true, error: `http ${status}` }
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connect timeout',
  ENOTFOUND: 'name not found',
  EAI_AGAIN: 'name lookup failed'
}

function networkFailure (error: NodeJS.ErrnoException): Omit<WebhookFailure, 'durationMs'> {
  // a refused address is refused again on every attempt, until the endpoint's URL or its DNS changes
  if (error.code === 'forbidden_address') return { ok: false, retryable: false, refused: true, error: error.message }
  const code = error.code ?? error.name
  const known = NETWORK_ERRORS[code]
  if (known !== undefined) return { ok: false, retryable: true, error: known }
  const tls = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO/.test(code)
  return { ok: false, retryable: true, error: tls ? `tls ${code}` : `network ${code}` }
}

/**
 * At most WEBHOOK_EXCERPT_BYTES of the answer as UTF-8 text, cut between characters, without NUL (which
 * PostgreSQL text cannot hold). Bytes that are not UTF-8 become U+FFFD.
 */
export function excerptOf (answer: Buffer): string {
  let end = Math.min(answer.length, WEBHOOK_EXCERPT_BYTES)
  while (end > 0 && end < answer.length && (answer[end] & 0xc0) === 0x80) end--
  let text = new TextDecoder().decode(answer.subarray(0, end)).replaceAll('\0', '')
  // a replacement character takes three bytes where the byte it replaces took one
  while (Buffer.byteLength(text) > WEBHOOK_EXCERPT_BYTES) text = text.slice(0, -1)
  return text
}

/**
 * Retry-After as seconds from now: delta-seconds, or an HTTP-date (a date already past is 0). Undefined when
 * absent or unreadable.
 */
export function parseRetryAfter (value: string | undefined, nowMs = Date.now()): number | undefined {
  const text = value?.trim() ?? ''
  if (/^\d+$/.test(text)) return Math.min(Number(text), MAX_RETRY_AFTER_SECONDS)
  // IMF-fixdate and RFC 850 name GMT; asctime does not, but means it too (Date.parse would read local time)
  const asctime = /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/.test(text)
  if (!asctime && !/ GMT$/.test(text)) return undefined
  const at = Date.parse(asctime ? `${text} GMT` : text)
  if (Number.isNaN(at)) return undefined
  return Math.min(Math.max(0, Math.ceil((at - nowMs) / 1000)), MAX_RETRY_AFTER_SECONDS)
}
