import t from 'tap'
import { errorTypesOf } from '../helpers/response-page.ts'
import { build } from '../helper.ts'
import { isProblemCode } from '../../src/lib/errors.ts'

const deep = (levels: number): string => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels)

/** Bodies a careless or hostile caller sends, with the content type they come under. */
const HOSTILE: Array<[string, string]> = [
  ['application/json', '{}'],
  ['application/json', '[]'],
  ['application/json', 'null'],
  ['application/json', '"text"'],
  ['application/json', '12345678901234567890123'],
  ['application/json', '{"unknown": true}'],
  ['application/json', '{"items": "not a list", "hashes": {}, "name": 1, "role": [], "action": {}}'],
  ['application/json', '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'],
  ['application/json', deep(5000)],
  ['application/json', '{"a": "\\ud800"}'],
  ['application/json', '{"a": '],
  ['application/json', ''],
  ['text/plain', 'hello'],
  ['application/x-www-form-urlencoded', 'a=1'],
  ['image/png', 'not a png'],
  ['text/csv', 'type,value\nsha256,zz']
]

interface Operation { parameters?: Array<{ in: string, name: string }> }

t.test('no body, however malformed, makes a write answer 500 or change anything', async (t) => {
  const ctx = await build(t)
  const keys = { authority: await ctx.clientKey('authority'), liaison: await ctx.clientKey('liaison', 'telegram'), admin: ctx.adminKey }
  const counts = async () => (await ctx.pool.query(`select (select count(*) from reports) + (select count(*) from clients)
    + (select count(*) from legal_bases) + (select count(*) from notice_events) + (select count(*) from hash_bank_entries) as n`)).rows[0].n
  const before = await counts()
  const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> }
  let requests = 0
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of ['post', 'patch'] as const) {
      if (!operations[method]) continue
      const url = path.replace(/\{[^}]+\}/g, (name) => name === '{slug}' ? 'telegram' : name === '{id}' && path.startsWith('/v1/legal-bases') ? 'kz-online-platforms-9' : '00000000-0000-4000-8000-000000000000')
      for (const [type, payload] of HOSTILE) {
        for (const key of Object.values(keys)) {
          const res = await ctx.call(key, { method: method.toUpperCase() as 'POST' | 'PATCH', url, headers: { 'content-type': type, 'if-match': '"1"' }, payload })
          requests++
          const name = `${method.toUpperCase()} ${url} ${type} ${payload.slice(0, 40)}`
          if (res.statusCode >= 500) t.fail(`${name} answered ${res.statusCode}: ${res.body.slice(0, 200)}`)
          else if (res.statusCode < 400) t.fail(`${name} was accepted: ${res.statusCode}`)
          else if (String(res.headers['content-type']).startsWith('text/html')) {
            t.ok(errorTypesOf(url).includes(String(res.headers['content-type'])), `${name}: an HTML page only from the response page`)
          } else {
            t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', name)
            t.ok(isProblemCode(res.json().code), `${name}: ${String(res.json().code)} is a known code`)
          }
        }
      }
    }
  }
  t.equal(await counts(), before, 'nothing was stored')
  t.ok(requests > 500, `${requests} requests`)
})
