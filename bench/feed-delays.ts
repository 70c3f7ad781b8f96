// How long a new notice takes to reach the change feed and the audit trail, and a new hash-bank entry the hash bank's
// changes feed and the gateway's matching index, measured over HTTP against a gateway process; and the same while a
// write transaction is held open in another database of the cluster. Used by bench:feed-horizon and the fault suite.
import crypto from 'node:crypto'
import pg from 'pg'

export interface FeedDelays { feedMs: number, auditMs: number, bankFeedMs: number, bankIndexMs: number }

export const FEED_MEASURES: Array<[keyof FeedDelays, string]> = [
  ['feedMs', 'notice event numbered in the feed'], ['auditMs', 'audit entry sealed'],
  ['bankFeedMs', 'hash-bank entry in GET /v1/hash-bank/changes'], ['bankIndexMs', 'hash-bank entry matched by the index']
]

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** How long one delay may take before the measurement fails: far beyond any goal, so a lost row fails, not hangs. */
export const UNTIL_DEADLINE_MS = 30_000

/** Polls `check` every 20 ms until it holds; answers the time since `started`, or fails naming `what` at the deadline. */
async function until (what: string, started: number, check: () => Promise<boolean>, deadlineMs = UNTIL_DEADLINE_MS): Promise<number> {
  while (!(await check())) {
    if (performance.now() - started > deadlineMs) throw new Error(`${what}: not seen within ${deadlineMs / 1000} s`)
    await sleep(20)
  }
  return performance.now() - started
}

/** Submits reports and imports one-line hash lists as `authority`, and watches for them as `auditor`. */
export class FeedProbe {
  private serial = 0
  private bankCursor: string | undefined

  constructor (private readonly base: string, private readonly authority: string, private readonly auditor: string) {}

  async delays (): Promise<FeedDelays> {
    return { ...await this.noticeDelays(), ...await this.bankDelays() }
  }

  private async api (path: string, key: string, init: RequestInit = {}): Promise<any> {
    const res = await fetch(`${this.base}${path}`, { signal: AbortSignal.timeout(UNTIL_DEADLINE_MS), ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } })
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }

  /** Submits one report; answers how long its notice's event took to be numbered, and its audit entry to be sealed. */
  private async noticeDelays (): Promise<Pick<FeedDelays, 'feedMs' | 'auditMs'>> {
    const lastPosition = (await this.api('/v1/audit/checkpoints/latest', this.auditor)).position
    let after = (await this.api('/v1/events?limit=500&after=0', this.auditor)).data.at(-1)?.sequence ?? 0
    const serial = ++this.serial
    const started = performance.now()
    const report = await this.api('/v1/reports', this.authority, {
      method: 'POST',
      body: JSON.stringify({
        externalRef: `FEED-${serial}`,
        category: 'terrorism',
        legalBasis: 'kz-online-platforms-9',
        statementOfReasons: 'Benchmark.',
        urgency: 'normal',
        items: [{ url: `https://t.me/feedhorizon/${serial}`, contentType: 'text' }]
      })
    })
    const noticeId = report.notices[0].id
    const [feedMs, auditMs] = await Promise.all([
      until(`the event of notice ${noticeId} in the feed`, started, async () => {
        const page = await this.api(`/v1/events?limit=500&after=${after}&wait=1`, this.auditor)
        after = page.data.at(-1)?.sequence ?? after
        return page.data.some((e: { noticeId: string }) => e.noticeId === noticeId)
      }),
      until(`the audit entry of report ${report.id as string} sealed`, started, async () => {
        const trail = await this.api(`/v1/audit?limit=500&after=${lastPosition}`, this.auditor)
        return trail.data.some((e: { target: { id: string } }) => e.target.id === report.id)
      })
    ])
    return { feedMs, auditMs }
  }

  /** The hash bank's changes feed read to its end; the cursor moves on with every read. */
  private async bankChanges (): Promise<string[]> {
    const values: string[] = []
    for (;;) {
      const page = await this.api(`/v1/hash-bank/changes?limit=500${this.bankCursor ? `&since=${this.bankCursor}` : ''}`, this.auditor)
      values.push(...page.data.map((c: { entry: { value: string } }) => c.entry.value))
      this.bankCursor = page.data.at(-1)?.cursor ?? this.bankCursor
      if (page.nextCursor === null) return values
    }
  }

  /** Imports one PDQ hash; answers how long it took to reach the changes feed, and to be matched by the gateway. */
  private async bankDelays (): Promise<Pick<FeedDelays, 'bankFeedMs' | 'bankIndexMs'>> {
    await this.bankChanges()
    const pdq = crypto.randomBytes(32).toString('hex')
    const started = performance.now()
    await this.api('/v1/hash-bank/imports?name=feed-horizon', this.authority, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `type,value\npdq,${pdq}\n` })
    const match = { method: 'POST', body: JSON.stringify({ hashes: [{ type: 'pdq', value: pdq }] }) }
    const [bankFeedMs, bankIndexMs] = await Promise.all([
      until(`PDQ ${pdq} in the hash bank's changes`, started, async () => (await this.bankChanges()).includes(pdq)),
      until(`PDQ ${pdq} matched by the index`, started, async () => (await this.api('/v1/hash-bank/match', this.authority, match)).results[0].matches.length > 0)
    ])
    return { bankFeedMs, bankIndexMs }
  }
}

export interface HeldSamples {
  held: Array<FeedDelays & { at: number }>
  /**
   * Samples taken with the foreign transaction seen open (its session in pg_stat_activity, still holding the same
   * transaction id) both before and after the sample, from a connection of its own.
   */
  whileOpen: number
  /** When the last sample was seen, and when the foreign transaction ended (ms after it began). */
  lastSeen: number
  closedAt: number
}

/**
 * Holds a write transaction (a transaction id taken and kept) open in the database at `otherUrl` for `holdSeconds`,
 * taking `samples` measurements spread over its first 80%; the transaction ends after the last of them.
 */
export async function sampleWhileHeld (probe: FeedProbe, otherUrl: string, holdSeconds: number, samples: number): Promise<HeldSamples> {
  const foreign = new pg.Client({ connectionString: otherUrl })
  await foreign.connect()
  await foreign.query('begin')
  await foreign.query('create table held (x int)')
  const { rows: [own] } = await foreign.query<{ pid: number, xid: string }>('select pg_backend_pid() as pid, pg_current_xact_id()::text as xid')
  const openedAt = performance.now()
  const held: Array<FeedDelays & { at: number }> = []
  const watcher = new pg.Client({ connectionString: otherUrl, query_timeout: 10_000 })
  await watcher.connect()
  const stillOpen = async (): Promise<boolean> => (await watcher.query<{ n: number }>(
    'select count(*)::int as n from pg_stat_activity where pid = $1 and backend_xid::text = $2 and state = \'idle in transaction\'', [own.pid, own.xid])).rows[0].n === 1
  let whileOpen = 0
  try {
    const spacing = (holdSeconds * 1000 * 0.8) / samples
    for (let i = 0; i < samples; i++) {
      const at = performance.now() - openedAt
      const openBefore = await stillOpen()
      held.push({ ...(await probe.delays()), at })
      if (openBefore && await stillOpen()) whileOpen++
      const next = (i + 1) * spacing - (performance.now() - openedAt)
      if (next > 0) await sleep(next)
    }
    const lastSeen = performance.now() - openedAt
    const remaining = holdSeconds * 1000 - lastSeen
    if (remaining > 0) await sleep(remaining)
    await foreign.query('rollback')
    return { held, whileOpen, lastSeen, closedAt: performance.now() - openedAt }
  } finally {
    await watcher.end()
    await foreign.end()
  }
}

export { median } from './lib.ts'
export const max = (xs: number[]): number => Math.max(...xs)
