// Deliveries under faults, against live gateway processes and receivers on loopback only:
// - webhook receiver faults: a receiver down, then answering 500, then too slow (20 s; the gateway gives up at 15 s),
//   then 429 with a Retry-After longer than the schedule's wait; afterwards every event is delivered, verified with
//   the standardwebhooks library, in order per notice, none lost (each notice's events read back from the API), and
//   every repeat carries its delivery's webhook-id. The schedule's waits of 5 min and more are brought due by the
//   authority's redelivery (the short version also the 5 min one), so the figures say which steps were compressed;
// - kill -9 of the gateway while a slow receiver has deliveries in flight, under a steady stream of transitions:
//   every event delivered at least once, in order, repeats under the same webhook-id (DELIVERY_LEASE_SECONDS=5 so
//   that what the killed process held comes back in seconds, not a minute);
// - SMTP faults with a real SMTP server on loopback: 451 (retried), the server down (retried), 550 (failed, the
//   reply shown in the history; a redelivery then sends it), the same outcomes as webhooks;
// - SSRF refusals: forbidden IP literals refused when the endpoint is created, a name that resolves to loopback
//   (`localhost`, from the hosts file) refused at connect time and shown in the history, a redirect not followed;
//   listeners on the addresses concerned prove that no connection was attempted. Names that resolve to private
//   addresses, and the other ranges, are tested in-process with a resolver of the test's own
//   (test/routes/deliveries.test.ts, test/delivery/webhook.test.ts): the gateway has no setting that rewrites name
//   resolution, and should not have one, so a live process is only ever pointed at loopback.
import http from 'node:http'
import net from 'node:net'
import pg from 'pg'
import { SMTPServer } from 'smtp-server'
import { Webhook } from 'standardwebhooks'
import { Gateway, api, createClient, failureOf, sleep, waitFor } from '../harness.ts'
import type { Scenario } from '../scenario.ts'
import { freePort } from '../../../scripts/free-port.ts'

// ---------------------------------------------------------------------------------------------------------------
// What the scenarios read back from the API

interface Attempt { attempt: number, at: string, outcome: string, statusCode: number | null, error: string | null, response: string | null }
interface Delivery { id: string, channel: string, eventType: string, status: string, attempts: Attempt[], nextAttemptAt: string | null }
interface NoticeEvent { version: number, action: string | null, type: string, to: string }

async function json<T> (res: Response, what: string, status = 200): Promise<T> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${(await res.text()).slice(0, 300)}`)
  return await res.json() as T
}

const historyOf = async (base: string, key: string, id: string): Promise<Delivery[]> =>
  (await json<{ data: Delivery[] }>(await api(base, key, 'GET', `/v1/notices/${id}/deliveries`), `deliveries of ${id}`)).data

const eventsOf = async (base: string, key: string, id: string): Promise<NoticeEvent[]> =>
  (await json<{ data: NoticeEvent[] }>(await api(base, key, 'GET', `/v1/notices/${id}/events`), `events of ${id}`)).data
    .sort((a, b) => a.version - b.version)

/** Issues one report of one item on `platform`: answers its notice's id. */
async function issue (base: string, key: string, ref: string, url: string): Promise<string> {
  const res = await api(base, key, 'POST', '/v1/reports', {
    externalRef: ref,
    category: 'terrorism',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'The material calls for violence against civilians.',
    urgency: 'normal',
    items: [{ url, contentType: 'text' }]
  })
  return (await json<{ notices: Array<{ id: string }> }>(res, `report ${ref}`, 201)).notices[0].id
}

/** One step of a notice's lifecycle, under its current ETag. */
async function transition (base: string, key: string, id: string, body: Record<string, unknown>): Promise<void> {
  const read = await api(base, key, 'GET', `/v1/notices/${id}`)
  await read.arrayBuffer()
  const res = await api(base, key, 'POST', `/v1/notices/${id}/transitions`, body, { 'if-match': read.headers.get('etag') ?? '' })
  await json(res, `${String(body.action)} ${id}`)
}

/**
 * Brings due at once, by the authority's redelivery, the deliveries of these notices that wait for a later attempt
 * further off than `beyondMs` (the schedule's minutes and hours). Answers how many.
 */
async function redeliverPending (base: string, authority: string, auditor: string, ids: string[], channel: string, beyondMs = 2_000): Promise<number> {
  let n = 0
  for (const id of ids) {
    for (const d of await historyOf(base, auditor, id)) {
      if (d.channel !== channel || d.status !== 'pending' || d.nextAttemptAt === null) continue
      if (Date.parse(d.nextAttemptAt) - Date.now() <= beyondMs) continue
      await json(await api(base, authority, 'POST', `/v1/deliveries/${d.id}/redeliver`), `redeliver ${d.id}`, 202)
      n++
    }
  }
  return n
}

/** The first still-pending delivery of each notice on `channel`: the one a receiver's fault holds back. */
const headOf = (history: Delivery[], channel: string): Delivery | undefined =>
  history.find((d) => d.channel === channel && d.status === 'pending')

/**
 * Waits until the head delivery of every notice on `channel` has an attempt since `since` that `matches`
 * (a notice whose deliveries on the channel are all settled counts too). Answers the matching attempts seen.
 */
async function waitEachHead (what: string, ms: number, base: string, auditor: string, ids: string[], channel: string, since: number, matches: (a: Attempt) => boolean): Promise<number> {
  let seen = 0
  await waitFor(what, ms, async () => {
    seen = 0
    let all = true
    for (const id of ids) {
      const history = await historyOf(base, auditor, id)
      const fresh = history.filter((d) => d.channel === channel).flatMap((d) => d.attempts)
        .filter((a) => Date.parse(a.at) >= since - 1_000 && matches(a)).length
      seen += fresh
      const head = headOf(history, channel)
      if (head !== undefined && !head.attempts.some((a) => Date.parse(a.at) >= since - 1_000 && matches(a))) all = false
    }
    return all
  }, 250)
  return seen
}

/** Waits until every delivery on `channel` of every notice is settled (not pending); answers the ms it took. */
async function waitSettled (what: string, ms: number, base: string, auditor: string, ids: string[], channel: string): Promise<number> {
  const started = Date.now()
  await waitFor(what, ms, async () => {
    for (const id of ids) {
      if ((await historyOf(base, auditor, id)).some((d) => d.channel === channel && d.status === 'pending')) return false
    }
    return true
  }, 250)
  return Date.now() - started
}

// ---------------------------------------------------------------------------------------------------------------
// A webhook receiver on loopback, whose faults the scenario switches

interface Receipt {
  webhookId: string
  noticeId: string
  version: number
  type: string
  verified: boolean
  /** The receiver answered 2xx (on time or not: the gateway may have given up before). */
  answered2xx: boolean
  at: number
}

type Mode = { kind: 'ok', delayMs?: () => number } | { kind: 'status', status: number, headers?: Record<string, string> } | { kind: 'slow', ms: number }

class Receiver {
  readonly receipts: Receipt[] = []
  mode: Mode = { kind: 'ok' }
  secret = ''
  inFlight = 0
  private server: http.Server | null = null
  private readonly timers = new Set<NodeJS.Timeout>()

  private constructor (readonly port: number) {}

  static async create (): Promise<Receiver> { return new Receiver(await freePort()) }

  get url (): string { return `http://127.0.0.1:${this.port}/hook` }

  /** Listens on its port (the same one each time). */
  async up (): Promise<void> {
    if (this.server !== null) return
    const server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
  }

  /** Port closed: connections are refused, and those open are cut. */
  async down (): Promise<void> {
    const server = this.server
    if (server === null) return
    this.server = null
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  async close (): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    await this.down()
  }

  private handle (req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = []
    this.inFlight++
    let counted = true
    const done = (): void => { if (counted) { counted = false; this.inFlight-- } }
    res.on('close', done)
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature'])
      }
      let verified = false
      let payload: { type?: string, data?: { notice?: { id?: string, version?: number } } } = {}
      try {
        payload = new Webhook(this.secret).verify(body, headers) as typeof payload
        verified = true
      } catch {
        try { payload = JSON.parse(body) as typeof payload } catch {}
      }
      const receipt: Receipt = {
        webhookId: headers['webhook-id'],
        noticeId: payload.data?.notice?.id ?? '',
        version: payload.data?.notice?.version ?? -1,
        type: payload.type ?? '',
        verified,
        answered2xx: false,
        at: Date.now()
      }
      this.receipts.push(receipt)
      const mode = this.mode
      const answer = (status: number, headers: Record<string, string> = {}): void => {
        if (res.destroyed || res.writableEnded) return
        if (status < 300) receipt.answered2xx = true
        res.writeHead(status, headers).end(status < 300 ? 'ok' : 'not now')
      }
      const later = (ms: number, then: () => void): void => {
        const timer = setTimeout(() => { this.timers.delete(timer); then() }, ms)
        this.timers.add(timer)
      }
      if (mode.kind === 'status') answer(mode.status, mode.headers)
      else if (mode.kind === 'slow') later(mode.ms, () => answer(200))
      else if (mode.delayMs !== undefined) later(mode.delayMs(), () => answer(200))
      else answer(200)
    })
  }
}

interface WebhookCheck {
  events: number
  delivered: number
  /** Events with no delivered webhook delivery, or never received by the receiver. */
  lost: string[]
  outOfOrder: string[]
  unverified: number
  /** Events received under more than one webhook-id, or under another id than their delivery's. */
  idMismatch: string[]
  receipts: number
  repeats: number
}

/**
 * Every event of every notice (read back from the API) against what the receiver got: delivered, verified, first
 * received in the events' order, every receipt of one event under one webhook-id, its delivery's.
 */
async function checkWebhooks (base: string, auditor: string, ids: string[], receiver: Receiver): Promise<WebhookCheck> {
  const check: WebhookCheck = { events: 0, delivered: 0, lost: [], outOfOrder: [], unverified: 0, idMismatch: [], receipts: 0, repeats: 0 }
  const mine = new Set(ids)
  const receipts = receiver.receipts.filter((r) => mine.has(r.noticeId))
  check.receipts = receipts.length
  check.unverified = receiver.receipts.filter((r) => !r.verified).length
  check.repeats = receipts.length - new Set(receipts.map((r) => r.webhookId)).size
  for (const id of ids) {
    const events = await eventsOf(base, auditor, id)
    const webhooks = (await historyOf(base, auditor, id)).filter((d) => d.channel === 'webhook')
    const got = receipts.filter((r) => r.noticeId === id)
    check.events += events.length
    for (const event of events) {
      const ofEvent = got.filter((r) => r.version === event.version)
      const ids = new Set(ofEvent.map((r) => r.webhookId))
      const delivery = webhooks.find((d) => ids.has(d.id))
      if (ofEvent.length === 0 || delivery === undefined || delivery.status !== 'delivered') {
        check.lost.push(`${id} v${event.version} (${event.action ?? 'create'}): ${ofEvent.length} received, delivery ${delivery?.status ?? 'none'}`)
        continue
      }
      check.delivered++
      if (ids.size !== 1) check.idMismatch.push(`${id} v${event.version}: ${ids.size} webhook-ids`)
    }
    // The order in which each event was first received: the versions, rising.
    const firstSeen: number[] = []
    for (const r of got) if (!firstSeen.includes(r.version)) firstSeen.push(r.version)
    if (firstSeen.some((v, i) => i > 0 && v < firstSeen[i - 1])) check.outOfOrder.push(`${id}: first received ${firstSeen.join(', ')}`)
  }
  return check
}

function webhookFailures (c: WebhookCheck): string[] {
  const failures: string[] = []
  if (c.events === 0) failures.push('no events to deliver')
  if (c.lost.length > 0) failures.push(`${c.lost.length} events not delivered: ${c.lost.slice(0, 3).join('; ')}`)
  if (c.outOfOrder.length > 0) failures.push(`${c.outOfOrder.length} notices' events received out of order: ${c.outOfOrder.slice(0, 3).join('; ')}`)
  if (c.unverified > 0) failures.push(`${c.unverified} deliveries did not verify with the endpoint's secret`)
  if (c.idMismatch.length > 0) failures.push(`repeats under another webhook-id: ${c.idMismatch.slice(0, 3).join('; ')}`)
  return failures
}

const webhookFigure = (c: WebhookCheck): string =>
  `${c.delivered} of ${c.events} delivered and received; lost ${c.lost.length}, out of order ${c.outOfOrder.length}, unverified ${c.unverified}, other webhook-id ${c.idMismatch.length}`

async function webhookEndpoint (base: string, liaison: string, receiver: Receiver): Promise<void> {
  const created = await json<{ secret: string }>(await api(base, liaison, 'POST', '/v1/webhook-endpoints', { url: receiver.url, eventTypes: ['*'] }), 'endpoint', 201)
  receiver.secret = created.secret
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Webhook receiver faults

const SLOW_MS = 20_000
/** Longer than the schedule's wait after attempt 4 (2 h plus 10 %), so that honouring it shows in the history. */
const RETRY_AFTER_S = 3 * 3600

export const webhookFaults: Scenario = {
  name: 'webhook receiver down, 500, slow, 429',
  async run (cluster, { short }) {
    const notices = short ? 6 : 20
    const url = await cluster.createDatabase('chaos_webhook_faults')
    const gateway = await Gateway.start(url, { WEBHOOK_ALLOW_HTTP: 'true' })
    const receiver = await Receiver.create()
    const failures: string[] = []
    const attempts: Record<string, number> = {}
    const compressed: string[] = []
    let recoverMs = -1
    let retryAfterHonoured = 0
    let retryAfterChecked = 0
    let check: WebhookCheck | null = null
    const ids: string[] = []
    try {
      const authority = (await createClient(gateway.base, 'authority')).apiKey
      const auditor = (await createClient(gateway.base, 'auditor')).apiKey
      const liaison = (await createClient(gateway.base, 'liaison', 'chaos liaison', 'telegram')).apiKey
      await webhookEndpoint(gateway.base, liaison, receiver)
      // Down: the port is closed while the notices are issued and the liaison takes two steps on each, so each
      // notice's creation waits at the head of its queue with three later events behind it.
      const downSince = Date.now()
      for (let n = 0; n < notices; n++) ids.push(await issue(gateway.base, authority, `CHAOS-WH-${n}`, `https://t.me/chaos_webhook/${n + 1}`))
      for (const id of ids) {
        await transition(gateway.base, liaison, id, { action: 'acknowledge' })
        await transition(gateway.base, liaison, id, { action: 'remove' })
      }
      const phase = async (name: string, mode: Mode, matches: (a: Attempt) => boolean, ms: number): Promise<void> => {
        const since = Date.now()
        receiver.mode = mode
        await receiver.up()
        await waitEachHead(`${name}: an attempt of every notice's head delivery`, ms, gateway.base, auditor, ids, 'webhook', since, matches)
      }
      // Attempt 1 at once and attempt 2 after 5 s, both refused (the full version keeps the port closed 2 min).
      await waitEachHead('down: attempt 2 of every notice\'s head delivery', 30_000, gateway.base, auditor, ids, 'webhook', downSince,
        (a) => a.attempt >= 2 && /refused/.test(a.error ?? ''))
      if (!short) await sleep(Math.max(0, 120_000 - (Date.now() - downSince)))
      // 500: attempt 3 is due 5 min after attempt 2. The full version waits for it; the short one redelivers.
      receiver.mode = { kind: 'status', status: 500 }
      await receiver.up()
      if (short) {
        compressed.push(`5 min x${await redeliverPending(gateway.base, authority, auditor, ids, 'webhook')}`)
      }
      await phase('500', { kind: 'status', status: 500 }, (a) => a.statusCode === 500, short ? 30_000 : 8 * 60_000)
      // 20 s to answer: the gateway gives up at 15 s. Attempt 4 (30 min later) brought due.
      receiver.mode = { kind: 'slow', ms: SLOW_MS }
      compressed.push(`30 min x${await redeliverPending(gateway.base, authority, auditor, ids, 'webhook')}`)
      await phase('slow (20 s; timeout at 15 s)', { kind: 'slow', ms: SLOW_MS }, (a) => /timeout|timed out/i.test(a.error ?? ''), short ? 60_000 : 120_000)
      // 429 with a Retry-After of 3 h, longer than the 2 h the schedule would wait: the next attempt must be later.
      const tooMany: Mode = { kind: 'status', status: 429, headers: { 'retry-after': String(RETRY_AFTER_S) } }
      receiver.mode = tooMany
      compressed.push(`2 h x${await redeliverPending(gateway.base, authority, auditor, ids, 'webhook')}`)
      await phase('429 Retry-After 3 h', tooMany, (a) => a.statusCode === 429, 30_000)
      for (const id of ids) {
        const head = headOf(await historyOf(gateway.base, auditor, id), 'webhook')
        const last = head?.attempts.at(-1)
        if (head === undefined || last?.statusCode !== 429 || head.nextAttemptAt === null) continue
        retryAfterChecked++
        if (Date.parse(head.nextAttemptAt) - Date.parse(last.at) >= RETRY_AFTER_S * 1000 - 5_000) retryAfterHonoured++
      }
      // Healthy again: what the 429 put 3 h off is brought due, and everything must go out.
      receiver.mode = { kind: 'ok' }
      const healthyAt = Date.now()
      compressed.push(`Retry-After 3 h x${await redeliverPending(gateway.base, authority, auditor, ids, 'webhook')}`)
      await waitSettled('every webhook delivery settled after the receiver recovered', 60_000, gateway.base, auditor, ids, 'webhook')
      recoverMs = Date.now() - healthyAt
      check = await checkWebhooks(gateway.base, auditor, ids, receiver)
      for (const id of ids) {
        for (const d of await historyOf(gateway.base, auditor, id)) {
          for (const a of d.channel === 'webhook' ? d.attempts : []) {
            const kind = a.outcome === 'delivered' ? 'delivered' : a.statusCode !== null ? String(a.statusCode) : (a.error ?? a.outcome)
            attempts[kind] = (attempts[kind] ?? 0) + 1
          }
        }
      }
    } catch (error) {
      failures.push(failureOf(error))
    } finally {
      await receiver.close()
      await gateway.stop()
    }
    const figures = {
      'notices / events per notice (created, deliver, acknowledge, remove)': `${notices} / 4`,
      'webhook attempts by outcome': attempts,
      'waits brought due by redelivery (the schedule kept the 5 s step)': compressed.join(', '),
      'Retry-After 3 h honoured (next attempt >= 3 h later) / checked': `${retryAfterHonoured} / ${retryAfterChecked}`,
      'after the receiver recovered: all delivered within, ms': recoverMs,
      events: check === null ? 'not checked' : webhookFigure(check),
      'receipts / repeats (same webhook-id)': check === null ? '-' : `${check.receipts} / ${check.repeats}`
    }
    if (check !== null) failures.push(...webhookFailures(check))
    if (check !== null && check.repeats === 0) failures.push('no repeat was seen (the slow and refused attempts should have been repeated)')
    if (retryAfterChecked === 0 || retryAfterHonoured < retryAfterChecked) failures.push(`Retry-After honoured on ${retryAfterHonoured} of ${retryAfterChecked} deliveries`)
    return { figures, failures }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. kill -9 in the middle of deliveries

const LEASE_SECONDS = 5
/** Between one notice's last step and the next notice: a steady stream the receiver keeps up with. */
const STREAM_PAUSE_MS = 300

export const deliveryKill9: Scenario = {
  name: 'kill -9 mid-delivery',
  async run (cluster, { short }) {
    const kills = short ? 2 : 5
    const url = await cluster.createDatabase('chaos_delivery_kill9')
    const gateway = await Gateway.start(url, { WEBHOOK_ALLOW_HTTP: 'true', DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS) })
    const receiver = await Receiver.create()
    receiver.mode = { kind: 'ok', delayMs: () => 200 + Math.floor(Math.random() * 300) }
    await receiver.up()
    const failures: string[] = []
    const inFlightAtKill: number[] = []
    let recoverMs = -1
    let check: WebhookCheck | null = null
    let ids: string[] = []
    let stop = false
    let streamErrors = 0
    let streamErrorSample = ''
    let issued = 0
    try {
      const authority = (await createClient(gateway.base, 'authority')).apiKey
      const auditor = (await createClient(gateway.base, 'auditor')).apiKey
      const liaison = (await createClient(gateway.base, 'liaison', 'chaos liaison', 'telegram')).apiKey
      await webhookEndpoint(gateway.base, liaison, receiver)
      // The stream: each writer issues a notice, then the liaison acknowledges it and reports it removed. A step
      // that fails (the gateway is down) is left; what committed is read back from the database at the end.
      const writer = async (w: number): Promise<void> => {
        // eslint-disable-next-line no-unmodified-loop-condition -- set when the stream ends
        for (let n = 0; !stop; n++) {
          try {
            const id = await issue(gateway.base, authority, `CHAOS-DK-${w}-${n}`, `https://t.me/chaos_kill/${w * 100_000 + n + 1}`)
            issued++
            await transition(gateway.base, liaison, id, { action: 'acknowledge' })
            await transition(gateway.base, liaison, id, { action: 'remove' })
            await sleep(STREAM_PAUSE_MS)
          } catch (error) {
            if (streamErrors++ === 0) streamErrorSample = (error as Error).message.slice(0, 160)
            await sleep(200)
          }
        }
      }
      const writers = [writer(0)]
      let lastRestart = Date.now()
      for (let k = 0; k < kills; k++) {
        const before = receiver.receipts.length
        await waitFor(`10 receipts before kill ${k + 1}`, 60_000, () => receiver.receipts.length >= before + 10)
        await waitFor(`deliveries in flight before kill ${k + 1}`, 15_000, () => receiver.inFlight >= 2, 5).catch(() => {})
        inFlightAtKill.push(receiver.inFlight)
        await gateway.kill9()
        await gateway.launch()
        lastRestart = Date.now()
      }
      await sleep(2_000)
      stop = true
      await Promise.all(writers)
      const db = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, query_timeout: 30_000 })
      await db.connect()
      try {
        ids = (await db.query<{ id: string }>("select id::text from notices where platform = 'telegram' order by issued_at")).rows.map((r) => r.id)
      } finally {
        await db.end()
      }
      await waitSettled('every webhook delivery settled after the last restart', 120_000, gateway.base, auditor, ids, 'webhook')
      recoverMs = Date.now() - lastRestart
      check = await checkWebhooks(gateway.base, auditor, ids, receiver)
    } catch (error) {
      failures.push(failureOf(error))
    } finally {
      stop = true
      await receiver.close()
      await gateway.stop()
    }
    const figures = {
      'kills / lease (DELIVERY_LEASE_SECONDS)': `${kills} / ${LEASE_SECONDS} s`,
      'deliveries in flight at the receiver at each kill': inFlightAtKill,
      'notices (issued answers received) / stream steps that failed (the first)': `${ids.length} (${issued}) / ${streamErrors} (${streamErrorSample})`,
      'from the last restart to every delivery settled, ms': recoverMs,
      events: check === null ? 'not checked' : webhookFigure(check),
      'receipts / repeats (same webhook-id)': check === null ? '-' : `${check.receipts} / ${check.repeats}`
    }
    if (check !== null) failures.push(...webhookFailures(check))
    if (inFlightAtKill.every((n) => n === 0)) failures.push('no kill found a delivery in flight')
    if (gateway.unexpectedExits > 0) failures.push(`${gateway.unexpectedExits} unexpected exits of the gateway`)
    return { figures, failures }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 3. SMTP faults

interface Mail { messageId: string, reference: string, event: string, at: number }

/** A real SMTP server on loopback (smtp-server), on one port it can leave and take again, answering as told. */
class Relay {
  readonly received: Mail[] = []
  /** How DATA is answered for a message of this reference: null accepts. */
  answer: (reference: string) => { code: number, text: string } | null = () => null
  private server: SMTPServer | null = null

  private constructor (readonly port: number) {}
  static async create (): Promise<Relay> { return new Relay(await freePort()) }

  async up (): Promise<void> {
    if (this.server !== null) return
    const server = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      logger: false,
      closeTimeout: 100,
      // A development relay on the same machine: no STARTTLS (SMTP_REQUIRE_TLS=false), as the e-mail tests do.
      disabledCommands: ['STARTTLS'],
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const head = Buffer.concat(chunks).toString('utf8').split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')
          const header = (name: string): string => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1].trim() ?? ''
          const reference = header('X-Takedown-Reference')
          const refusal = this.answer(reference)
          if (refusal !== null) {
            callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }))
            return
          }
          this.received.push({ messageId: header('Message-ID'), reference, event: header('X-Takedown-Event'), at: Date.now() })
          callback(null, 'Queued')
        })
      }
    })
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject)
      server.listen(this.port, '127.0.0.1', () => resolve())
    })
    this.server = server
  }

  async down (): Promise<void> {
    const server = this.server
    if (server === null) return
    this.server = null
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export const smtpFaults: Scenario = {
  name: 'SMTP relay 451, down, 550',
  async run (cluster, { short }) {
    const notices = short ? 4 : 10
    const relay = await Relay.create()
    const url = await cluster.createDatabase('chaos_smtp_faults')
    const gateway = await Gateway.start(url, { SMTP_URL: `smtp://127.0.0.1:${relay.port}`, SMTP_REQUIRE_TLS: 'false' })
    const failures: string[] = []
    const attempts: Record<string, number> = {}
    const ids: string[] = []
    const refs: string[] = []
    let refusedShown = ''
    let redeliveredAfter550 = false
    let recoverMs = -1
    const lost: string[] = []
    const outOfOrder: string[] = []
    const idMismatch: string[] = []
    let auditor = ''
    let emails = 0
    let delivered = 0
    try {
      const authority = (await createClient(gateway.base, 'authority')).apiKey
      auditor = (await createClient(gateway.base, 'auditor')).apiKey
      // 451 to every message while the notices are issued and half of them withdrawn (a second e-mail behind the first).
      relay.answer = () => ({ code: 451, text: 'Try again later' })
      await relay.up()
      let since = Date.now()
      for (let n = 0; n < notices; n++) ids.push(await issue(gateway.base, authority, `CHAOS-SM-${n}`, `https://t.me/chaos_smtp/${n + 1}`))
      for (const id of ids) {
        refs.push((await json<{ referenceNumber: string }>(await api(gateway.base, auditor, 'GET', `/v1/notices/${id}`), 'notice')).referenceNumber)
      }
      for (const id of ids.filter((_, i) => i % 2 === 1)) await transition(gateway.base, authority, id, { action: 'withdraw', reason: 'Issued in error.' })
      attempts['451'] = await waitEachHead('451: an attempt of every notice\'s first e-mail', 30_000, gateway.base, auditor, ids, 'email', since,
        (a) => a.outcome === 'retry' && a.statusCode === 451)
      // Down: the next attempt finds the port closed. E-mails render one at a time, so an early notice's attempt 2
      // (5 s after its first) may have met the 451 already while the later ones were sent: whatever waits is
      // brought due now.
      await relay.down()
      since = Date.now()
      await redeliverPending(gateway.base, authority, auditor, ids, 'email', 0)
      attempts['down'] = await waitEachHead('down: an attempt of every notice\'s first e-mail', 30_000, gateway.base, auditor, ids, 'email', since,
        (a) => a.outcome === 'retry' && a.statusCode === null)
      // Up again; the first notice's messages are refused for good (550), the others accepted. Attempt 3, 5 min off,
      // brought due by redelivery.
      relay.answer = (reference) => reference === refs[0] ? { code: 550, text: 'Mailbox unavailable' } : null
      await relay.up()
      const upAt = Date.now()
      await redeliverPending(gateway.base, authority, auditor, ids, 'email')
      await waitSettled('every e-mail settled after the relay came back', 60_000, gateway.base, auditor, ids, 'email')
      recoverMs = Date.now() - upAt
      const first = (await historyOf(gateway.base, auditor, ids[0])).find((d) => d.channel === 'email')!
      const last = first.attempts.at(-1)
      refusedShown = `${first.status}, ${last?.statusCode ?? '-'} ${last?.response ?? last?.error ?? ''}`.slice(0, 120)
      if (first.status !== 'failed' || last?.statusCode !== 550) failures.push(`the 550 shows as ${refusedShown}`)
      // The relay accepts it now: the authority's redelivery sends it.
      relay.answer = () => null
      await json(await api(gateway.base, authority, 'POST', `/v1/deliveries/${first.id}/redeliver`), 'redeliver after 550', 202)
      await waitSettled('the redelivery after the 550', 30_000, gateway.base, auditor, [ids[0]], 'email')
      redeliveredAfter550 = (await historyOf(gateway.base, auditor, ids[0])).find((d) => d.id === first.id)?.status === 'delivered'
      // Every e-mail-worthy event went out, in order, each under the one Message-ID its repeats share.
      for (const [i, id] of ids.entries()) {
        const events = (await eventsOf(gateway.base, auditor, id)).filter((e) => e.action === null || ['clarify', 'withdraw', 'escalate'].includes(e.action))
        const history = (await historyOf(gateway.base, auditor, id)).filter((d) => d.channel === 'email')
        emails += events.length
        delivered += history.filter((d) => d.status === 'delivered').length
        if (history.length !== events.length || history.some((d) => d.status !== 'delivered')) {
          lost.push(`${refs[i]}: ${events.length} events, deliveries ${history.map((d) => d.status).join(', ')}`)
        }
        const mails = relay.received.filter((m) => m.reference === refs[i])
        const kinds = [...new Set(mails.map((m) => m.event))]
        const wanted = events.map((e) => e.action === 'withdraw' ? 'withdrawn' : 'issued')
        if (kinds.join() !== wanted.join()) outOfOrder.push(`${refs[i]}: received ${kinds.join(', ')} (events ${wanted.join(', ')})`)
        for (const kind of kinds) {
          if (new Set(mails.filter((m) => m.event === kind).map((m) => m.messageId)).size !== 1) idMismatch.push(`${refs[i]} ${kind}`)
        }
      }
    } catch (error) {
      failures.push(failureOf(error))
      // What the first notice's e-mails went through, to say why.
      const first = ids.length === 0 ? [] : await historyOf(gateway.base, auditor, ids[0]).catch(() => [])
      failures.push(`first notice's e-mails: ${JSON.stringify(first.filter((d) => d.channel === 'email').map((d) => [d.status, d.attempts.map((a) => [a.outcome, a.statusCode, a.error])]))}; log: ${gateway.log.slice(-500)}`)
    } finally {
      await relay.down()
      await gateway.stop()
    }
    const repeats = relay.received.length - new Set(relay.received.map((m) => m.messageId)).size
    const figures = {
      'notices (half withdrawn: a second e-mail each)': notices,
      'attempts of the held-back e-mails, by fault (451 / relay down)': attempts,
      'waits brought due by redelivery': '5 min (attempt 3) for every e-mail held back',
      '550 in the history (status, reply)': refusedShown,
      'sent by a redelivery once the relay accepts': redeliveredAfter550,
      'after the relay came back: all settled within, ms': recoverMs,
      'e-mails delivered / due': `${delivered} / ${emails}`,
      'messages received / repeats (same Message-ID)': `${relay.received.length} / ${repeats}`
    }
    if (emails === 0) failures.push('no e-mail was due')
    if (lost.length > 0) failures.push(`${lost.length} notices' e-mails not all delivered: ${lost.slice(0, 3).join('; ')}`)
    if (outOfOrder.length > 0) failures.push(`e-mails missing or out of order: ${outOfOrder.slice(0, 3).join('; ')}`)
    if (idMismatch.length > 0) failures.push(`one event's e-mails under more than one Message-ID: ${idMismatch.slice(0, 3).join('; ')}`)
    if (!redeliveredAfter550) failures.push('the redelivery after the 550 was not delivered')
    return { figures, failures }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. SSRF refusals

/** A TCP listener that only counts the connections it is offered (none are expected). */
async function countingListener (host: string, port = 0): Promise<{ port: number, connections: () => number, close: () => Promise<void> } | null> {
  let n = 0
  const server = net.createServer((socket) => { n++; socket.destroy() })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => resolve())
    })
  } catch {
    return null
  }
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => n,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

export const ssrfRefusals: Scenario = {
  name: 'webhook SSRF refusals',
  async run (cluster) {
    const failures: string[] = []
    const figures: Record<string, unknown> = {}
    const v4 = (await countingListener('127.0.0.1'))!
    const v6 = await countingListener('::1', v4.port)
    const url = await cluster.createDatabase('chaos_ssrf')
    // https only, loopback refused: the production settings.
    let gateway = await Gateway.start(url)
    try {
      const authority = (await createClient(gateway.base, 'authority')).apiKey
      const auditor = (await createClient(gateway.base, 'auditor')).apiKey
      const liaison = (await createClient(gateway.base, 'liaison', 'chaos liaison', 'telegram')).apiKey
      // IP literals are refused when the endpoint is created. One accepted by mistake is deleted at once, before any
      // event could give it a delivery, so that nothing is ever sent beyond loopback.
      const literals = [`https://127.0.0.1:${v4.port}/`, `https://[::1]:${v4.port}/`, 'https://10.0.0.1/', 'https://169.254.169.254/latest/meta-data/',
        'https://[::ffff:10.0.0.1]/', 'https://[::ffff:169.254.169.254]/', 'https://2130706433/', 'https://[fd00::1]/', `http://localhost:${v4.port}/`]
      const accepted: string[] = []
      for (const literal of literals) {
        const res = await api(gateway.base, liaison, 'POST', '/v1/webhook-endpoints', { url: literal, eventTypes: ['*'] })
        const body = await res.json() as { id?: string }
        if (res.status === 201) {
          accepted.push(literal)
          await api(gateway.base, liaison, 'DELETE', `/v1/webhook-endpoints/${body.id}`)
        } else if (res.status !== 422 && res.status !== 400) accepted.push(`${literal} (${res.status})`)
      }
      figures['forbidden URLs refused at creation'] = `${literals.length - accepted.length} of ${literals.length}`
      if (accepted.length > 0) failures.push(`endpoints accepted: ${accepted.join(', ')}`)
      // A name that resolves to loopback passes creation and is refused at connect time, after resolution.
      const created = await api(gateway.base, liaison, 'POST', '/v1/webhook-endpoints', { url: `https://localhost:${v4.port}/hook`, eventTypes: ['*'] })
      if (created.status !== 201) throw new Error(`https://localhost endpoint: ${created.status} ${await created.text()}`)
      const id = await issue(gateway.base, authority, 'CHAOS-SSRF-1', 'https://t.me/chaos_ssrf/1')
      let webhook: Delivery | undefined
      await waitFor('the refusal in the history', 30_000, async () => {
        webhook = (await historyOf(gateway.base, auditor, id)).find((d) => d.channel === 'webhook' && d.attempts.length > 0)
        return webhook !== undefined
      }, 100)
      const attempt = webhook!.attempts[0]
      figures['https://localhost (hosts file: loopback): history'] = `${webhook!.status}, ${attempt.outcome}: ${attempt.error}`
      if (attempt.outcome !== 'refused' || webhook!.status !== 'failed' || !/forbidden_address/.test(attempt.error ?? '')) {
        failures.push(`https://localhost delivery: ${webhook!.status}, ${attempt.outcome} ${attempt.error}`)
      }
      await sleep(1_000)
      if (webhook!.attempts.length !== 1) failures.push(`the refused delivery was tried ${webhook!.attempts.length} times`)
    } catch (error) {
      failures.push(failureOf(error))
    } finally {
      await gateway.stop()
    }
    // A redirect is not followed: with http and loopback allowed (development), a receiver answers 302 to a listener
    // that would see the connection if the redirect were followed.
    const redirectTo = (await countingListener('127.0.0.1'))!
    const redirector = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(302, { location: `http://127.0.0.1:${redirectTo.port}/metadata` }).end())
    })
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve))
    gateway = await Gateway.start(await cluster.createDatabase('chaos_ssrf_redirect'), { WEBHOOK_ALLOW_HTTP: 'true' })
    try {
      const authority = (await createClient(gateway.base, 'authority')).apiKey
      const auditor = (await createClient(gateway.base, 'auditor')).apiKey
      const liaison = (await createClient(gateway.base, 'liaison', 'chaos liaison', 'telegram')).apiKey
      await json(await api(gateway.base, liaison, 'POST', '/v1/webhook-endpoints',
        { url: `http://127.0.0.1:${(redirector.address() as net.AddressInfo).port}/hook`, eventTypes: ['notice.created'] }), 'redirect endpoint', 201)
      const id = await issue(gateway.base, authority, 'CHAOS-SSRF-2', 'https://t.me/chaos_ssrf/2')
      let webhook: Delivery | undefined
      await waitFor('the redirect in the history', 30_000, async () => {
        webhook = (await historyOf(gateway.base, auditor, id)).find((d) => d.channel === 'webhook' && d.attempts.length > 0)
        return webhook !== undefined
      }, 100)
      const attempt = webhook!.attempts[0]
      figures['302 to a listener on loopback: history'] = `${attempt.outcome} ${attempt.statusCode}: ${attempt.error}`
      if (!/redirect 302 not followed/.test(attempt.error ?? '')) failures.push(`the redirect shows as ${attempt.outcome} ${attempt.error}`)
    } catch (error) {
      failures.push(failureOf(error))
    } finally {
      await gateway.stop()
      await new Promise<void>((resolve) => redirector.close(() => resolve()))
    }
    const reached = v4.connections() + (v6?.connections() ?? 0) + redirectTo.connections()
    figures['connections to the refused addresses and the redirect target (127.0.0.1, ::1)'] = `${reached}${v6 === null ? ' (no ::1 here)' : ''}`
    if (reached > 0) failures.push(`${reached} connections reached a refused address or the redirect's target`)
    await v4.close()
    await v6?.close()
    await redirectTo.close()
    return { figures, failures }
  }
}
