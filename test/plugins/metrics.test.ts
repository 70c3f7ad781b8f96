// /metrics: Prometheus text for auditors and administrators only, figures that move with traffic, and one log
// line per request naming the caller.
import t from 'tap'
import { Writable } from 'node:stream'
import pino from 'pino'
import { build } from '../helper.ts'
import { LOG_REDACTIONS } from '../../src/app.ts'

/** The value of one sample line (`name{labels} value`), or null when the line is absent. */
function sample (text: string, name: string, labels: Record<string, string> = {}): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!match || match[1] !== name) continue
    const have = (match[2] ?? '').split(',')
    if (wanted.every((w) => have.includes(w))) return Number(match[3])
  }
  return null
}

t.test('metrics', async (t) => {
  const lines: Array<Record<string, unknown>> = []
  const sink = new Writable({
    write (chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line))
      done()
    }
  })
  const logger = pino({ level: 'info', redact: { paths: LOG_REDACTIONS, censor: '[redacted]' } }, sink)
  const ctx = await build(t, {}, { logger })
  const { call } = ctx
  const auditor = await ctx.clientKey('auditor')
  const authority = await ctx.clientKey('authority')
  const liaison = await ctx.clientKey('liaison', 'telegram')

  t.test('need an auditor or administrator key', async (t) => {
    const anonymous = await call(null, { method: 'GET', url: '/metrics' })
    t.equal(anonymous.statusCode, 401)
    t.match(anonymous.headers['content-type'], /^application\/problem\+json/)
    const forbidden = await ctx.call(liaison, { method: 'GET', url: '/metrics' })
    t.equal(forbidden.statusCode, 403)
    t.equal((await ctx.call(ctx.adminKey, { method: 'GET', url: '/metrics' })).statusCode, 200)
  })

  t.test('request counts, notices by status and the feed move after traffic', async (t) => {
    const before = (await ctx.call(auditor, { method: 'GET', url: '/metrics' })).body
    const route = { method: 'GET', route: '/v1/platforms', status: '200' }
    const countBefore = sample(before, 'takedown_http_requests_total', route) ?? 0
    for (let i = 0; i < 3; i++) t.equal((await ctx.call(liaison, { method: 'GET', url: '/v1/platforms' })).statusCode, 200)
    const report = await ctx.call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: {
        externalRef: 'METRICS-1',
        category: 'drugs',
        legalBasis: 'kz-communications-41-1',
        statementOfReasons: 'Sale of narcotics.',
        urgency: 'normal',
        items: [{ url: 'https://t.me/metrics_channel/1', contentType: 'text' }]
      }
    })
    t.equal(report.statusCode, 201)

    const res = await ctx.call(auditor, { method: 'GET', url: '/metrics' })
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/)
    const after = res.body
    t.equal(sample(after, 'takedown_http_requests_total', route), countBefore + 3, 'three more answers counted for the route')
    t.ok((sample(after, 'takedown_http_request_duration_seconds_count', route) ?? 0) >= 3, 'and timed')
    t.equal(sample(after, 'takedown_notices', { platform: 'telegram', status: 'issued' }), 1, 'the new notice is counted')
    t.ok(sample(after, 'takedown_db_pool_connections', { state: 'total' }) !== null, 'the pool is reported')
    t.ok(sample(after, 'takedown_nodejs_eventloop_lag_seconds') !== null, 'event-loop delay is reported')
    t.ok(sample(after, 'takedown_change_feed_pending_events') !== null, 'the feed backlog is reported')
    t.ok(sample(after, 'takedown_hash_bank_index_staleness_seconds') !== null, 'index staleness is reported')
  })

  t.test('unknown paths count under one label, however many there are', async (t) => {
    await ctx.call(auditor, { method: 'GET', url: '/no/such/path/1' })
    await ctx.call(auditor, { method: 'GET', url: '/no/such/path/2' })
    const text = (await ctx.call(auditor, { method: 'GET', url: '/metrics' })).body
    t.ok((sample(text, 'takedown_http_requests_total', { route: 'unmatched', status: '404' }) ?? 0) >= 2)
    t.notMatch(text, /no\/such\/path/)
  })

  t.test('each request is logged once, with its client and role, and never its key', async (t) => {
    lines.length = 0
    await ctx.call(liaison, { method: 'GET', url: '/v1/platforms', headers: { 'x-request-id': 'trace-42' } })
    const completed = lines.filter((line) => line.msg === 'request completed' && line.reqId === 'trace-42')
    t.equal(completed.length, 1)
    t.match(completed[0], { role: 'liaison', status: 200, method: 'GET', url: '/v1/platforms' })
    t.match(completed[0].client, /^[0-9a-f-]{36}$/)
    t.notMatch(JSON.stringify(lines), liaison)
  })

  t.test('an incoming request id is kept only when short and plain', async (t) => {
    const kept = await call(null, { method: 'GET', url: '/health/live', headers: { 'x-request-id': 'abc-123_x.y:z' } })
    t.equal(kept.headers['x-request-id'], 'abc-123_x.y:z')
    for (const hostile of ['a'.repeat(129), 'has space', 'new\\nline', '{"json":1}']) {
      const res = await call(null, { method: 'GET', url: '/health/live', headers: { 'x-request-id': hostile } })
      t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/, `replaced: ${hostile.slice(0, 20)}`)
    }
  })
})
