// Requests generated from the OpenAPI document over every operation: no 5xx, every error a problem document.
import t from 'tap'
import fs from 'node:fs'
import { build } from '../helper.ts'
import { describe, fuzz } from './run-fuzz.ts'

const doc = JSON.parse(fs.readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8'))
// A few thousand requests here; `npm run fuzz` sends 100,000.
const TOTAL = 3_000

t.test('fuzzed requests from the contract', async (t) => {
  const ctx = await build(t, { RATE_LIMIT_PER_MINUTE: '100000000' })
  const keys = [ctx.adminKey, await ctx.clientKey('authority'), await ctx.clientKey('auditor'), await ctx.clientKey('liaison', 'telegram'), null, 'tdk_not-a-real-key']
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)
  t.comment(`seed ${seed} (FUZZ_SEED=${seed} repeats this run)`)
  const figures = await fuzz(doc, async (request) => {
    const res = await ctx.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, payload: request.payload })
    return { statusCode: res.statusCode, headers: res.headers, body: res.body }
  }, { total: TOTAL, seed, keys })
  t.comment(`${figures.requests} requests over ${figures.operations} operations in ${figures.seconds.toFixed(1)} s: ${JSON.stringify(figures.byStatus)}`)
  t.equal(figures.requests, TOTAL)
  t.same(figures.serverErrors.slice(0, 5).map(describe), [], 'no 5xx answers')
  t.same(figures.notProblems.slice(0, 5).map((f) => `${f.why}: ${describe(f)}`), [], 'every error is a problem document')
  const live = await ctx.app.inject({ method: 'GET', url: '/health/ready' })
  t.equal(live.statusCode, 200, 'the gateway still answers')
})

t.test('what the full run found', async (t) => {
  const ctx = await build(t)
  t.test('a second legal basis with an id already taken is a 409 problem (the driver\'s error arrives wrapped)', async (t) => {
    const body = { id: 'fuzz-found-1', citation: 'Art. 1', title: { kk: 'a', ru: 'b', en: 'c' }, text: { kk: 'a', ru: 'b', en: 'c' } }
    const first = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/legal-bases', payload: body })
    t.equal(first.statusCode, 201, first.body)
    const again = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/legal-bases', payload: body })
    t.equal(again.statusCode, 409, again.body)
    t.match(again.headers['content-type'], /application\/problem\+json/)
  })
})
