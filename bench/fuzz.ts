// `npm run fuzz`: 100,000 requests generated from the OpenAPI document over every operation, with figures.
// FUZZ_REQUESTS and FUZZ_SEED change the run; DATABASE_URL names the PostgreSQL server (a database is made and dropped).
import fs from 'node:fs'
import { open } from '../test/helper.ts'
import { describe, fuzz } from '../test/fuzz/run-fuzz.ts'

const total = Number(process.env.FUZZ_REQUESTS ?? 100_000)
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres'

const doc = JSON.parse(fs.readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'))
const ctx = await open({ RATE_LIMIT_PER_MINUTE: '100000000' })
let failed = false
try {
  const keys = [ctx.adminKey, await ctx.clientKey('authority'), await ctx.clientKey('auditor'), await ctx.clientKey('liaison', 'telegram'), await ctx.clientKey('liaison', 'vk'), null, 'tdk_not-a-real-key']
  console.log(`fuzzing ${total} requests, seed ${seed}`)
  const memoryBefore = process.memoryUsage().rss
  const figures = await fuzz(doc, async (request) => {
    const res = await ctx.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, payload: request.payload })
    return { statusCode: res.statusCode, headers: res.headers, body: res.body }
  }, { total, seed, keys, concurrency: 8, onProgress: (done) => { if (done % 10_000 === 0) console.log(`  ${done} sent`) } })
  const ready = await ctx.app.inject({ method: 'GET', url: '/health/ready' })
  console.log(`requests:           ${figures.requests} over ${figures.operations} operations`)
  console.log(`time:               ${figures.seconds.toFixed(1)} s (${(figures.requests / figures.seconds).toFixed(0)} requests/s, in-process inject, shared machine)`)
  console.log(`statuses:           ${JSON.stringify(figures.byStatus)}`)
  console.log(`5xx:                ${figures.serverErrors.length}`)
  console.log(`errors not RFC 9457: ${figures.notProblems.length}`)
  console.log(`alive afterwards:   ${ready.statusCode === 200 ? 'yes' : `no (${ready.statusCode})`}; rss ${(memoryBefore / 1e6).toFixed(0)} -> ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
  for (const f of figures.serverErrors.slice(0, 10)) console.log(`  5xx: ${describe(f)}`)
  for (const f of figures.notProblems.slice(0, 10)) console.log(`  not a problem (${f.why}): ${describe(f)}`)
  failed = figures.serverErrors.length > 0 || figures.notProblems.length > 0 || ready.statusCode !== 200
} finally {
  await ctx.close()
}
process.exitCode = failed ? 1 : 0
