// The sender against receivers on loopback. No test here sends a packet anywhere else, even when the code under
// test is wrong: names resolve through a table (never DNS), and the test's agent is a safety net below the sender's
// own guard: it counts every connection attempt, records any that would leave loopback as a leak, and sends such
// a connection to a sink on loopback instead.
import t, { type Test } from 'tap'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Duplex } from 'node:stream'
import { Webhook } from 'standardwebhooks'
import type { ResolvedAddress, Resolver } from '../../src/delivery/address-guard.ts'
import { excerptOf, parseRetryAfter, sendWebhook, WEBHOOK_USER_AGENT } from '../../src/delivery/webhook.ts'
import { generateWebhookSecret, signWebhook } from '../../src/delivery/webhook-signature.ts'

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void

interface Receiver {
  port: number
  requests: Array<{ path: string, headers: http.IncomingHttpHeaders, body: string }>
}

/** A receiver on 127.0.0.1; every request is recorded, then answered by `handler`. */
async function receiver (t: Test, handler: Handler, server = http.createServer()): Promise<Receiver> {
  const requests: Receiver['requests'] = []
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({ path: req.url ?? '', headers: req.headers, body })
      handler(req, body, res)
    })
  })
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections?.()
    server.close(() => resolve())
  }))
  return { port: (server.address() as net.AddressInfo).port, requests }
}

interface SafetyNet {
  agent: http.Agent
  /** Sockets the agent was asked for. */
  sockets: number
  /** Addresses a connection was attempted to (the socket's connectionAttempt events). */
  attempts: string[]
  /** Addresses beyond loopback the sender would have reached without the net. */
  leaks: string[]
}

function isLoopback (address: string): boolean {
  return LOOPBACK.has(address)
}

/** A counting agent that never lets a connection leave loopback (see the top of the file). */
async function safetyNet (t: Test, kind: 'http' | 'https' = 'http', ca?: string): Promise<SafetyNet> {
  const sink = await receiver(t, (_req, _body, res) => res.writeHead(599).end())
  const agent = kind === 'https' ? new https.Agent({ ca }) : new http.Agent()
  const net_: SafetyNet = { agent, sockets: 0, attempts: [], leaks: [] }
  const create = agent.createConnection.bind(agent)
  agent.createConnection = (options: http.ClientRequestArgs, callback?: (err: Error | null, stream: Duplex) => void) => {
    net_.sockets++
    let connect: http.ClientRequestArgs = options
    const host = String(options.host ?? options.hostname ?? '')
    if (net.isIP(host) !== 0 && !isLoopback(host)) {
      net_.leaks.push(host)
      connect = { ...options, host: '127.0.0.1', port: sink.port }
    }
    const lookup = connect.lookup
    if (lookup !== undefined) {
      connect = {
        ...connect,
        lookup: (hostname, lookupOptions, done) => lookup(hostname, lookupOptions, (error, address, family) => {
          const found: ResolvedAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }]
          const beyond = error === null ? found.filter((a) => !isLoopback(a.address)) : []
          if (beyond.length === 0) return done(error, address, family)
          net_.leaks.push(...beyond.map((a) => a.address))
          done(Object.assign(new Error('stopped by the test'), { code: 'TEST_SAFETY_NET' }), '')
        })
      }
    }
    const socket = create(connect, callback) as net.Socket
    socket.on('connectionAttempt', (address: string) => net_.attempts.push(address))
    return socket
  }
  t.teardown(() => agent.destroy())
  return net_
}

const RESOLVER_TABLE: Record<string, ResolvedAddress[]> = {
  'receiver.test': [{ address: '127.0.0.1', family: 4 }],
  'private.test': [{ address: '10.0.0.1', family: 4 }],
  'loopback6.test': [{ address: '::1', family: 6 }],
  'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  'mapped.test': [{ address: '::ffff:10.0.0.1', family: 6 }],
  'split.test': [{ address: '127.0.0.1', family: 4 }, { address: '10.0.0.1', family: 4 }]
}
const resolver: Resolver = async (hostname) => RESOLVER_TABLE[hostname] ?? []

const body = JSON.stringify({ type: 'notice.created', timestamp: '2026-12-08T00:00:00Z', data: { id: 'n1' } })
const secret = generateWebhookSecret()
const signed = (): Record<string, string> =>
  ({ ...signWebhook({ id: 'msg_test', timestamp: Math.floor(Date.now() / 1000), body, secrets: [secret] }) })

/** An attempt at a loopback receiver, allowed by the development settings. */
function send (net_: SafetyNet, url: string, extra: Partial<Parameters<typeof sendWebhook>[0]> = {}) {
  return sendWebhook({
    url, body, headers: signed(), resolver, allowHttp: true, allowLoopback: true, agent: net_.agent, ...extra
  })
}

t.test('a 2xx is a success; the receiver gets a signed JSON POST it can verify', async (t) => {
  const r = await receiver(t, (_req, _body, res) => res.writeHead(204).end())
  const net_ = await safetyNet(t)
  const outcome = await send(net_, `http://receiver.test:${r.port}/hooks?x=1`)
  t.match(outcome, { ok: true, status: 204, responseExcerpt: '' })
  t.type(outcome.durationMs, 'number')
  t.equal(r.requests.length, 1)
  const [request] = r.requests
  t.equal(request.path, '/hooks?x=1')
  t.equal(request.headers['content-type'], 'application/json')
  t.equal(request.headers['user-agent'], WEBHOOK_USER_AGENT)
  t.equal(request.body, body)
  t.same(new Webhook(secret).verify(request.body, request.headers as Record<string, string>), JSON.parse(body))
  t.same(net_.attempts, ['127.0.0.1'])
  t.same(net_.leaks, [])
})

t.test('a 200 answer is kept as the excerpt', async (t) => {
  const r = await receiver(t, (_req, _body, res) => res.writeHead(200).end('{"received":true}'))
  const outcome = await send(await safetyNet(t), `http://receiver.test:${r.port}/`)
  t.same(outcome, { ok: true, status: 200, responseExcerpt: '{"received":true}', durationMs: outcome.durationMs })
})

t.test('http:// is refused without the development setting, before any connection', async (t) => {
  const r = await receiver(t, (_req, _body, res) => res.writeHead(200).end())
  const net_ = await safetyNet(t)
  const outcome = await send(net_, `http://receiver.test:${r.port}/`, { allowHttp: false })
  t.match(outcome, { ok: false, retryable: false, refused: true, error: /^http_not_allowed/ })
  t.equal(net_.sockets, 0)
  t.equal(r.requests.length, 0)
  t.match(await send(net_, 'ftp://receiver.test/'), { ok: false, retryable: false, error: /^invalid_url/ })
  t.match(await send(net_, 'not a url'), { ok: false, error: 'invalid_url' })
  t.match(await send(net_, `http://user:pw@receiver.test:${r.port}/`), { ok: false, error: /credentials/ })
  t.equal(net_.sockets, 0)
})

t.test('500 is a retryable failure with the answer\'s excerpt', async (t) => {
  const r = await receiver(t, (_req, _body, res) => res.writeHead(500).end('database down'))
  const outcome = await send(await safetyNet(t), `http://receiver.test:${r.port}/`)
  t.match(outcome, { ok: false, status: 500, retryable: true, error: 'http 500', responseExcerpt: 'database down' })
  t.notOk('disable' in outcome || 'refused' in outcome)
})

t.test('4xx answers are retried too, 410 Gone disables the endpoint', async (t) => {
  const statuses = [400, 401, 404, 408, 409, 425, 410]
  const r = await receiver(t, (req, _body, res) => res.writeHead(Number(req.url?.slice(1))).end())
  const net_ = await safetyNet(t)
  for (const status of statuses.slice(0, -1)) {
    t.match(await send(net_, `http://receiver.test:${r.port}/${status}`), { ok: false, status, retryable: true }, `${status}`)
  }
  const gone = await send(net_, `http://receiver.test:${r.port}/410`)
  t.match(gone, { ok: false, status: 410, retryable: false, disable: true, error: 'http 410 gone' })
})

t.test('429 and 503 carry their Retry-After, in seconds or as a date', async (t) => {
  const inNinety = new Date(Date.now() + 90_000).toUTCString()
  const r = await receiver(t, (req, _body, res) => req.url === '/429'
    ? res.writeHead(429, { 'retry-after': '120' }).end()
    : res.writeHead(503, { 'retry-after': inNinety }).end())
  const net_ = await safetyNet(t)
  t.match(await send(net_, `http://receiver.test:${r.port}/429`),
    { ok: false, status: 429, retryable: true, retryAfterSeconds: 120, error: 'http 429' })
  const unavailable = await send(net_, `http://receiver.test:${r.port}/503`)
  t.match(unavailable, { ok: false, status: 503, retryable: true })
  t.ok(!unavailable.ok && unavailable.retryAfterSeconds! >= 88 && unavailable.retryAfterSeconds! <= 90,
    `${!unavailable.ok && unavailable.retryAfterSeconds} seconds`)
})

t.test('Retry-After: delta-seconds, HTTP-dates in their three forms, and what is not one', async (t) => {
  const now = Date.parse('2026-12-08T10:00:00Z')
  t.equal(parseRetryAfter('0', now), 0)
  t.equal(parseRetryAfter(' 30 ', now), 30)
  t.equal(parseRetryAfter('Tue, 08 Dec 2026 10:02:00 GMT', now), 120)
  t.equal(parseRetryAfter('Tuesday, 08-Dec-26 10:01:00 GMT', now), 60)
  const zone = process.env.TZ
  process.env.TZ = 'Asia/Almaty' // asctime has no zone, and means GMT wherever the gateway runs
  t.teardown(() => {
    if (zone === undefined) delete process.env.TZ
    else process.env.TZ = zone
  })
  t.equal(parseRetryAfter('Tue Dec  8 10:00:30 2026', now), 30)
  t.equal(parseRetryAfter('Tue, 08 Dec 2026 09:00:00 GMT', now), 0, 'a date already past')
  t.equal(parseRetryAfter('99999999999999', now), 2 ** 31 - 1)
  for (const bad of [undefined, '', '-5', '1.5', 'soon', '2026-12-08', 'Tue, 08 Dec 2026 10:02:00 XYZ']) {
    t.equal(parseRetryAfter(bad, now), undefined, String(bad))
  }
})

t.test('a redirect is a failed attempt and its target gets no request', async (t) => {
  const target = await receiver(t, (_req, _body, res) => res.writeHead(200).end())
  const r = await receiver(t, (_req, _body, res) =>
    res.writeHead(302, { location: `http://127.0.0.1:${target.port}/stolen` }).end())
  const net_ = await safetyNet(t)
  t.match(await send(net_, `http://receiver.test:${r.port}/`),
    { ok: false, status: 302, retryable: true, error: 'redirect 302 not followed' })
  t.equal(r.requests.length, 1)
  t.equal(target.requests.length, 0)
  t.equal(net_.sockets, 1)
})

t.test('a receiver that does not answer in time is a retryable timeout', async (t) => {
  const pending: NodeJS.Timeout[] = []
  t.teardown(() => pending.forEach(clearTimeout))
  const r = await receiver(t, (_req, _body, res) => pending.push(setTimeout(() => res.writeHead(200).end(), 20_000)))
  const started = Date.now()
  const outcome = await send(await safetyNet(t), `http://receiver.test:${r.port}/`, { timeoutMs: 300 })
  t.match(outcome, { ok: false, retryable: true, error: 'timeout' })
  t.ok(Date.now() - started < 2000, `ended after ${Date.now() - started} ms`)
  t.ok(outcome.durationMs >= 290 && outcome.durationMs < 2000, `${outcome.durationMs} ms`)
})

t.test('a receiver that trickles its answer (slow loris) is cut off at the deadline', async (t) => {
  const r = await receiver(t, (_req, _body, res) => {
    res.writeHead(200)
    const drip = setInterval(() => res.write('.'), 50)
    res.on('close', () => clearInterval(drip))
  })
  const started = Date.now()
  const outcome = await send(await safetyNet(t), `http://receiver.test:${r.port}/`, { timeoutMs: 400 })
  t.match(outcome, { ok: false, status: 200, retryable: true, error: 'timeout' })
  t.ok(Date.now() - started < 2000, `ended after ${Date.now() - started} ms`)
})

t.test('a large answer is read to 64 KB only, and at most 1 KB of it is kept', async (t) => {
  // The receiver sends 1 MB and never ends its answer: the attempt ends at once only if reading stops at 64 KB.
  let written = 0
  const r = await receiver(t, (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    const chunk = 'x'.repeat(16 * 1024)
    const more = (): void => {
      while (written < 1024 * 1024 && res.write(chunk)) written += chunk.length
    }
    res.on('drain', more)
    more()
  })
  const outcome = await send(await safetyNet(t), `http://receiver.test:${r.port}/`, { timeoutMs: 5000 })
  t.match(outcome, { ok: true, status: 200 })
  t.ok(outcome.durationMs < 4000, `${outcome.durationMs} ms`)
  t.equal(Buffer.byteLength(outcome.responseExcerpt!), 1024)
  const small = await send(await safetyNet(t), `http://receiver.test:${r.port}/`, { maxResponseBytes: 100, timeoutMs: 5000 })
  t.match(small, { ok: true, status: 200 })
  t.equal(small.responseExcerpt, 'x'.repeat(100), 'the limit is the limit')
})

t.test('the excerpt is at most 1 KB of UTF-8, cut between characters, without NUL', async (t) => {
  t.equal(excerptOf(Buffer.from('ж'.repeat(1000))), 'ж'.repeat(512))
  t.equal(excerptOf(Buffer.from('a' + 'ж'.repeat(1000))), 'a' + 'ж'.repeat(511))
  t.equal(excerptOf(Buffer.from('a\0b')), 'ab')
  const invalid = excerptOf(Buffer.alloc(2000, 0xff))
  t.ok(Buffer.byteLength(invalid) <= 1024, `${Buffer.byteLength(invalid)} bytes`)
})

t.test('a name resolving to a forbidden address is refused before any connection is attempted', async (t) => {
  const r = await receiver(t, (_req, _body, res) => res.writeHead(200).end())
  const cases: Array<[string, string, boolean]> = [
    ['private.test', '10.0.0.1', true],
    ['receiver.test', '127.0.0.1', false], // loopback, without the allowance
    ['loopback6.test', '::1', false],
    ['metadata.test', '169.254.169.254', true],
    ['mapped.test', '::ffff:10.0.0.1', true],
    ['split.test', '10.0.0.1', true] // one good address does not make the other one acceptable
  ]
  for (const [name, address, allowLoopback] of cases) {
    const net_ = await safetyNet(t)
    const outcome = await send(net_, `http://${name}:${r.port}/`, { allowLoopback })
    const error = `forbidden_address ${address} (${name})`
    t.same(outcome, { ok: false, retryable: false, refused: true, error, durationMs: outcome.durationMs }, name)
    t.same(net_.attempts, [], `${name}: no connection attempted`)
    t.same(net_.leaks, [], `${name}: nothing would have left loopback`)
  }
  t.equal(r.requests.length, 0)
})

t.test('an IP literal that is forbidden is refused before a socket is even made', async (t) => {
  const literals = [
    'https://10.0.0.1/', 'https://[::1]/', 'https://169.254.169.254/latest/meta-data/', 'https://[::ffff:10.0.0.1]/',
    'https://[fe80::1]/', 'http://2130706433/', 'http://0x7f.1/', 'https://[64:ff9b::a9fe:a9fe]/', 'https://0.0.0.0/'
  ]
  for (const url of literals) {
    const net_ = await safetyNet(t, url.startsWith('https') ? 'https' : 'http')
    const outcome = await send(net_, url, { allowLoopback: false })
    t.match(outcome, { ok: false, retryable: false, refused: true, error: /^forbidden_address / }, url)
    t.equal(net_.sockets, 0, `${url}: no socket`)
    t.same(net_.leaks, [], `${url}: nothing would have left loopback`)
  }
  const net_ = await safetyNet(t, 'https')
  t.match(await send(net_, 'https://10.0.0.1/', { allowLoopback: true }), { error: 'forbidden_address 10.0.0.1' },
    'the loopback allowance allows loopback only')
  t.equal(net_.sockets, 0)
})

t.test('a loopback literal is reached with the development allowance', async (t) => {
  const r = await receiver(t, (_req, _body, res) => res.writeHead(200).end())
  const net_ = await safetyNet(t)
  t.match(await send(net_, `http://127.0.0.1:${r.port}/`), { ok: true, status: 200 })
  t.match(await send(net_, `http://127.0.0.1:${r.port}/`, { allowLoopback: false }),
    { ok: false, error: 'forbidden_address 127.0.0.1' })
  t.equal(r.requests.length, 1)
})

t.test('a receiver that is not listening is a retryable refused connection', async (t) => {
  const closed = http.createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const { port } = closed.address() as net.AddressInfo
  await new Promise((resolve) => closed.close(resolve))
  t.match(await send(await safetyNet(t), `http://receiver.test:${port}/`),
    { ok: false, retryable: true, error: 'connection refused' })
})

t.test('https: a receiver with a certificate for its name is reached, one without is not', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhook-tls-'))
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '1',
      '-subj', '/CN=receiver.test', '-addext', 'subjectAltName=DNS:receiver.test'], { stdio: 'ignore' })
  } catch {
    t.comment('openssl is not installed: no certificate to test https with')
    return
  }
  const cert = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8')
  const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert })
  const r = await receiver(t, (_req, _body, res) => res.writeHead(200).end('ok'), server)
  const trusting = await safetyNet(t, 'https', cert)
  t.match(await send(trusting, `https://receiver.test:${r.port}/`, { allowHttp: false }),
    { ok: true, status: 200, responseExcerpt: 'ok' })
  t.same(trusting.attempts, ['127.0.0.1'])
  const untrusting = await safetyNet(t, 'https')
  t.match(await send(untrusting, `https://receiver.test:${r.port}/`, { allowHttp: false }),
    { ok: false, retryable: true, error: /^tls / })
  t.equal(r.requests.length, 1)
})
