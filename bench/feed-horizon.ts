// `npm run bench:feed-horizon`: how long a new notice takes to reach the change feed and the audit trail, and a new
// hash-bank entry the hash bank's changes feed and the gateway's matching index, while a write transaction is held
// open in ANOTHER database of the same cluster, against the same with none open.
// The gateway runs as its own process over HTTP; HOLD_SECONDS (default 60) is how long the foreign transaction lasts.
// Goals (exit code 1 on a miss): every delay under 1 s while the other transaction is open (the slowest sample, with
// the quiet median beside it as the baseline), and every sample taken with that transaction seen open.
import { freshDatabase, startProcess } from './lib.ts'
import { goal, verdict } from './goal.ts'
import { FEED_MEASURES, FeedProbe, max, median, sampleWhileHeld, type FeedDelays } from './feed-delays.ts'

const PORT = 3915
const ADMIN_KEY = 'bench-feed-horizon-admin-key-0123456789'
const HOLD_SECONDS = Number(process.env.HOLD_SECONDS ?? 60)
const SAMPLES = Number(process.env.FEED_SAMPLES ?? 10)
const BASE = `http://127.0.0.1:${PORT}`
const DELAY_GOAL_MS = 1_000

const database = await freshDatabase('feedh')
const other = await freshDatabase('feedh_other')
const gateway = await startProcess('src/server.ts', { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, PORT)
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`

async function newClient (role: string): Promise<string> {
  const res = await fetch(`${BASE}/v1/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: `bench ${role}`, role })
  })
  if (!res.ok) throw new Error(`client creation: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { apiKey: string }).apiKey
}

try {
  const probe = new FeedProbe(BASE, await newClient('authority'), await newClient('auditor'))
  await probe.delays() // warm-up

  const quiet: FeedDelays[] = []
  for (let i = 0; i < SAMPLES; i++) quiet.push(await probe.delays())
  const { held, whileOpen, closedAt } = await sampleWhileHeld(probe, other.url, HOLD_SECONDS, SAMPLES)

  const line = (xs: FeedDelays[], key: keyof FeedDelays): string => `median ${fmt(median(xs.map((d) => d[key])))}, max ${fmt(max(xs.map((d) => d[key])))}`
  console.log(`feed delays after a report and after a one-line hash-list import (gateway process over HTTP, ${SAMPLES} of each)`)
  for (const [key, what] of FEED_MEASURES) {
    console.log(`  ${what}:`)
    console.log(`    no other transaction:                  ${line(quiet, key)}`)
    console.log(`    ${HOLD_SECONDS} s write transaction in another db: ${line(held, key)}`)
  }
  console.log(`  under the cluster-wide horizon these would have waited until ${(closedAt / 1000).toFixed(1)} s: up to ${((closedAt - held[0].at) / 1000).toFixed(1)} s`)
  for (const [key, what] of FEED_MEASURES) {
    const worst = max(held.map((d) => d[key]))
    const quietMedian = median(quiet.map((d) => d[key]))
    goal(worst < DELAY_GOAL_MS, `${what}, transaction open: max ${fmt(worst)} (${(worst / Math.max(1, quietMedian)).toFixed(1)}x the quiet median ${fmt(quietMedian)}; goal < ${fmt(DELAY_GOAL_MS)})`)
  }
  goal(whileOpen === held.length, `samples taken with the other transaction seen open before and after: ${whileOpen} of ${held.length} (goal: all)`)
  console.log('  (shared, loaded machine: figures are noisy)')
  verdict()
} finally {
  gateway.kill()
  await database.drop()
  await other.drop()
}
