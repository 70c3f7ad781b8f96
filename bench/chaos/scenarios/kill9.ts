// kill -9 of the gateway while issuing batches are mid-commit with many requests in flight: every acknowledged
// report exists with exactly the notices its answer named, none created twice, replays give the first answer,
// numbers are gap-free, signatures valid; after the last kill the sequencer and the sealer number and seal
// everything, including what was still unsettled at the kills, and the whole audit chain verifies.
import pg from 'pg'
import { Gateway, createClient, failureOf, sleep, waitFor } from '../harness.ts'
import { ReportLoad, loadFailures, statusSummary } from '../load.ts'
import { checkIntegrity, checkReplays, checkSettled, checkSignatures, integrityFailures, settledFailures, settledFigure, unsettledRows, type Unsettled } from '../checks.ts'
import type { Scenario } from '../scenario.ts'
import { median } from '../../lib.ts'

/** How long to look for a moment with a write transaction of the gateway's open before killing anyway. */
const MID_COMMIT_SEARCH_MS = 5_000

export const kill9: Scenario = {
  name: 'kill -9 under load, mid-commit',
  async run (cluster, { short }) {
    const kills = short ? 3 : 10
    const writers = short ? 32 : 48
    const url = await cluster.createDatabase('chaos_kill9')
    const gateway = await Gateway.start(url)
    const authority = await createClient(gateway.base, 'authority')
    const load = new ReportLoad(() => [gateway.base], authority.apiKey, 'k9')
    // Watches the gateway's sessions: a kill is aimed at a moment when one of them holds a write transaction open.
    const monitor = new pg.Client({ connectionString: url, query_timeout: 10_000 })
    await monitor.connect()
    const writing = async (): Promise<boolean> => (await monitor.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'takedown-gateway'
       and backend_xid is not null and state in ('active', 'idle in transaction')`)).rows[0].n > 0
    load.start(writers)
    const restartMs: number[] = []
    const inFlightAtKill: number[] = []
    let midCommit = 0
    const atKills: Unsettled[] = []
    const failures: string[] = []
    try {
      for (let i = 0; i < kills; i++) {
        // Full speed first, then the first moment with many requests in flight and a write transaction open.
        const before = load.figures.acknowledged.size
        await waitFor(`20 reports acknowledged before kill ${i + 1}`, 60_000, () => load.figures.acknowledged.size >= before + 20)
        const searchUntil = Date.now() + MID_COMMIT_SEARCH_MS
        let open = false
        while (Date.now() < searchUntil) {
          if (load.inFlight >= writers / 2 && await writing()) { open = true; break }
          await sleep(2)
        }
        inFlightAtKill.push(load.inFlight)
        await gateway.kill9()
        if (open) midCommit++
        atKills.push(await unsettledRows(url))
        const started = Date.now()
        await gateway.launch()
        restartMs.push(Date.now() - started)
      }
      const before = load.figures.acknowledged.size
      await waitFor('10 reports acknowledged after the last kill', 60_000, () => load.figures.acknowledged.size >= before + 10)
    } catch (error) {
      failures.push(failureOf(error))
    } finally {
      await monitor.end()
    }
    const finished = await load.stop()
    const integrity = await checkIntegrity(url, load.figures, 'k9')
    const settled = await checkSettled(gateway.base, url, load.figures, atKills)
    const replays = await checkReplays(gateway.base, authority.apiKey, load.figures, short ? 100 : 400)
    const signatures = await checkSignatures(gateway.base, authority.apiKey, url, short ? 50 : 200)
    await gateway.stop()
    const figures = {
      'kills (kill -9 under load) / writers': `${kills} / ${writers}`,
      'kills with a write transaction open': midCommit,
      'requests in flight at each kill': inFlightAtKill,
      'rows unsettled at the kills (events + audit entries)': atKills.map((u) => u.events.length + u.audit.length),
      'reports acknowledged (by a replay of an answer lost in a kill)': `${load.figures.acknowledged.size} (${load.figures.replayed})`,
      'lost / created twice / wrong id / wrong notices': `${integrity.lost} / ${integrity.duplicated} / ${integrity.wrongId} / ${integrity.wrongNotices}`,
      'notices / reference-number gaps': `${integrity.notices} / ${integrity.gaps}`,
      'feed and audit after the last kill': settledFigure(settled),
      'replays checked / different': `${replays.checked} / ${replays.different.length}`,
      'signatures checked / invalid': `${signatures.checked} / ${signatures.invalid}`,
      'restart to listening, median ms': median(restartMs),
      'answers by status (409: in progress after an unanswered attempt)': `${JSON.stringify(statusSummary(load.figures))} (${load.figures.inProgress409})`,
      'unexpected answers': load.figures.other.slice(0, 5)
    }
    if (!finished) failures.push('the load could not finish within its deadline: the gateway did not serve')
    if (midCommit < Math.ceil(kills / 2)) failures.push(`only ${midCommit} of ${kills} kills found a write transaction open`)
    if (median(inFlightAtKill) < writers / 2) failures.push(`a median of ${median(inFlightAtKill)} requests in flight at the kills (goal: at least ${writers / 2})`)
    failures.push(...integrityFailures(integrity), ...settledFailures(settled), ...loadFailures(load.figures))
    if (replays.different.length > 0) failures.push(`${replays.different.length} replays did not give the first answer: ${replays.different.slice(0, 3).join('; ')}`)
    if (signatures.invalid > 0) failures.push(`${signatures.invalid} invalid signatures`)
    return { figures, failures }
  }
}
