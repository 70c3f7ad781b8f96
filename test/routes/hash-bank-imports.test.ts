import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { vector } from '../helpers/hash-bank.ts'
import { eventually } from '../helpers/eventually.ts'

const SHA = (n: number) => n.toString(16).padStart(64, '0')
const PDQ = vector('pen-and-coaster.png').pdq

t.test('hash-bank imports', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram: liaison } } = await actors(ctx, 'telegram')
  const post = (key: string | null, query: string, contentType: string, body: string, headers: Record<string, string> = {}) =>
    call(key, { method: 'POST', url: `/v1/hash-bank/imports?${query}`, headers: { 'content-type': contentType, ...headers }, payload: body })
  const count = async (source: string) => (await ctx.pool.query('select count(*)::int as n from hash_bank_entries where source = $1', [source])).rows[0].n

  t.test('lenient CSV keeps valid lines and reports the bad ones by line number', async (t) => {
    const csv = [
      'type,value,labels',
      `sha256,${SHA(1)},gifct:terrorism;video`,
      `md5,${'A'.repeat(32)},`,
      'sha256,not-hex,x',
      '',
      `pdq,${PDQ},"quoted;label"`,
      `sha1,${SHA(2)},`,
      `md5,${'b'.repeat(32)}`,
      `sha256,${SHA(1)},dup`
    ].join('\r\n') + '\n'
    const res = await post(authority, 'name=gifct-2026&category=terrorism', 'text/csv', csv)
    t.equal(res.statusCode, 201, res.body)
    t.match(res.json(), { name: 'gifct-2026', format: 'csv', mode: 'lenient', category: 'terrorism', lines: 7, accepted: 4, added: 3, duplicates: 1, rejected: 3 })
    t.same(res.json().errors.map((e: { line: number }) => e.line), [4, 7, 8])
    t.match(res.json().errors[0].detail, /64 hex digits/)
    const rows = await ctx.pool.query('select type, value, labels, category, import_id from hash_bank_entries where source = $1 order by type', ['gifct-2026'])
    t.same(rows.rows.map((r) => [r.type, r.value, r.labels]), [['md5', 'a'.repeat(32), []], ['pdq', PDQ, ['quoted', 'label']], ['sha256', SHA(1), ['gifct:terrorism', 'video']]], 'the first of two equal lines is kept')
    t.ok(rows.rows.every((r) => r.category === 'terrorism' && r.import_id === res.json().id))
    // PDQ additions reach the in-memory index by its poll (at once unless an older transaction is still open).
    const match = await eventually(async () => {
      const res = await call(liaison, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'sha256', value: SHA(1) }, { type: 'pdq', value: PDQ }] } })
      return res.json().results[1].matches.length > 0 && res
    })
    t.match(match.json().results[0].matches, [{ source: 'gifct-2026', notice: null, labels: ['gifct:terrorism', 'video'], category: 'terrorism' }])
    t.match(match.json().results[1].matches, [{ source: 'gifct-2026', kind: 'pdq', distance: 0 }])
  })

  t.test('NDJSON lines, with labels and quality; low-quality PDQ is banked but never matched', async (t) => {
    const low = 'f'.repeat(32) + '0'.repeat(32)
    const ndjson = [
      JSON.stringify({ type: 'sha256', value: SHA(10), labels: ['a', 'b'] }),
      JSON.stringify({ type: 'pdq', value: low, quality: 20 }),
      '{ not json',
      JSON.stringify({ type: 'md5', value: 'c'.repeat(32), extra: 1 }),
      JSON.stringify({ type: 'md5', value: 'c'.repeat(32), quality: 90 }),
      JSON.stringify(['md5', 'c'.repeat(32)])
    ].join('\n')
    const res = await post(authority, 'name=partner.list', 'application/x-ndjson', ndjson)
    t.equal(res.statusCode, 201, res.body)
    t.match(res.json(), { format: 'ndjson', lines: 6, accepted: 2, added: 2, rejected: 4, category: null })
    t.same(res.json().errors.map((e: { line: number }) => e.line), [3, 4, 5, 6])
    const match = await call(authority, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'pdq', value: low }] } })
    t.same(match.json().results[0].matches, [], 'a banked hash of quality 20 does not match')
  })

  t.test('strict mode refuses the whole list when a line is bad, and stores nothing', async (t) => {
    const csv = `type,value\nsha256,${SHA(20)}\nmd5,short\nsha256,${SHA(21)}\n`
    const res = await post(authority, 'name=strict-list&mode=strict', 'text/csv', csv)
    t.equal(res.statusCode, 422)
    t.match(res.json(), { status: 422, rejected: 1, errors: [{ line: 3, pointer: 'body:line 3', detail: /32 hex digits/ }] })
    t.equal(await count('strict-list'), 0)
    t.equal((await ctx.pool.query('select count(*)::int as n from hash_bank_imports where name = $1', ['strict-list'])).rows[0].n, 0)
    const ok = await post(authority, 'name=strict-list&mode=strict', 'text/csv', `type,value\nsha256,${SHA(20)}\n`)
    t.equal(ok.statusCode, 201)
    t.equal(await count('strict-list'), 1)
  })

  t.test('re-importing the same list adds nothing', async (t) => {
    const csv = `type,value,labels\nsha256,${SHA(30)},x\n`
    await post(authority, 'name=again', 'text/csv', csv)
    const res = await post(authority, 'name=again', 'text/csv', csv)
    t.match(res.json(), { added: 0, duplicates: 1 })
    t.equal(await count('again'), 1)
  })

  t.test('unreadable lists, reserved names, wrong content types', async (t) => {
    const noHeader = await post(authority, 'name=x', 'text/csv', `sha256,${SHA(1)}\n`)
    t.equal(noHeader.statusCode, 422)
    t.match(noHeader.json().errors, [{ line: 1 }])
    t.equal((await post(authority, 'name=x', 'text/csv', 'type,value\n\n')).statusCode, 422, 'no lines')
    t.equal((await post(authority, 'name=notice', 'text/csv', `type,value\nsha256,${SHA(1)}\n`)).statusCode, 422)
    t.equal((await post(authority, 'name=Bad%20Name', 'text/csv', `type,value\nsha256,${SHA(1)}\n`)).statusCode, 400)
    t.equal((await post(authority, 'name=x&mode=sloppy', 'text/csv', 'type,value\n')).statusCode, 400)
    t.equal((await post(authority, 'name=x', 'text/plain', `type,value\nsha256,${SHA(1)}\n`)).statusCode, 415)
    t.equal((await post(authority, 'name=x', 'application/json', '{"type":"md5"}')).statusCode, 415)
    const charset = await post(authority, 'name=charset', 'text/csv; charset=utf-8', `type,value\nsha256,${SHA(40)}\n`)
    t.equal(charset.statusCode, 201, 'a charset parameter is fine')
  })

  t.test('an Idempotency-Key replays the first answer', async (t) => {
    const csv = `type,value\nsha256,${SHA(50)}\n`
    const first = await post(authority, 'name=idem', 'text/csv', csv, { 'idempotency-key': 'import-1' })
    const second = await post(authority, 'name=idem', 'text/csv', csv, { 'idempotency-key': 'import-1' })
    t.equal(second.headers['idempotent-replayed'], 'true')
    t.equal(second.json().id, first.json().id)
  })

  t.test('security: no key 401; liaisons and auditors may not import', async (t) => {
    const csv = `type,value\nsha256,${SHA(60)}\n`
    t.equal((await post(null, 'name=sec', 'text/csv', csv)).statusCode, 401)
    t.equal((await post(liaison, 'name=sec', 'text/csv', csv)).statusCode, 403)
    t.equal((await post(auditor, 'name=sec', 'text/csv', csv)).statusCode, 403)
    t.equal((await post(ctx.adminKey, 'name=sec', 'text/csv', csv)).statusCode, 201, 'admins may')
  })
})
