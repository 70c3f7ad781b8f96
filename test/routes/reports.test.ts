import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, type ReportItem, type ReportFields } from '../fixtures/reports.ts'

const report = (items: ReportItem[], extra: Partial<ReportFields> = {}) =>
  reportPayload(items, { statementOfReasons: 'The video calls for violence against civilians.', ...extra })

t.test('reports', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram: liaison } } = await actors(ctx, 'telegram')

  t.test('an authority submits a report; every item is recognised', async (t) => {
    const res = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: report([
        { url: 'https://T.ME/s/SomeChannel/123?utm_source=x#frag', contentType: 'text', capturedAt: '2026-11-28T10:00:00Z', evidenceRef: 'EV-1' },
        { url: 'https://vm.tiktok.com/ZMabc123/', contentType: 'video', hashes: { sha256: 'A'.repeat(64), md5: 'b'.repeat(32) } },
        { url: 'https://vk.com/wall-1_2', contentType: 'text' }
      ], { territorialScope: ['KZ'] })
    })
    t.equal(res.statusCode, 201, res.body)
    const body = res.json()
    t.equal(res.headers.location, `/v1/reports/${body.id}`)
    t.match(body, { externalRef: 'CASE-2026-0001', category: 'terrorism', urgency: 'normal', territorialScope: ['KZ'] })
    t.equal(body.items.length, 3)
    t.match(body.items[0], { platform: 'telegram', canonicalUrl: 'https://t.me/somechannel/123', identifiers: { channel: 'somechannel', message: '123' }, evidenceRef: 'EV-1', reupload: null, duplicateOf: null })
    t.equal(body.items[0].capturedAt, '2026-11-28T10:00:00.000Z')
    t.match(body.items[1], { platform: 'tiktok', hashes: { sha256: 'a'.repeat(64), md5: 'b'.repeat(32), pdq: null } })
    t.match(body.items[2], { platform: 'vk', identifiers: { ownerId: '-1', postId: '2' } })
    const read = await call(auditor, { method: 'GET', url: `/v1/reports/${body.id}` })
    t.equal(read.statusCode, 200)
    t.same(read.json(), body, 'reading gives what submission answered')
    t.ok(read.headers.etag)
    const again = await call(auditor, { method: 'GET', url: `/v1/reports/${body.id}`, headers: { 'if-none-match': read.headers.etag as string } })
    t.equal(again.statusCode, 304)
    t.equal(again.body, '')
  })

  t.test('territorial scope defaults to KZ', async (t) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: 'https://youtu.be/dQw4w9WgXcQ', contentType: 'video' }]) })
    t.equal(res.statusCode, 201)
    t.same(res.json().territorialScope, ['KZ'])
  })

  t.test('unrecognised items and malformed hashes refuse the whole report, naming every offender', async (t) => {
    const before = await ctx.pool.query('select count(*)::int as n from reports')
    const res = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: report([
        { url: 'https://t.me/ok_channel/1', contentType: 'text' },
        { url: 'https://example.com/page', contentType: 'text' },
        { url: 'https://t.me/fine/2', contentType: 'image', hashes: { pdq: 'xyz' } },
        { url: 'not a url at all', contentType: 'text', hashes: { md5: '123' } }
      ], { legalBasis: 'no-such-law' })
    })
    t.equal(res.statusCode, 422)
    const pointers = res.json().errors.map((e: { pointer: string }) => e.pointer)
    t.same(pointers, ['/legalBasis', '/items/1/url', '/items/2/hashes/pdq', '/items/3/url', '/items/3/hashes/md5'])
    const after = await ctx.pool.query('select count(*)::int as n from reports')
    t.equal(after.rows[0].n, before.rows[0].n, 'nothing stored')
  })

  t.test('schema violations are 400 problems: unknown fields, coercion, limits', async (t) => {
    const cases: Array<[string, unknown]> = [
      ['unknown top-level field', { ...report([{ url: 'https://t.me/a/1', contentType: 'text' }]), priority: 'high' }],
      ['unknown item field', report([{ url: 'https://t.me/a/1', contentType: 'text', note: 'x' }])],
      ['number where a string is expected', { ...report([{ url: 'https://t.me/a/1', contentType: 'text' }]), externalRef: 12345 }],
      ['unknown category', report([{ url: 'https://t.me/a/1', contentType: 'text' }], { category: 'spam' })],
      ['no items', report([])],
      ['too many items', report(Array.from({ length: 1001 }, (_, i) => ({ url: `https://t.me/a/${i + 1}`, contentType: 'text' })))],
      ['statement too long', report([{ url: 'https://t.me/a/1', contentType: 'text' }], { statementOfReasons: 'x'.repeat(10001) })],
      ['bad capture time', report([{ url: 'https://t.me/a/1', contentType: 'text', capturedAt: 'yesterday' }])]
    ]
    for (const [name, payload] of cases) {
      const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: payload as object })
      t.equal(res.statusCode, 400, name)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', name)
      t.ok(res.json().errors?.length > 0, name)
    }
  })

  t.test('lists filter by externalRef, category and createdSince, and page', async (t) => {
    for (let i = 0; i < 3; i++) {
      await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: `https://t.me/list/${i + 1}`, contentType: 'text' }], { externalRef: 'LIST-REF', category: 'drugs' }) })
    }
    const byRef = await call(auditor, { method: 'GET', url: '/v1/reports?externalRef=LIST-REF&limit=2' })
    t.equal(byRef.statusCode, 200)
    t.equal(byRef.json().data.length, 2)
    t.ok(byRef.json().nextCursor)
    t.equal(byRef.json().data[0].itemCount, 1)
    const next = await call(auditor, { method: 'GET', url: `/v1/reports?externalRef=LIST-REF&limit=2&cursor=${byRef.json().nextCursor}` })
    t.equal(next.json().data.length, 1)
    t.equal(next.json().nextCursor, null)
    const drugs = await call(auditor, { method: 'GET', url: '/v1/reports?category=drugs' })
    t.equal(drugs.json().data.length, 3)
    const future = await call(auditor, { method: 'GET', url: '/v1/reports?createdSince=2999-01-01T00:00:00Z' })
    t.equal(future.json().data.length, 0)
    const bad = await call(auditor, { method: 'GET', url: '/v1/reports?category=nope' })
    t.equal(bad.statusCode, 400)
  })

  t.test('security: no key 401, liaisons and admins may not read or submit reports', async (t) => {
    t.equal((await call(null, { method: 'GET', url: '/v1/reports' })).statusCode, 401)
    t.equal((await call(null, { method: 'POST', url: '/v1/reports', payload: report([]) })).statusCode, 401)
    t.equal((await call(liaison, { method: 'GET', url: '/v1/reports' })).statusCode, 403)
    const own = await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: 'https://t.me/security_report/1', contentType: 'text' }]) })
    t.equal(own.statusCode, 201)
    t.equal((await call(liaison, { method: 'GET', url: `/v1/reports/${own.json().id}` })).statusCode, 403)
    t.equal((await call(auditor, { method: 'POST', url: '/v1/reports', payload: report([{ url: 'https://t.me/a/1', contentType: 'text' }]) })).statusCode, 403)
    t.equal((await call(ctx.adminKey, { method: 'POST', url: '/v1/reports', payload: report([{ url: 'https://t.me/a/1', contentType: 'text' }]) })).statusCode, 403)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/reports/00000000-0000-4000-8000-000000000000' })).statusCode, 404)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/reports/not-a-uuid' })).statusCode, 400)
  })
})

t.test('text the database cannot store is a 400, never a 500', async (t) => {
  const ctx = await build(t)
  const authority = await ctx.clientKey('authority')
  for (const [name, statementOfReasons] of [['a NUL character', 'x \u0000 y'], ['an unpaired surrogate', 'x \ud800 y']]) {
    const res = await ctx.call(authority, {
      method: 'POST',
      url: '/v1/reports',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(report([{ url: 'https://t.me/some_channel/1', contentType: 'text' }], { statementOfReasons }))
    })
    t.equal(res.statusCode, 400, name)
    t.same(res.json().errors, [{ pointer: '/statementOfReasons', detail: 'contains a NUL character or an unpaired surrogate' }], name)
  }
  const deep = await ctx.call(authority, { method: 'POST', url: '/v1/reports', headers: { 'content-type': 'application/json' }, payload: `{"items":${'['.repeat(40)}${']'.repeat(40)}}` })
  t.equal(deep.statusCode, 400, 'nesting no request needs')
  t.same(deep.json().errors, [{ pointer: '/items/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0', detail: 'is nested more than 32 levels deep' }])
  const auditor = await ctx.clientKey('auditor')
  for (const [url, pointer] of [
    ['/v1/reports?externalRef=%00x', 'querystring:/externalRef'],
    ['/v1/legal-bases/kz%00', 'params:/id'],
    ['/v1/platforms/tele%00gram', 'params:/slug']
  ]) {
    const res = await ctx.call(auditor, { method: 'GET', url })
    t.equal(res.statusCode, 400, url)
    t.same(res.json().errors, [{ pointer, detail: 'contains a NUL character or an unpaired surrogate' }], url)
  }
})
