import t from 'tap'
import { build } from '../helper.ts'
import { reportPayload } from '../fixtures/reports.ts'

const body = (ref: string) =>
  reportPayload(['https://t.me/scam_channel/77'], { externalRef: ref, category: 'fraud', statementOfReasons: 'A fraudulent investment scheme.' })

t.test('Idempotency-Key', async (t) => {
  const ctx = await build(t)
  const authority = await ctx.clientKey('authority')
  const other = await ctx.clientKey('authority')
  const post = (key: string, idem: string | undefined, payload: object) => ctx.call(key, {
    method: 'POST', url: '/v1/reports', payload, headers: idem ? { 'idempotency-key': idem } : {}
  })
  const count = async (ref: string) => (await ctx.pool.query('select count(*)::int as n from reports where external_ref = $1', [ref])).rows[0].n

  t.test('a retry with the same key and body replays the first response', async (t) => {
    const first = await post(authority, 'retry-1', body('IDEM-1'))
    t.equal(first.statusCode, 201)
    const second = await post(authority, 'retry-1', body('IDEM-1'))
    t.equal(second.statusCode, 201)
    t.equal(second.headers['idempotent-replayed'], 'true')
    t.equal(second.headers.location, first.headers.location)
    t.same(second.json(), first.json())
    t.equal(await count('IDEM-1'), 1, 'stored once')
  })

  t.test('the same key with a different body is 422', async (t) => {
    await post(authority, 'retry-2', body('IDEM-2'))
    const changed = await post(authority, 'retry-2', body('IDEM-2-changed'))
    t.equal(changed.statusCode, 422)
    t.equal(await count('IDEM-2-changed'), 0)
  })

  t.test('keys are scoped per client', async (t) => {
    const mine = await post(authority, 'shared-key', body('IDEM-3'))
    const theirs = await post(other, 'shared-key', body('IDEM-3'))
    t.equal(mine.statusCode, 201)
    t.equal(theirs.statusCode, 201)
    t.not(theirs.json().id, mine.json().id)
  })

  t.test('a retry while the first is still running is 409', async (t) => {
    const [a, b] = await Promise.all([
      post(authority, 'race-key', body('IDEM-4')),
      post(authority, 'race-key', body('IDEM-4'))
    ])
    const statuses = [a.statusCode, b.statusCode].sort()
    t.ok(statuses[0] === 201, 'one of them creates')
    t.ok(statuses[1] === 409 || statuses[1] === 201, `the other waits (409) or replays (201): ${statuses}`)
    t.equal(await count('IDEM-4'), 1, 'stored once either way')
  })

  t.test('a refused request is replayed too, and refusals store nothing', async (t) => {
    const bad = { ...body('IDEM-5'), legalBasis: 'none' }
    const first = await post(authority, 'bad-1', bad)
    t.equal(first.statusCode, 422)
    const again = await post(authority, 'bad-1', bad)
    t.equal(again.statusCode, 422)
    t.equal(again.headers['idempotent-replayed'], 'true')
  })

  t.test('a malformed key is a 400', async (t) => {
    const res = await post(authority, 'x'.repeat(300), body('IDEM-6'))
    t.equal(res.statusCode, 400)
  })

  t.test('client creation is idempotent too', async (t) => {
    const payload = { name: 'idempotent auditor', role: 'auditor' }
    const first = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload, headers: { 'idempotency-key': 'client-1' } })
    const second = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload, headers: { 'idempotency-key': 'client-1' } })
    t.equal(first.statusCode, 201)
    t.same(second.json(), first.json())
  })
})
