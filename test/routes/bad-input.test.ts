import t from 'tap'
import { build } from '../helper.ts'
import { errorTypesOf } from '../helpers/response-page.ts'

/** Values a careless or hostile caller sends in a query string or a path segment. */
const HOSTILE = ['%00', '-1', '0', '1e400', '99999999999999999999999', 'x'.repeat(5000), '2026-13-45T99:99:99Z', '%ED%A0%80', '%', '[]', 'null', ' ']

interface Operation { parameters?: Array<{ in: string, name: string }> }

t.test('no query string or path segment, however malformed, makes a read answer 500', async (t) => {
  const ctx = await build(t)
  const keys = { auditor: await ctx.clientKey('auditor'), liaison: await ctx.clientKey('liaison', 'telegram'), admin: ctx.adminKey }
  const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> }
  let requests = 0
  for (const [path, operations] of Object.entries(doc.paths)) {
    const get = operations.get
    if (!get) continue
    const params = get.parameters ?? []
    const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name)
    const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name)
    const urls: string[] = []
    for (const value of HOSTILE) {
      const filled = pathParams.reduce((url, name) => url.replace(`{${name}}`, value), path)
      if (pathParams.length > 0) urls.push(filled)
      const base = pathParams.reduce((url, name) => url.replace(`{${name}}`, '00000000-0000-4000-8000-000000000000'), path)
      for (const name of queryParams) urls.push(`${base}?${name}=${value}`)
    }
    for (const url of urls) {
      for (const key of Object.values(keys)) {
        const res = await ctx.call(key, { method: 'GET', url })
        requests++
        const name = url.length > 100 ? `${url.slice(0, 100)}… (${url.length} characters)` : url
        if (res.statusCode >= 500) t.fail(`${name} answered ${res.statusCode}: ${res.body.slice(0, 200)}`)
        else if (res.statusCode >= 400) t.ok(errorTypesOf(url).includes(String(res.headers['content-type'])), `${name}: ${String(res.headers['content-type'])}`)
      }
    }
  }
  t.ok(requests > 500, `${requests} requests`)
})
