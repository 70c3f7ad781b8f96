// `npm run bench:intake`: report intake through the gateway against a baseline doing the same durable work by hand
// (one plain pg transaction: report, items, one signed notice per platform, events, audit), same run. Every report
// carries an Idempotency-Key of its own, as the project's client (src/client) sends one with every creating POST;
// the gateway is also loaded without the key in the same rounds, so the run says what the key costs. Then both at a
// fixed request rate, half the gateway's maximum, for their latency under a load the gateway can keep up with.
// Goals (exit code 1 on a miss): gateway with the key >= 0.70x the baseline's throughput (median ratio over the
// rounds); in the open loop, the gateway's p99 no worse than the baseline's (median over the rounds of each) and
// its p50 under 20 ms (median over the rounds); and no failures: any error, timeout or non-2xx answer fails the run.
import crypto from 'node:crypto'
import os from 'node:os'
import type autocannon from 'autocannon'
import { analyze, freshDatabase, inTurns, load, median, openLoop, printTable, settle, startProcess, stopProcess, summary, SECONDS, CONNECTIONS, ROUNDS, type LoadResult } from './lib.ts'
import { goal, verdict } from './goal.ts'

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
const GATEWAY_PORT = 3901
const BASELINE_PORT = 3902
const THROUGHPUT_GOAL = 0.7
const P50_GOAL_MS = 20

let counter = 0
/** Every request reports a different message, as real intake does. */
function reportBody (): string {
  counter++
  return JSON.stringify({
    externalRef: `BENCH-${counter}`,
    category: 'terrorism',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'Calls for violence against civilians.',
    urgency: 'normal',
    items: [
      { url: `https://t.me/bench_channel/${counter}`, contentType: 'video', hashes: { sha256: 'a'.repeat(64) } },
      { url: `https://www.tiktok.com/@bench/video/${7_000_000_000_000 + counter}`, contentType: 'video' }
    ]
  })
}

/** Who is loaded: the baseline, and the gateway with and without an Idempotency-Key on each report. */
interface Subject { name: string, port: number, apiKey?: string, idempotencyKey: boolean }

const headersOf = (subject: Subject): Record<string, string> => ({
  'content-type': 'application/json',
  ...(subject.apiKey === undefined ? {} : { authorization: `Bearer ${subject.apiKey}` }),
  ...(subject.idempotencyKey ? { 'idempotency-key': crypto.randomUUID() } : {})
})

const gatewayDb = await freshDatabase('bench_intake')
const baselineDb = await freshDatabase('bench_baseline')
const gateway = await startProcess('src/server.ts', { DATABASE_URL: gatewayDb.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, GATEWAY_PORT)
const baseline = await startProcess('bench/baseline-intake-server.ts', { DATABASE_URL: baselineDb.url }, BASELINE_PORT)
const started = performance.now()

/** Every load of the run, warm-ups too: a single error, timeout or non-2xx answer fails it. */
const everyLoad: LoadResult[] = []
const counted = (result: LoadResult): LoadResult => {
  everyLoad.push(result)
  return result
}

try {
  const created = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/v1/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench authority', role: 'authority' })
  })
  if (created.status !== 201) throw new Error(`creating the bench client: ${created.status} ${await created.text()}`)
  const { apiKey } = await created.json() as { apiKey: string }
  const subjects: Subject[] = [
    { name: 'baseline (hand-written tx)', port: BASELINE_PORT, idempotencyKey: false },
    { name: 'gateway, Idempotency-Key', port: GATEWAY_PORT, apiKey, idempotencyKey: true },
    { name: 'gateway, no key', port: GATEWAY_PORT, apiKey, idempotencyKey: false }
  ]
  const [base] = subjects
  const request = (subject: Subject): autocannon.Options => ({
    url: `http://127.0.0.1:${subject.port}`,
    requests: [{
      method: 'POST' as const,
      path: '/v1/reports',
      setupRequest: (req: autocannon.Request) => ({ ...req, headers: headersOf(subject), body: reportBody() })
    }]
  })
  console.log(`report intake: ${CONNECTIONS} connections, ${SECONDS} s each, two items per report`)
  for (const subject of subjects) counted(await load(`warm-up: ${subject.name}`, { ...request(subject), duration: 2 }))
  // Both databases were created seconds ago: without statistics the planner would scan the tables it just filled.
  await analyze(gatewayDb.url)
  await analyze(baselineDb.url)
  const full = await inTurns(subjects.map((subject) => async () => counted(await load(subject.name, request(subject)))))
  printTable(full.map(summary), summary(full[0]))
  const ratios = full[1].map((r, i) => r.rps / full[0][i].rps)
  const ratio = median(ratios)
  const keyThroughput = median(full[1].map((r, i) => r.rps / full[2][i].rps))
  console.log(`${ROUNDS} rounds of ${SECONDS} s, the order turning each round; gateway with the key over the baseline by round: ` +
    `${ratios.map((r) => r.toFixed(2) + 'x').join(' ')}`)
  console.log(`Idempotency-Key cost at full load: the gateway with the key does ${keyThroughput.toFixed(2)}x the reports a second it does without ` +
    `(median of the rounds' ratios: ${full[1].map((r, i) => (r.rps / full[2][i].rps).toFixed(2) + 'x').join(' ')})`)
  goal(ratio >= THROUGHPUT_GOAL, `throughput: gateway with the key ${ratio.toFixed(2)}x the baseline at ${CONNECTIONS} connections (median ratio; goal >= ${THROUGHPUT_GOAL.toFixed(2)}x)`)

  // Both databases are vacuumed and checkpointed after the full-load rounds, so that their clean-up of that load
  // does not run during the open loop.
  await settle(gatewayDb.url)
  await settle(baselineDb.url)
  // Open loop: requests go out at a fixed rate whether or not earlier ones have been answered. The baseline takes
  // the same rate in the same rounds: the latency the machine gives the same durable work done by hand.
  const rate = Math.max(1, Math.round(summary(full[1]).rps / 2))
  const target = (subject: Subject) => ({
    url: `http://127.0.0.1:${subject.port}`, method: 'POST', path: '/v1/reports', headers: () => headersOf(subject), body: reportBody
  })
  const pidOf = (subject: Subject): number | undefined => subject === base ? baseline.pid : gateway.pid
  const open = await inTurns(subjects.map((subject) => async () => counted(await openLoop(`${subject.name} at ${rate} req/s`, target(subject), rate, SECONDS, pidOf(subject)))))
  printTable(open.flat(), summary(full[1]))
  console.log(`load average after the open loop (1, 5 min): ${os.loadavg().slice(0, 2).map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`)
  const cpuOf = (runs: LoadResult[], part: 'server' | 'machine'): string => runs.every((r) => typeof r.cpu?.[part] === 'number')
    ? median(runs.map((r) => r.cpu![part]!)).toFixed(2) + ' ms'
    : 'not measured'
  const [openBase, openKeyed, openKeyless] = open
  console.log(`CPU per report at ${rate} req/s (median of ${ROUNDS} rounds), server process: baseline ${cpuOf(openBase, 'server')}, ` +
    `gateway with the key ${cpuOf(openKeyed, 'server')}, without ${cpuOf(openKeyless, 'server')}; whole machine: baseline ${cpuOf(openBase, 'machine')}, ` +
    `with the key ${cpuOf(openKeyed, 'machine')}, without ${cpuOf(openKeyless, 'machine')}`)
  const byRound = (runs: LoadResult[], key: 'p50' | 'p99'): string => runs.map((r) => r[key]).join(', ')
  const medianOf = (runs: LoadResult[], key: 'p50' | 'p99'): number => median(runs.map((r) => r[key]))
  for (const key of ['p50', 'p99'] as const) {
    console.log(`${key} by round (ms): baseline ${byRound(openBase, key)}; gateway with the key ${byRound(openKeyed, key)}; without ${byRound(openKeyless, key)}`)
  }
  console.log(`Idempotency-Key cost in the open loop (medians over the rounds): p50 ${medianOf(openKeyed, 'p50')} ms with, ${medianOf(openKeyless, 'p50')} ms without; ` +
    `p99 ${medianOf(openKeyed, 'p99')} ms with, ${medianOf(openKeyless, 'p99')} ms without`)
  const gatewayP99 = medianOf(openKeyed, 'p99')
  const baselineP99 = medianOf(openBase, 'p99')
  goal(gatewayP99 <= baselineP99, `open-loop p99 at ${rate} req/s: gateway with the key ${gatewayP99} ms, baseline ${baselineP99} ms in the same rounds ` +
    `(${(gatewayP99 / Math.max(1, baselineP99)).toFixed(2)}x; medians over ${ROUNDS} rounds; goal: no worse than the baseline)`)
  const gatewayP50 = medianOf(openKeyed, 'p50')
  goal(gatewayP50 < P50_GOAL_MS, `open-loop p50 at ${rate} req/s: gateway with the key ${gatewayP50} ms (baseline ${medianOf(openBase, 'p50')} ms, ` +
    `${(gatewayP50 / Math.max(1, medianOf(openBase, 'p50'))).toFixed(2)}x; median over ${ROUNDS} rounds; goal < ${P50_GOAL_MS} ms)`)
  const failed = everyLoad.filter((r) => r.errors + r.non2xx > 0)
  goal(failed.length === 0, `failures: ${failed.length === 0 ? 'none' : failed.map((r) => `${r.name}: ${r.errors} errors or timeouts, ${r.non2xx} non-2xx`).join('; ')} ` +
    `in ${everyLoad.length} loads, warm-ups included (goal: none)`)
  console.log(`run time ${((performance.now() - started) / 1000).toFixed(0)} s; a shared machine's other work shows in every figure (load average above)`)
  verdict()
} finally {
  await stopProcess(gateway)
  await stopProcess(baseline)
  await gatewayDb.drop()
  await baselineDb.drop()
}
