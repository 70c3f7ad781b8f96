// `npm run bench:feed-horizon`: how long a new notice takes to reach the change feed and the audit trail while a
// write transaction is held open in ANOTHER database of the same cluster, against the same with none open.
// The gateway runs as its own process over HTTP; HOLD_SECONDS (default 60) is how long the foreign transaction lasts.
import pg from 'pg'
import { freshDatabase, startProcess } from './lib.ts'

const PORT = 3915
const ADMIN_KEY = 'bench-feed-horizon-admin-key-0123456789'
const HOLD_SECONDS = Number(process.env.HOLD_SECONDS ?? 60)
const SAMPLES = Number(process.env.FEED_SAMPLES ?? 10)

const api = async (path: string, key: string, init: RequestInit = {}): Promise<any> => {
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } })
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

const database = await freshDatabase('feedh')
const other = await freshDatabase('feedh_other')
const gateway = await startProcess('src/server.ts', { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, PORT)
let serial = 0

/** Submits one report; answers how long its notice's event took to be numbered, and its audit entry to be sealed. */
async function delays (authority: string, auditor: string): Promise<{ feedMs: number, auditMs: number }> {
  const lastPosition = (await api('/v1/audit/checkpoints/latest', auditor)).position
  const feedStart = (await api('/v1/events?limit=500&after=0', auditor)).data.at(-1)?.sequence ?? 0
  const started = performance.now()
  const report = await api('/v1/reports', authority, {
    method: 'POST',
    body: JSON.stringify({
      externalRef: `FEED-${++serial}`, category: 'terrorism', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Benchmark.',
      urgency: 'normal', items: [{ url: `https://t.me/feedhorizon/${serial}`, contentType: 'text' }]
    })
  })
  const noticeId = report.notices[0].id
  let feedMs = -1
  let auditMs = -1
  let after = feedStart
  while (feedMs < 0 || auditMs < 0) {
    if (feedMs < 0) {
      const page = await api(`/v1/events?limit=500&after=${after}&wait=1`, auditor)
      if (page.data.some((e: { noticeId: string }) => e.noticeId === noticeId)) feedMs = performance.now() - started
      after = page.data.at(-1)?.sequence ?? after
    }
    if (auditMs < 0) {
      const trail = await api(`/v1/audit?limit=500&after=${lastPosition}`, auditor)
      if (trail.data.some((e: { target: { id: string } }) => e.target.id === report.id)) auditMs = performance.now() - started
      else if (feedMs >= 0) await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return { feedMs, auditMs }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const max = (xs: number[]): number => Math.max(...xs)
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`

try {
  const authority = (await api('/v1/clients', ADMIN_KEY, { method: 'POST', body: JSON.stringify({ name: 'bench authority', role: 'authority' }) })).apiKey
  const auditor = (await api('/v1/clients', ADMIN_KEY, { method: 'POST', body: JSON.stringify({ name: 'bench auditor', role: 'auditor' }) })).apiKey
  await delays(authority, auditor) // warm-up

  const quiet: Array<{ feedMs: number, auditMs: number }> = []
  for (let i = 0; i < SAMPLES; i++) quiet.push(await delays(authority, auditor))

  // A writer elsewhere: a transaction id taken in another database and held.
  const foreign = new pg.Client({ connectionString: other.url })
  await foreign.connect()
  await foreign.query('begin')
  await foreign.query('create table held (x int)')
  const openedAt = performance.now()
  const held: Array<{ feedMs: number, auditMs: number, at: number }> = []
  const spacing = (HOLD_SECONDS * 1000 * 0.8) / SAMPLES
  for (let i = 0; i < SAMPLES; i++) {
    const at = performance.now() - openedAt
    held.push({ ...(await delays(authority, auditor)), at })
    const next = (i + 1) * spacing - (performance.now() - openedAt)
    if (next > 0) await new Promise((resolve) => setTimeout(resolve, next))
  }
  const lastSeen = performance.now() - openedAt
  const remaining = HOLD_SECONDS * 1000 - (performance.now() - openedAt)
  if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining))
  await foreign.query('rollback')
  await foreign.end()
  const closedAt = performance.now() - openedAt

  console.log(`feed and audit delay: a report's event numbered in the feed, its audit entry sealed (gateway process over HTTP, ${SAMPLES} reports each)`)
  console.log(`  no other transaction:                  feed median ${fmt(median(quiet.map((d) => d.feedMs)))}, max ${fmt(max(quiet.map((d) => d.feedMs)))}; audit median ${fmt(median(quiet.map((d) => d.auditMs)))}, max ${fmt(max(quiet.map((d) => d.auditMs)))}`)
  console.log(`  ${HOLD_SECONDS} s write transaction in another db: feed median ${fmt(median(held.map((d) => d.feedMs)))}, max ${fmt(max(held.map((d) => d.feedMs)))}; audit median ${fmt(median(held.map((d) => d.auditMs)))}, max ${fmt(max(held.map((d) => d.auditMs)))}`)
  console.log(`  ratio (median feed delay, held / none): ${(median(held.map((d) => d.feedMs)) / median(quiet.map((d) => d.feedMs))).toFixed(2)}`)
  console.log(`  every event seen while the other transaction was open: ${lastSeen < closedAt ? 'yes' : 'no'} (last seen at ${(lastSeen / 1000).toFixed(1)} s, closed at ${(closedAt / 1000).toFixed(1)} s)`)
  console.log(`  under the cluster-wide horizon these events would have waited until ${(closedAt / 1000).toFixed(1)} s: up to ${((closedAt - held[0].at) / 1000).toFixed(1)} s`)
  console.log('  (shared, loaded machine: figures are noisy)')
} finally {
  gateway.kill()
  await database.drop()
  await other.drop()
}
