// `npm run bench:delivery`: notices reaching a webhook receiver on loopback, and what subscribing costs intake.
// - Latency: reports issue notices at 100 and then 500 a second (an open loop, one TikTok notice each: a platform
//   without a notice address, so no e-mail is rendered), each notice's creation is delivered to a subscribed
//   endpoint, and the time from the event's commit (its timestamp) to the receiver's receipt is measured.
//   Goal: p99 under 1 s at each rate.
// - Intake with two endpoints subscribed (a liaison's and an authority's), against none, in alternating rounds of
//   the same run (closed loop). Goal: at least 0.9x.
// - E-mails: a notice's e-mail (its letters in each language, their PDFs, the JWS) to the outbox folder, per second,
//   against rendering the same notice's PDFs alone (direct calls, the rendering's own cost). Printed for the record.
import http from 'node:http'
import pg from 'pg'
import type autocannon from 'autocannon'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { freshDatabase, inTurns, load, median, openLoop, startProcess, stopProcess, CONNECTIONS, SECONDS } from './lib.ts'
import { goal, verdict } from './goal.ts'
import { renderNotice } from '../src/render/notice.ts'
import type { NoticeContent, NoticeLang } from '../src/domain/notices/notice-content.ts'
import { SIGNATURE_ALGORITHM } from '../src/signing/notice-signer.ts'

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
const PORT = 3913
const RATES = (process.env.BENCH_DELIVERY_RATES ?? '100,500').split(',').map(Number)
const LATENCY_GOAL_MS = 1000
const INTAKE_GOAL = 0.9
const EMAILS = Number(process.env.BENCH_EMAILS ?? 20)

const base = `http://127.0.0.1:${PORT}`
const api = (p: string, key: string, init: RequestInit = {}) => fetch(base + p, {
  ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers }
})
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN

// The receiver: notes when each notice's creation arrived, against the event's own time.
const latencies = new Map<string, number>()
let received = 0
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    received++
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string, timestamp: string, data: { notice: { id: string } } }
    if (body.type === 'notice.created') latencies.set(body.data.notice.id, Date.now() - Date.parse(body.timestamp))
    res.writeHead(204).end()
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-delivery-'))
const db = await freshDatabase('bench_delivery')
const gateway = await startProcess('src/server.ts', {
  DATABASE_URL: db.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000', WEBHOOK_ALLOW_HTTP: 'true', DATA_DIR: dataDir
}, PORT)
try {
  const keyOf = async (body: object) => ((await (await api('/v1/clients', ADMIN_KEY, { method: 'POST', body: JSON.stringify(body) })).json()) as { apiKey: string }).apiKey
  const authority = await keyOf({ name: 'bench authority', role: 'authority' })
  const liaison = await keyOf({ name: 'bench tiktok liaison', role: 'liaison', platform: 'tiktok' })

  let counter = 0
  const reportBody = (): string => JSON.stringify({
    externalRef: `DELIVERY-${++counter}`,
    category: 'fraud',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'Scam.',
    urgency: 'normal',
    items: [{ url: `https://www.tiktok.com/@bench/video/${7_100_000_000_000 + counter}`, contentType: 'video' }]
  })
  const target = { url: base, method: 'POST', path: '/v1/reports', headers: { authorization: `Bearer ${authority}`, 'content-type': 'application/json' }, body: reportBody }

  // Intake without endpoints, then with two, in alternating rounds (subscribing is undone between rounds by
  // pausing the endpoints, so both kinds of round run on the same database as it grows).
  const endpoints: string[] = []
  for (const [key, body] of [[liaison, { url: hookUrl, eventTypes: ['*'] }], [authority, { url: hookUrl, eventTypes: ['notice.created'] }]] as const) {
    const res = await api('/v1/webhook-endpoints', key, { method: 'POST', body: JSON.stringify(body) })
    if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${await res.text()}`)
    endpoints.push(((await res.json()) as { id: string }).id)
  }
  const setEnabled = async (enabled: boolean) => {
    for (const [i, id] of endpoints.entries()) {
      const res = await api(`/v1/webhook-endpoints/${id}`, i === 0 ? liaison : authority, { method: 'PATCH', body: JSON.stringify({ enabled }) })
      if (res.status !== 200) throw new Error(`endpoint ${enabled ? 'enable' : 'pause'}: ${res.status}`)
    }
  }
  const intake = (name: string) => load(name, {
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [{
      method: 'POST' as const,
      path: '/v1/reports',
      setupRequest: (req: autocannon.Request) => ({ ...req, headers: target.headers, body: reportBody() })
    }]
  })
  await intake('warm-up')
  const rounds = await inTurns([
    async () => { await setEnabled(false); return await intake('none subscribed') },
    async () => { await setEnabled(true); return await intake('two subscribed') }
  ])
  const [none, two] = rounds
  const ratios = none.map((n, i) => two[i].rps / n.rps)
  const intakeRatio = median(ratios)
  console.log(`intake, reports/s by round: none ${none.map((r) => r.rps.toFixed(0)).join(', ')}; two endpoints ${two.map((r) => r.rps.toFixed(0)).join(', ')}`)

  // What the intake rounds queued is sent before latency is measured, so that each rate starts from an empty outbox.
  const pending = async (): Promise<number> => {
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    try {
      return Number((await client.query("select count(*) from deliveries where status = 'pending'")).rows[0].count)
    } finally {
      await client.end()
    }
  }
  const drained = async (what: string): Promise<number> => {
    const started = performance.now()
    const backlog = await pending()
    const deadline = Date.now() + 600_000
    while (await pending() > 0) {
      if (Date.now() > deadline) throw new Error(`the outbox did not drain within 600 s after ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const seconds = (performance.now() - started) / 1000
    console.log(`after ${what}: ${backlog} deliveries pending, sent in ${seconds.toFixed(1)} s (${(backlog / Math.max(seconds, 0.001)).toFixed(0)}/s)`)
    return backlog / Math.max(seconds, 0.001)
  }
  await drained('the intake rounds')

  // Latency at each rate, with both endpoints subscribed: only the liaison's endpoint gets every event, the
  // authority's the creations; the receiver keys by notice, so each creation is measured once (the first receipt).
  await setEnabled(true)
  const latencyFigures: Array<{ rate: number, p50: number, p99: number, max: number, sent: number, got: number }> = []
  for (const rate of RATES) {
    latencies.clear()
    const result = await openLoop(`reports at ${rate}/s`, target, rate, SECONDS, gateway.pid)
    const expected = Math.round(rate * SECONDS) - result.errors - result.non2xx
    const deadline = Date.now() + 60_000
    while (latencies.size < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    const xs = [...latencies.values()]
    latencyFigures.push({ rate, p50: pct(xs, 0.5), p99: pct(xs, 0.99), max: Math.max(...xs), sent: expected, got: xs.length })
    await drained(`${rate} notices/s`)
    console.log(`at ${rate} notices/s: intake p99 ${result.p99.toFixed(0)} ms; commit -> receipt p50 ${pct(xs, 0.5).toFixed(0)} ms, p99 ${pct(xs, 0.99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (${xs.length} of ${expected} received)`)
  }

  // E-mails: a Telegram notice (the platform has a notice address) of 20 items; the outbox folder counts them.
  const content = await (async () => {
    const res = await api('/v1/reports', authority, {
      method: 'POST',
      body: JSON.stringify({
        externalRef: 'DELIVERY-EMAIL',
        category: 'terrorism',
        legalBasis: 'kz-online-platforms-9',
        statementOfReasons: 'Calls for violence.',
        urgency: 'normal',
        items: Array.from({ length: 20 }, (_, i) => ({ url: `https://t.me/bench_delivery/${i + 1}`, contentType: 'text' }))
      })
    })
    const id = ((await res.json()) as { notices: Array<{ id: string }> }).notices[0].id
    return { id, doc: await (await api(`/v1/notices/${id}/document?format=json`, authority)).json() as NoticeContent }
  })()
  const signature = await (await api(`/v1/notices/${content.id}/signature`, authority)).json() as { keyId: string, fingerprint: string }
  const sig = { keyId: signature.keyId, fingerprint: signature.fingerprint, algorithm: SIGNATURE_ALGORITHM }
  const renderStart = performance.now()
  for (let i = 0; i < EMAILS; i++) {
    for (const lang of content.doc.languages as NoticeLang[]) await renderNotice(content.doc, 'pdf', lang, sig)
  }
  const pdfsAlonePerSecond = EMAILS / ((performance.now() - renderStart) / 1000)
  // The same notice's e-mail sent again and again: each redelivery composes and writes the message anew (its
  // letters are kept after the first), so this is the channel's own cost on top of rendering.
  const emailAttempts = async (): Promise<{ id: string, attempts: number }> => {
    const { data } = await (await api(`/v1/notices/${content.id}/deliveries`, authority)).json() as { data: Array<{ id: string, channel: string, status: string, attempts: unknown[] }> }
    const email = data.find((d) => d.channel === 'email')
    return { id: email?.id ?? '', attempts: email?.status === 'delivered' ? email.attempts.length : 0 }
  }
  const until = async (check: () => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 120_000
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('an e-mail was not sent within 120 s')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  await until(async () => (await emailAttempts()).attempts > 0)
  const { id: emailId, attempts: before } = await emailAttempts()
  const emailStart = performance.now()
  for (let i = 0; i < EMAILS; i++) {
    await api(`/v1/deliveries/${emailId}/redeliver`, authority, { method: 'POST' })
    await until(async () => (await emailAttempts()).attempts >= before + i + 1)
  }
  const emailsPerSecond = EMAILS / ((performance.now() - emailStart) / 1000)
  console.log(`e-mails with the PDFs attached (kept letters), one after another: ${emailsPerSecond.toFixed(1)}/s; the same notice's PDFs rendered alone: ${pdfsAlonePerSecond.toFixed(1)} sets/s (${(emailsPerSecond / pdfsAlonePerSecond).toFixed(1)}x)`)

  for (const f of latencyFigures) {
    goal(f.p99 < LATENCY_GOAL_MS && f.got >= f.sent,
      `at ${f.rate}/s: commit -> receipt p99 ${f.p99.toFixed(0)} ms (goal < ${LATENCY_GOAL_MS} ms), ${f.got} of ${f.sent} notices received`)
  }
  goal(intakeRatio >= INTAKE_GOAL, `intake with two endpoints subscribed: ${intakeRatio.toFixed(2)}x none (median of ${ratios.length} rounds; goal >= ${INTAKE_GOAL}x)`)
  console.log(`webhooks received in all: ${received}`)
  verdict()
} finally {
  await stopProcess(gateway)
  await db.drop()
  receiver.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}
