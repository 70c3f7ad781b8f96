// `npm run bench:intake`: report intake through the gateway against a baseline doing the same durable work by hand
// (one plain pg transaction: report, items, one signed notice per platform, events, audit), same run. Then the
// gateway alone at a fixed request rate, half its own maximum, for its p99 under a load it can keep up with.
import os from 'node:os'
import type autocannon from 'autocannon'
import { analyze, compare, freshDatabase, load, median, openLoop, printComparison, printTable, settle, startProcess, stopProcess, SECONDS, CONNECTIONS, ROUNDS, type LoadResult } from './lib.ts'

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
const GATEWAY_PORT = 3901
const BASELINE_PORT = 3902

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

const gatewayDb = await freshDatabase('bench_intake')
const baselineDb = await freshDatabase('bench_baseline')
const gateway = await startProcess('src/server.ts', { DATABASE_URL: gatewayDb.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, GATEWAY_PORT)
const baseline = await startProcess('bench/baseline-intake-server.ts', { DATABASE_URL: baselineDb.url }, BASELINE_PORT)

try {
  const created = await fetch(`http://127.0.0.1:${GATEWAY_PORT}/v1/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench authority', role: 'authority' })
  })
  const { apiKey } = await created.json() as { apiKey: string }
  const request = (port: number, key?: string) => ({
    url: `http://127.0.0.1:${port}`,
    requests: [{
      method: 'POST' as const,
      path: '/v1/reports',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      setupRequest: (req: autocannon.Request) => ({ ...req, body: reportBody() })
    }]
  })
  console.log(`report intake: ${CONNECTIONS} connections, ${SECONDS} s each, two items per report`)
  await load('warm-up', { ...request(BASELINE_PORT), duration: 2 })
  await load('warm-up', { ...request(GATEWAY_PORT, apiKey), duration: 2 })
  // Both databases were created seconds ago: without statistics the planner would scan the tables it just filled.
  await analyze(gatewayDb.url)
  await analyze(baselineDb.url)
  const result = await compare(['baseline (hand-written tx)', request(BASELINE_PORT)], ['gateway POST /v1/reports', request(GATEWAY_PORT, apiKey)])
  const ratio = printComparison(result)
  console.log(`goal: gateway >= 0.70x baseline throughput at ${CONNECTIONS} connections (${ratio.toFixed(2)}x)`)
  // Both databases are vacuumed and checkpointed after the minute at full load, so that their clean-up of that
  // minute does not run during the open loop.
  await settle(gatewayDb.url)
  await settle(baselineDb.url)
  // Open loop: requests go out at a fixed rate whether or not earlier ones have been answered. The baseline takes
  // the same rate in alternate rounds: the p99 the machine gives the same durable work done by hand.
  const rate = Math.max(1, Math.round(result.subject.rps / 2))
  const target = (port: number, key?: string) => ({
    url: `http://127.0.0.1:${port}`, method: 'POST', path: '/v1/reports',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: reportBody
  })
  const open: { baseline: LoadResult[], gateway: LoadResult[] } = { baseline: [], gateway: [] }
  for (let round = 0; round < ROUNDS; round++) {
    open.baseline.push(await openLoop(`baseline at ${rate} req/s`, target(BASELINE_PORT), rate, SECONDS, baseline.pid))
    open.gateway.push(await openLoop(`gateway at ${rate} req/s`, target(GATEWAY_PORT, apiKey), rate, SECONDS, gateway.pid))
  }
  printTable([...open.baseline, ...open.gateway], result.subject)
  console.log(`load average after the open loop (1, 5 min): ${os.loadavg().slice(0, 2).map((l) => l.toFixed(1)).join(', ')} on ${os.cpus().length} cores`)
  const worst = (runs: LoadResult[]): number => Math.max(...runs.map((r) => r.p99))
  // The machine's own stalls (a commit waiting behind the kernel's writeback, another process's burst) reach the
  // baseline too: its p99 round by round says how much of the gateway's tail the machine alone can produce.
  const cpuOf = (runs: LoadResult[], part: 'server' | 'machine'): string => runs.every((r) => typeof r.cpu?.[part] === 'number')
    ? median(runs.map((r) => r.cpu![part]!)).toFixed(2) + ' ms' : 'not measured'
  console.log(`CPU per report at ${rate} req/s (median of ${ROUNDS} rounds): server process baseline ${cpuOf(open.baseline, 'server')}, gateway ${cpuOf(open.gateway, 'server')}; whole machine baseline ${cpuOf(open.baseline, 'machine')}, gateway ${cpuOf(open.gateway, 'machine')}`)
  console.log(`p99 by round: baseline ${open.baseline.map((r) => r.p99).join(', ')} ms; gateway ${open.gateway.map((r) => r.p99).join(', ')} ms`)
  console.log(`p99 at ${rate} req/s, worst of ${ROUNDS} rounds: baseline ${worst(open.baseline)} ms, gateway ${worst(open.gateway)} ms`)
  console.log(`goal: p99 < 25 ms at half the gateway's maximum, ${rate} req/s offered (${worst(open.gateway)} ms)`)
} finally {
  await stopProcess(gateway)
  await stopProcess(baseline)
  await gatewayDb.drop()
  await baselineDb.drop()
}
