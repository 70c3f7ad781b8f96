// `npm run fuzz`: 100,000 requests generated from the OpenAPI document over every operation, at resources that
// exist (test/fuzz/resources.ts), with figures and a table of how far each operation got. FUZZ_REQUESTS and
// FUZZ_SEED change the run (the seed is fixed under CI, new each run elsewhere, and always printed); DATABASE_URL
// names the PostgreSQL server (a database is made and dropped). Exits non-zero on a 5xx, an error that is not a
// problem document, a gateway that no longer answers, or an operation on an id that never got past its 404.
import fs from 'node:fs'
import { open } from '../test/helper.ts'
import { describe, fuzz, fuzzSeed, operationsWithoutIds, reachedHandler, statusTable } from '../test/fuzz/run-fuzz.ts'
import { operationsOf } from '../test/fuzz/openapi-arbitraries.ts'
import { fuzzTargets } from '../test/fuzz/resources.ts'

const total = Number(process.env.FUZZ_REQUESTS ?? 100_000)
const { seed, note } = fuzzSeed(process.env)
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres'

const doc = JSON.parse(fs.readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'))
const ctx = await open({ RATE_LIMIT_PER_MINUTE: '100000000' })
let failed = false
try {
  const { keys, known } = await fuzzTargets(ctx)
  const unknown = operationsWithoutIds(doc, known)
  console.log(`fuzzing ${total} requests, ${note}`)
  const memoryBefore = process.memoryUsage().rss
  const figures = await fuzz(doc, async (request) => {
    const res = await ctx.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, payload: request.payload })
    return { statusCode: res.statusCode, headers: res.headers, body: res.body }
  }, { total, seed, keys, known, concurrency: 8, onProgress: (done) => { if (done % 10_000 === 0) console.log(`  ${done} sent`) } })
  const ready = await ctx.app.inject({ method: 'GET', url: '/health/ready' })
  const shallow = operationsOf(doc)
    .filter((operation) => (operation.op.parameters ?? []).some((p: { in: string }) => p.in === 'path'))
    .map((operation) => `${operation.method} ${operation.path}`)
    .filter((name) => !Object.keys(figures.byOperation[name] ?? {}).some((status) => reachedHandler(Number(status))))
  console.log(`\n${statusTable(figures)}\n`)
  console.log(`requests:           ${figures.requests} over ${figures.operations} operations (${note})`)
  console.log(`time:               ${figures.seconds.toFixed(1)} s (${(figures.requests / figures.seconds).toFixed(0)} requests/s, in-process inject, shared machine)`)
  console.log(`statuses:           ${JSON.stringify(figures.byStatus)}`)
  console.log(`5xx:                ${figures.serverErrors.length}`)
  console.log(`errors not RFC 9457: ${figures.notProblems.length}`)
  console.log(`id routes past 404: ${shallow.length === 0 ? 'all' : `not ${shallow.join(', ')}`}`)
  if (unknown.length > 0) console.log(`ids unknown to the setup (test/fuzz/resources.ts): ${unknown.join(', ')}`)
  console.log(`alive afterwards:   ${ready.statusCode === 200 ? 'yes' : `no (${ready.statusCode})`}; rss ${(memoryBefore / 1e6).toFixed(0)} -> ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`)
  for (const f of figures.serverErrors.slice(0, 10)) console.log(`  5xx: ${describe(f)}`)
  for (const f of figures.notProblems.slice(0, 10)) console.log(`  not a problem (${f.why}): ${describe(f)}`)
  failed = figures.serverErrors.length > 0 || figures.notProblems.length > 0 || ready.statusCode !== 200 || shallow.length > 0 || unknown.length > 0
} finally {
  await ctx.close()
}
if (failed) console.log('missed: see the lines above')
process.exitCode = failed ? 1 : 0
