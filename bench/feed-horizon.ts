// `npm run bench:feed-horizon`: how long a new notice takes to reach the change feed and the audit trail, and a new
// hash-bank entry the hash bank's changes feed and the gateway's matching index, while a write transaction is held
// open in ANOTHER database of the same cluster, against the same with none open.
// The gateway runs as its own process over HTTP; HOLD_SECONDS (default 60) is how long the foreign transaction lasts.
import crypto from 'node:crypto'
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

interface Delays { feedMs: number, auditMs: number, bankFeedMs: number, bankIndexMs: number }

/** Polls `check` every 20 ms until it holds; answers the time since `started`. */
async function until (started: number, check: () => Promise<boolean>): Promise<number> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20))
  return performance.now() - started
}

/** Submits one report; answers how long its notice's event took to be numbered, and its audit entry to be sealed. */
async function noticeDelays (authority: string, auditor: string): Promise<Pick<Delays, 'feedMs' | 'auditMs'>> {
  const lastPosition = (await api('/v1/audit/checkpoints/latest', auditor)).position
  let after = (await api('/v1/events?limit=500&after=0', auditor)).data.at(-1)?.sequence ?? 0
  const started = performance.now()
  const report = await api('/v1/reports', authority, {
    method: 'POST',
    body: JSON.stringify({
      externalRef: `FEED-${++serial}`, category: 'terrorism', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Benchmark.',
      urgency: 'normal', items: [{ url: `https://t.me/feedhorizon/${serial}`, contentType: 'text' }]
    })
  })
  const noticeId = report.notices[0].id
  const [feedMs, auditMs] = await Promise.all([
    until(started, async () => {
      const page = await api(`/v1/events?limit=500&after=${after}&wait=1`, auditor)
      after = page.data.at(-1)?.sequence ?? after
      return page.data.some((e: { noticeId: string }) => e.noticeId === noticeId)
    }),
    until(started, async () => {
      const trail = await api(`/v1/audit?limit=500&after=${lastPosition}`, auditor)
      return trail.data.some((e: { target: { id: string } }) => e.target.id === report.id)
    })
  ])
  return { feedMs, auditMs }
}

/** The hash bank's changes feed is read to its end; the cursor moves on with every read. */
let bankCursor: string | undefined
async function bankChanges (auditor: string): Promise<string[]> {
  const values: string[] = []
  for (;;) {
    const page = await api(`/v1/hash-bank/changes?limit=500${bankCursor ? `&since=${bankCursor}` : ''}`, auditor)
    values.push(...page.data.map((c: { entry: { value: string } }) => c.entry.value))
    bankCursor = page.data.at(-1)?.cursor ?? bankCursor
    if (page.nextCursor === null) return values
  }
}

/** Imports one PDQ hash; answers how long it took to reach the changes feed, and to be matched by the gateway. */
async function bankDelays (authority: string, auditor: string): Promise<Pick<Delays, 'bankFeedMs' | 'bankIndexMs'>> {
  await bankChanges(auditor)
  const pdq = crypto.randomBytes(32).toString('hex')
  const started = performance.now()
  await api('/v1/hash-bank/imports?name=feed-horizon', authority, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `type,value\npdq,${pdq}\n` })
  const match = { method: 'POST', body: JSON.stringify({ hashes: [{ type: 'pdq', value: pdq }] }) }
  const [bankFeedMs, bankIndexMs] = await Promise.all([
    until(started, async () => (await bankChanges(auditor)).includes(pdq)),
    until(started, async () => (await api('/v1/hash-bank/match', authority, match)).results[0].matches.length > 0)
  ])
  return { bankFeedMs, bankIndexMs }
}

async function delays (authority: string, auditor: string): Promise<Delays> {
  return { ...await noticeDelays(authority, auditor), ...await bankDelays(authority, auditor) }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const max = (xs: number[]): number => Math.max(...xs)
const fmt = (ms: number): string => `${ms.toFixed(0)} ms`

try {
  const authority = (await api('/v1/clients', ADMIN_KEY, { method: 'POST', body: JSON.stringify({ name: 'bench authority', role: 'authority' }) })).apiKey
  const auditor = (await api('/v1/clients', ADMIN_KEY, { method: 'POST', body: JSON.stringify({ name: 'bench auditor', role: 'auditor' }) })).apiKey
  await delays(authority, auditor) // warm-up

  const quiet: Delays[] = []
  for (let i = 0; i < SAMPLES; i++) quiet.push(await delays(authority, auditor))

  // A writer elsewhere: a transaction id taken in another database and held.
  const foreign = new pg.Client({ connectionString: other.url })
  await foreign.connect()
  await foreign.query('begin')
  await foreign.query('create table held (x int)')
  const openedAt = performance.now()
  const held: Array<Delays & { at: number }> = []
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

  const MEASURES: Array<[keyof Delays, string]> = [
    ['feedMs', 'notice event numbered in the feed'], ['auditMs', 'audit entry sealed'],
    ['bankFeedMs', 'hash-bank entry in GET /v1/hash-bank/changes'], ['bankIndexMs', 'hash-bank entry matched by the index']
  ]
  const line = (xs: Delays[], key: keyof Delays): string => `median ${fmt(median(xs.map((d) => d[key])))}, max ${fmt(max(xs.map((d) => d[key])))}`
  console.log(`feed delays after a report and after a one-line hash-list import (gateway process over HTTP, ${SAMPLES} of each)`)
  for (const [key, what] of MEASURES) {
    console.log(`  ${what}:`)
    console.log(`    no other transaction:                  ${line(quiet, key)}`)
    console.log(`    ${HOLD_SECONDS} s write transaction in another db: ${line(held, key)}`)
  }
  console.log(`  every event and entry seen while the other transaction was open: ${lastSeen < closedAt ? 'yes' : 'no'} (last seen at ${(lastSeen / 1000).toFixed(1)} s, closed at ${(closedAt / 1000).toFixed(1)} s)`)
  console.log(`  under the cluster-wide horizon these would have waited until ${(closedAt / 1000).toFixed(1)} s: up to ${((closedAt - held[0].at) / 1000).toFixed(1)} s`)
  console.log('  (shared, loaded machine: figures are noisy)')
} finally {
  gateway.kill()
  await database.drop()
  await other.drop()
}
