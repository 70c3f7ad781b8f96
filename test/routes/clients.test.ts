import t from 'tap'
import { build } from '../helper.ts'

t.test('API clients', async (t) => {
  const ctx = await build(t)
  const { call, adminKey } = ctx

  t.test('an admin creates a liaison and its key is shown once, stored only as a hash', async (t) => {
    const res = await call(adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'TikTok liaison', role: 'liaison', platform: 'tiktok' } })
    t.equal(res.statusCode, 201)
    const body = res.json()
    t.match(body, { name: 'TikTok liaison', role: 'liaison', platform: 'tiktok', revokedAt: null })
    t.match(body.apiKey, /^tdk_[A-Za-z0-9]{8}_/)
    t.equal(res.headers.location, `/v1/clients/${body.id}`)
    const stored = await ctx.pool.query('select key_hash, key_prefix from clients where id = $1', [body.id])
    t.not(stored.rows[0].key_hash, body.apiKey)
    const secret = body.apiKey.slice('tdk_'.length + 8 + 1) // the secret may itself contain '_'
    t.notOk(JSON.stringify(stored.rows[0]).includes(secret), 'the secret is not stored')
    const read = await call(adminKey, { method: 'GET', url: `/v1/clients/${body.id}` })
    t.equal(read.statusCode, 200)
    t.notOk('apiKey' in read.json(), 'the key is never shown again')
    const works = await call(body.apiKey, { method: 'GET', url: '/v1/platforms' })
    t.equal(works.statusCode, 200)
  })

  t.test('a platform is required exactly for liaisons', async (t) => {
    const missing = await call(adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'x', role: 'liaison' } })
    t.equal(missing.statusCode, 422)
    t.match(missing.json().errors, [{ pointer: '/platform' }])
    const extra = await call(adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'x', role: 'authority', platform: 'vk' } })
    t.equal(extra.statusCode, 422)
    const unknown = await call(adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'x', role: 'liaison', platform: 'myspace' } })
    t.equal(unknown.statusCode, 422)
    t.match(unknown.json().errors[0].detail, /myspace/)
  })

  t.test('bad bodies are 400 problems: unknown fields, wrong types, bad roles', async (t) => {
    for (const payload of [
      { name: 'x', role: 'authority', admin: true },
      { name: 42, role: 'authority' },
      { name: 'x', role: 'superuser' },
      { role: 'authority' }
    ]) {
      const res = await call(adminKey, { method: 'POST', url: '/v1/clients', payload })
      t.equal(res.statusCode, 400, JSON.stringify(payload))
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
      t.ok(res.json().errors.length > 0)
    }
    const count = await ctx.pool.query('select count(*)::int as n from clients')
    t.equal(count.rows[0].n, 2, 'nothing was stored by the refused requests (admin + the liaison)')
  })

  t.test('revocation takes effect at once; the last admin cannot be revoked', async (t) => {
    const key = await ctx.clientKey('auditor')
    const list = await call(adminKey, { method: 'GET', url: '/v1/clients?limit=500' })
    const auditor = list.json().data.find((c: { role: string }) => c.role === 'auditor')
    const revoked = await call(adminKey, { method: 'POST', url: `/v1/clients/${auditor.id}/revoke` })
    t.equal(revoked.statusCode, 200)
    t.ok(revoked.json().revokedAt)
    const refused = await call(key, { method: 'GET', url: '/v1/platforms' })
    t.equal(refused.statusCode, 401)
    const admin = list.json().data.find((c: { role: string }) => c.role === 'admin')
    const last = await call(adminKey, { method: 'POST', url: `/v1/clients/${admin.id}/revoke` })
    t.equal(last.statusCode, 409)
    const missing = await call(adminKey, { method: 'POST', url: '/v1/clients/00000000-0000-4000-8000-000000000000/revoke' })
    t.equal(missing.statusCode, 404)
  })

  t.test('the list pages with an opaque cursor', async (t) => {
    for (let i = 0; i < 3; i++) await ctx.clientKey('authority')
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res = await call(adminKey, { method: 'GET', url: `/v1/clients?limit=2${cursor ? `&cursor=${cursor}` : ''}` })
      t.equal(res.statusCode, 200)
      const body = res.json()
      t.ok(body.data.length <= 2)
      seen.push(...body.data.map((c: { id: string }) => c.id))
      cursor = body.nextCursor
    } while (cursor)
    t.equal(new Set(seen).size, seen.length, 'no client twice')
    const total = await ctx.pool.query('select count(*)::int as n from clients')
    t.equal(seen.length, total.rows[0].n, 'every client once')
    const bad = await call(adminKey, { method: 'GET', url: '/v1/clients?cursor=bm9wZQ' })
    t.equal(bad.statusCode, 400)
    const tooMany = await call(adminKey, { method: 'GET', url: '/v1/clients?limit=501' })
    t.equal(tooMany.statusCode, 400)
  })

  t.test('security: no key 401, malformed header 401, other roles 403', async (t) => {
    const none = await call(null, { method: 'GET', url: '/v1/clients' })
    t.equal(none.statusCode, 401)
    t.equal(none.headers['www-authenticate'], 'Bearer realm="takedown-gateway"')
    t.equal(none.json().status, 401)
    const wrong = await call('tdk_nonsense_0000000000000000000000000000000', { method: 'GET', url: '/v1/clients' })
    t.equal(wrong.statusCode, 401)
    const basic = await ctx.app.inject({ method: 'GET', url: '/v1/clients', headers: { authorization: 'Basic abc' } })
    t.equal(basic.statusCode, 401)
    for (const role of ['authority', 'auditor'] as const) {
      const key = await ctx.clientKey(role)
      const res = await call(key, { method: 'POST', url: '/v1/clients', payload: { name: 'x', role: 'admin' } })
      t.equal(res.statusCode, 403, role)
    }
    const liaison = await ctx.clientKey('liaison', 'vk')
    t.equal((await call(liaison, { method: 'GET', url: '/v1/clients' })).statusCode, 403)
  })
})
