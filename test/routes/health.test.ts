import t from 'tap'
import { build } from '../helper.ts'

t.test('health, docs and unknown routes', async (t) => {
  const ctx = await build(t)

  t.test('live and ready answer without credentials', async (t) => {
    const live = await ctx.app.inject({ method: 'GET', url: '/health/live' })
    t.same(live.json(), { status: 'ok' })
    const ready = await ctx.app.inject({ method: 'GET', url: '/health/ready' })
    t.equal(ready.statusCode, 200)
    t.match(ready.json(), { status: 'ok', details: { mediaHashing: { inFlight: 0 } } })
    t.ok('ffmpeg' in ready.json().details, 'names the ffmpeg that decodes videos (or null)')
  })

  t.test('the OpenAPI document and the docs page are served', async (t) => {
    const doc = await ctx.app.inject({ method: 'GET', url: '/openapi.json' })
    t.equal(doc.statusCode, 200)
    t.equal(doc.json().openapi, '3.1.0')
    t.ok(doc.json().paths['/v1/reports'])
    const docs = await ctx.app.inject({ method: 'GET', url: '/docs/' })
    t.equal(docs.statusCode, 200)
    t.match(docs.body, /swagger/i)
  })

  t.test('an unknown route is a 404 problem', async (t) => {
    const res = await ctx.app.inject({ method: 'GET', url: '/v1/nothing-here' })
    t.equal(res.statusCode, 404)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.match(res.json(), { status: 404, title: 'Not found', code: 'route_not_found', type: 'https://takedown.example.gov.kz/problems/route_not_found' })
  })

  t.test('URLs the router refuses are problems too: a malformed escape is 400, an over-long segment 414', async (t) => {
    const bad = await ctx.call(ctx.adminKey, { method: 'GET', url: '/v1/platforms/%' })
    t.equal(bad.statusCode, 400)
    t.match(bad.json(), { status: 400, code: 'malformed_request', detail: /percent-encoding/ })
    const long = await ctx.call(ctx.adminKey, { method: 'GET', url: `/v1/platforms/${'x'.repeat(201)}` })
    t.equal(long.statusCode, 414)
    t.match(long.json(), { status: 414, code: 'uri_too_long', title: 'URI too long' })
    for (const res of [bad, long]) {
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      t.equal(res.headers['x-content-type-options'], 'nosniff')
      t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/)
    }
  })

  t.test('a malformed JSON body is a 400 problem', async (t) => {
    const res = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', headers: { 'content-type': 'application/json' }, payload: '{"name": ' })
    t.equal(res.statusCode, 400)
    t.equal(res.json().status, 400)
  })

  t.test('a body over the limit is a 413 problem', async (t) => {
    const res = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'x'.repeat(ctx.config.BODY_LIMIT_BYTES), role: 'authority' } })
    t.equal(res.statusCode, 413)
    t.equal(res.json().status, 413)
  })

  t.test('every response carries a request id', async (t) => {
    const res = await ctx.app.inject({ method: 'GET', url: '/health/live' })
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  })

  t.test('answers and problems alike carry the security headers and a request id', async (t) => {
    const answers = [
      await ctx.app.inject({ method: 'GET', url: '/health/live' }),
      await ctx.app.inject({ method: 'GET', url: '/v1/nothing-here' }),
      await ctx.app.inject({ method: 'GET', url: '/v1/reports' }),
      await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'x', role: 'nobody' } }),
      await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'x'.repeat(ctx.config.BODY_LIMIT_BYTES), role: 'authority' } }),
      await ctx.app.inject({ method: 'GET', url: '/v1/platforms/%' })
    ]
    t.same(answers.map((res) => res.statusCode), [200, 404, 401, 400, 413, 400])
    for (const res of answers) {
      t.match(res.headers, {
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
        'x-request-id': /^[0-9a-f-]{36}$/
      }, `${res.statusCode}`)
    }
  })

  t.test('a 304 carries its tag and request id, and no security headers: it has no content', async (t) => {
    const url = '/v1/platforms/telegram'
    const first = await ctx.call(ctx.adminKey, { method: 'GET', url })
    const again = await ctx.call(ctx.adminKey, { method: 'GET', url, headers: { 'if-none-match': first.headers.etag as string } })
    t.equal(again.statusCode, 304)
    t.equal(again.headers.etag, first.headers.etag)
    t.match(again.headers['x-request-id'], /^[0-9a-f-]{36}$/)
    t.equal(again.headers['x-frame-options'], undefined)
    t.equal(again.headers['content-length'], undefined, 'nor a length of what it stands for')
    t.equal(again.body, '')
    t.equal(first.headers['x-frame-options'], 'DENY', 'the answer it revalidates has them')
  })

  t.test('a caller\'s own request id is echoed', async (t) => {
    const res = await ctx.app.inject({ method: 'GET', url: '/health/live', headers: { 'x-request-id': 'caller-trace-42' } })
    t.equal(res.headers['x-request-id'], 'caller-trace-42')
  })
})
