import t, { type Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build } from '../helper.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { FixedWindows } from '../../src/plugins/rate-limit.ts'
import { ConfigError, loadConfig, trustProxyOf } from '../../src/config.ts'

/** A 429 as every limit answers it: an RFC 9457 problem, with Retry-After equal to the window's reset. */
function assertRefused (t: Test, res: LightMyRequestResponse, detail: RegExp, why: string): void {
  t.equal(res.statusCode, 429, why)
  t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', why)
  t.match(res.json(), { status: 429, code: 'rate_limited', title: 'Too many requests', detail }, why)
  const retryAfter = Number(res.headers['retry-after'])
  t.ok(retryAfter >= 1 && retryAfter <= 60, `${why}: Retry-After ${res.headers['retry-after']}`)
  t.equal(res.headers['retry-after'], res.headers['x-ratelimit-reset'], why)
  t.equal(res.headers['x-ratelimit-remaining'], '0', why)
}

t.test('fixed windows per key', async (t) => {
  let now = 1_000_000
  const windows = new FixedWindows(60_000, 2, () => now)
  t.same([1, 2, 3].map(() => windows.hit('a').count), [1, 2, 3])
  now += 1_000
  t.equal(windows.secondsUntilReset(windows.hit('b')), 60)
  now += 58_001
  const a = windows.hit('a')
  t.equal(a.count, 4, 'still the first window')
  t.equal(windows.secondsUntilReset(a), 1)
  now += 999
  t.equal(windows.hit('a').count, 1, 'a new window once the first has passed')
  t.equal(windows.hit('b').count, 2, 'b\'s window started later')
  windows.hit('c')
  t.equal(windows.hit('b').count, 1, 'past the key bound the oldest window (b\'s) is forgotten')
})

t.test('the gateway limits each client per minute with a 429 problem, and changes nothing', async (t) => {
  const ctx = await build(t, { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100' })
  const { call } = ctx
  const authority = await ctx.clientKey('authority')
  const auditor = await ctx.clientKey('auditor')

  const allowed = []
  for (let i = 0; i < 3; i++) allowed.push(await call(authority, { method: 'GET', url: '/v1/reports' }))
  t.same(allowed.map((res) => res.statusCode), [200, 200, 200])
  t.same(allowed.map((res) => res.headers['x-ratelimit-remaining']), ['2', '1', '0'], 'the client\'s own window')
  for (const res of allowed) {
    t.equal(res.headers['x-ratelimit-limit'], '3')
    t.ok(Number(res.headers['x-ratelimit-reset']) >= 1 && Number(res.headers['x-ratelimit-reset']) <= 60)
  }

  const refused = await call(authority, {
    method: 'POST',
    url: '/v1/reports',
    payload: reportPayload(['https://t.me/c/1'], { externalRef: 'LIMITED', category: 'fraud', statementOfReasons: 'Scam.' })
  })
  assertRefused(t, refused, /at most 3 requests per minute per client/, 'the fourth request')

  const other = await call(auditor, { method: 'GET', url: '/v1/reports' })
  t.equal(other.statusCode, 200, 'another client has a window of its own')
  t.equal(other.headers['x-ratelimit-remaining'], '2')
  t.same(other.json().data, [], 'the refused report was not stored')
})

t.test('1,300 invented keys from one address: counted against the address, before any lookup', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const auditor = await ctx.clientKey('auditor')
  t.equal((await call(auditor, { method: 'GET', url: '/v1/reports' })).statusCode, 200, 'a client in use before')

  const statuses = new Map<number, number>()
  let firstRefused: LightMyRequestResponse | undefined
  for (let i = 0; i < 1300; i++) {
    const res = await call(`invented-key-${String(i).padStart(6, '0')}`, { method: 'GET', url: '/v1/reports' })
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1)
    if (res.statusCode === 429) firstRefused ??= res
  }
  // The address's window also holds the two requests that proved the keys above (the administrator's, the auditor's).
  t.same(Object.fromEntries(statuses), { 401: 1198, 429: 102 }, 'past 1,200 a minute, 429 instead of 401')
  assertRefused(t, firstRefused!, /at most 1200 requests per minute from one address without a valid API key/,
    'an invented key')
  assertRefused(t, await call(null, { method: 'GET', url: '/v1/reports' }), /one address/, 'no key at all')
  const basic = await ctx.app.inject({ method: 'GET', url: '/v1/reports', headers: { authorization: 'Basic abc' } })
  assertRefused(t, basic, /one address/, 'a malformed header')

  const client = await call(auditor, { method: 'GET', url: '/v1/reports' })
  t.equal(client.statusCode, 200, 'a key proven before keeps its own window, the flood notwithstanding')
  t.equal(client.headers['x-ratelimit-remaining'], '1198')
  const lowerCase = await ctx.app.inject({ method: 'GET', url: '/v1/reports', headers: { authorization: `bearer ${auditor}` } })
  assertRefused(t, lowerCase, /one address/, 'the same key in a header not seen valid before is counted as unknown')

  const elsewhere = await ctx.app.inject({
    method: 'GET', url: '/v1/reports', headers: { authorization: 'Bearer invented-key-elsewhere' }, remoteAddress: '192.0.2.7'
  })
  t.equal(elsewhere.statusCode, 401, 'another address has a window of its own')
})

t.test('a key revoked after it was proven: refused, forgotten, and counted against its address', async (t) => {
  const ctx = await build(t, { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '4' })
  const { call } = ctx
  const created = await call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'soon revoked', role: 'auditor' } })
  const { id, apiKey } = created.json() as { id: string, apiKey: string }
  t.equal((await call(apiKey, { method: 'GET', url: '/v1/reports' })).statusCode, 200, 'proven')
  t.equal((await call(ctx.adminKey, { method: 'POST', url: `/v1/clients/${id}/revoke` })).statusCode, 200)
  // The address's window: the administrator's first request, the auditor's; then this 401, counted after it.
  const revoked = await call(apiKey, { method: 'GET', url: '/v1/reports' })
  t.equal(revoked.statusCode, 401)
  t.equal(revoked.headers['x-ratelimit-limit'], '1200', 'answered from the client window it was remembered with')
  t.equal((await call(apiKey, { method: 'GET', url: '/v1/reports' })).statusCode, 401, 'the fourth of the address')
  assertRefused(t, await call(apiKey, { method: 'GET', url: '/v1/reports' }), /one address/, 'then the address limit')
})

t.test('every route is limited: the documents, the docs page, metrics, unknown paths and readiness', async (t) => {
  const ctx = await build(t, { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '2', RATE_LIMIT_READINESS_PER_MINUTE: '3' })
  const routes = ['/openapi.json', '/docs', '/docs/', '/docs/static/swagger-ui-bundle.js', '/docs/json', '/metrics',
    '/.well-known/jwks.json', '/nowhere', '/v1/platforms']
  for (const [i, url] of routes.entries()) {
    const remoteAddress = `198.51.100.${i + 1}`
    const answers = []
    for (let n = 0; n < 3; n++) answers.push(await ctx.app.inject({ method: 'GET', url, remoteAddress }))
    t.equal(answers[0].headers['x-ratelimit-limit'], '2', `${url}: the address's window`)
    t.not(answers[1].statusCode, 429, `${url}: within the limit`)
    assertRefused(t, answers[2], /one address/, url)
  }

  const remoteAddress = '198.51.100.200'
  const ready = []
  for (let n = 0; n < 4; n++) ready.push(await ctx.app.inject({ method: 'GET', url: '/health/ready', remoteAddress }))
  t.same(ready.map((res) => res.statusCode), [200, 200, 200, 429])
  assertRefused(t, ready[3], /at most 3 readiness checks per minute from one address/, 'readiness')
  const flooded = '198.51.100.201'
  for (let n = 0; n < 3; n++) await ctx.app.inject({ method: 'GET', url: '/openapi.json', remoteAddress: flooded })
  const probe = await ctx.app.inject({ method: 'GET', url: '/health/ready', remoteAddress: flooded })
  t.equal(probe.statusCode, 200, 'readiness has a window of its own: a flood of other requests does not refuse it')

  for (let n = 0; n < 20; n++) {
    const live = await ctx.app.inject({ method: 'GET', url: '/health/live', remoteAddress: flooded })
    t.equal(live.statusCode, 200, 'liveness is never refused')
    t.equal(live.headers['x-ratelimit-limit'], undefined, 'nor counted')
  }
})

t.test('behind a reverse proxy: TRUST_PROXY names whose X-Forwarded-For gives the address', async (t) => {
  const trusted = await build(t, { TRUST_PROXY: '127.0.0.1, 10.0.0.0/8', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1' })
  const via = (app: typeof trusted.app, forwardedFor: string) => app.inject({
    method: 'GET', url: '/openapi.json', headers: { 'x-forwarded-for': forwardedFor }
  })
  t.equal((await via(trusted.app, '203.0.113.5')).statusCode, 200)
  t.equal((await via(trusted.app, '203.0.113.5')).statusCode, 429, 'the forwarded address is counted')
  t.equal((await via(trusted.app, '203.0.113.6')).statusCode, 200, 'another client behind the same proxy')

  const untrusted = await build(t, { RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1' })
  t.equal((await via(untrusted.app, '203.0.113.5')).statusCode, 200)
  t.equal((await via(untrusted.app, '203.0.113.6')).statusCode, 429, 'by default the header is ignored: no one is trusted')

  t.same(trustProxyOf('false'), false)
  t.same(trustProxyOf('10.0.0.1,fd00::/8 , loopback'), ['10.0.0.1', 'fd00::/8', 'loopback'])
  for (const bad of ['true', '2', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1']) {
    let refusal: unknown
    try { loadConfig({ TRUST_PROXY: bad }) } catch (error) { refusal = error }
    t.ok(refusal instanceof ConfigError && /TRUST_PROXY/.test(refusal.message), `TRUST_PROXY=${bad} is refused`)
  }
})

t.test('the OpenAPI document describes the limit on every operation but liveness', async (t) => {
  const ctx = await build(t)
  const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, Record<string, { operationId: string, responses: Record<string, { headers?: Record<string, unknown> }> }>>
  }
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const operation of Object.values(operations)) {
      const { responses, operationId } = operation
      if (path === '/health/live') {
        t.notOk(responses['429'], 'liveness is not limited')
        continue
      }
      t.ok(responses['429']?.headers?.['Retry-After'], `${operationId}: 429 with Retry-After`)
      const ok = Object.entries(responses).find(([status]) => /^2/.test(status))![1]
      for (const name of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) {
        t.ok(ok.headers?.[name], `${operationId}: ${name}`)
      }
    }
  }
})
