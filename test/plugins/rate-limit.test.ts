import t from 'tap'
import { build } from '../helper.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { FixedWindows } from '../../src/plugins/rate-limit.ts'

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
  const ctx = await build(t, { RATE_LIMIT_PER_MINUTE: '3' })
  const { call } = ctx
  const authority = await ctx.clientKey('authority')
  const auditor = await ctx.clientKey('auditor')

  const allowed = []
  for (let i = 0; i < 3; i++) allowed.push(await call(authority, { method: 'GET', url: '/v1/reports' }))
  t.same(allowed.map((res) => res.statusCode), [200, 200, 200])
  t.same(allowed.map((res) => res.headers['x-ratelimit-remaining']), ['2', '1', '0'])
  for (const res of allowed) {
    t.equal(res.headers['x-ratelimit-limit'], '3')
    t.ok(Number(res.headers['x-ratelimit-reset']) >= 1 && Number(res.headers['x-ratelimit-reset']) <= 60)
  }

  const refused = await call(authority, {
    method: 'POST',
    url: '/v1/reports',
    payload: reportPayload(['https://t.me/c/1'], { externalRef: 'LIMITED', category: 'fraud', statementOfReasons: 'Scam.' })
  })
  t.equal(refused.statusCode, 429)
  t.equal(refused.headers['content-type'], 'application/problem+json; charset=utf-8')
  t.match(refused.json(), { status: 429, code: 'rate_limited', title: 'Too many requests', detail: /at most 3 requests per minute/ })
  t.equal(refused.headers['retry-after'], refused.headers['x-ratelimit-reset'])
  t.equal(refused.headers['x-ratelimit-remaining'], '0')

  const other = await call(auditor, { method: 'GET', url: '/v1/reports' })
  t.equal(other.statusCode, 200, 'another client has a window of its own')
  t.equal(other.headers['x-ratelimit-remaining'], '2')
  t.same(other.json().data, [], 'the refused report was not stored')

  const anonymous = []
  for (let i = 0; i < 4; i++) anonymous.push((await call(null, { method: 'GET', url: '/v1/reports' })).statusCode)
  t.same(anonymous, [401, 401, 401, 429], 'requests without a key are limited per address')

  for (let i = 0; i < 5; i++) {
    const health = await call(null, { method: 'GET', url: '/health/live' })
    t.equal(health.statusCode, 200)
    t.equal(health.headers['x-ratelimit-limit'], undefined, 'health checks are not limited')
  }
})
