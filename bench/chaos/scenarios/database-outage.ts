// PostgreSQL restarted, crashed (pg_ctl -m immediate, kill -9 of the postmaster; fsync on), stopped and cut off by
// a network blackhole, all under load: the gateway stays up, answers only 201 or 503 with Retry-After, answers
// every request during the blackhole within its pool's time limits, serves again soon after the database, and
// loses or repeats nothing. The database operations run beside the load, which keeps sending meanwhile.
import { Cluster, Gateway, createClient, failureOf, sleep, waitFor } from '../harness.ts'
import { ReportLoad, loadFailures, statusSummary } from '../load.ts'
import { checkIntegrity, checkReplays, checkSettled, integrityFailures, settledFailures, settledFigure } from '../checks.ts'
import { BlackholeProxy } from '../proxy.ts'
import type { Scenario } from '../scenario.ts'

const RECOVERY_GOAL_MS = 2_000
/** After a crash the server replays its WAL before it accepts connections; the goal counts from then. */
const ACK_DEADLINE_MS = 60_000
/** The gateway's query limit here (DB_QUERY_TIMEOUT_SECONDS); its pool checkout waits at most 10 s. */
const QUERY_TIMEOUT_SECONDS = 3
/** During the blackhole every request is answered (503) within the checkout wait and a query and a rollback limit. */
const BLACKHOLE_ANSWER_GOAL_MS = 10_000 + 2 * QUERY_TIMEOUT_SECONDS * 1000 + 3_000

export const databaseOutage: Scenario = {
  name: 'PostgreSQL restarts, crashes, a stop and a blackhole under load',
  async run (_shared, { short }) {
    const restarts = short ? 1 : 3
    const crashes = short ? 1 : 2
    const stopSeconds = short ? 5 : 10
    // Long enough that requests sent during the hold, after the ones it caught (answered within the goal), are
    // answered before it ends: the goal is judged on those.
    const holdSeconds = short ? 35 : 40
    // A cluster of its own with fsync on: a crash must not take back an acknowledged commit.
    const cluster = await Cluster.create({ fsync: true })
    const proxy = await BlackholeProxy.start(cluster.port)
    const failures: string[] = []
    const figures: Record<string, unknown> = {}
    try {
      const url = await cluster.createDatabase('chaos_outage')
      const gateway = await Gateway.start(proxy.url(url), { DB_QUERY_TIMEOUT_SECONDS: String(QUERY_TIMEOUT_SECONDS) })
      const authority = await createClient(gateway.base, 'authority')
      const load = new ReportLoad(() => [gateway.base], authority.apiKey, 'pg')
      load.start(6)
      const recoveries: Record<string, number[]> = {}
      const waitAcks = (n: number, after: string): Promise<void> => {
        const before = load.figures.acknowledged.size
        return waitFor(`${n} reports acknowledged after ${after}`, ACK_DEADLINE_MS, () => load.figures.acknowledged.size >= before + n || !gateway.alive, 20)
      }
      /** From the database's return to the first report acknowledged after it. */
      const recovery = async (kind: string): Promise<void> => {
        const back = Date.now()
        const acks = load.figures.ackTimes.length
        await waitAcks(1, kind)
        ;(recoveries[kind] ??= []).push(Math.max(0, (load.figures.ackTimes[acks] ?? Date.now()) - back))
        await waitAcks(20, kind)
      }
      let blackhole = { answered: 0, unanswered: 0, slowestMs: 0, with503: 0 }
      let startedAfterMs = -1
      let waitedAlive = false
      try {
        await waitAcks(20, 'the start')
        for (let i = 0; i < restarts && gateway.alive; i++) {
          await cluster.restart()
          await recovery('fast restart')
        }
        for (let i = 0; i < crashes && gateway.alive; i++) {
          await cluster.stop('immediate')
          await cluster.start()
          await recovery('pg_ctl -m immediate')
          await cluster.killPostmaster()
          await cluster.start()
          await recovery('kill -9 of the postmaster')
        }
        if (gateway.alive) {
          await cluster.stop()
          await sleep(stopSeconds * 1000)
          await cluster.start()
          await recovery('a stop')
        }
        if (gateway.alive) {
          const heldAt = Date.now()
          proxy.hold()
          await sleep(holdSeconds * 1000)
          const resumedAt = Date.now()
          proxy.resume()
          await recovery('the blackhole')
          // Every request sent while the link was held, early enough to be answered before it came back.
          const during = load.figures.answers.filter((a) => a.at - a.ms >= heldAt && a.at - a.ms < resumedAt - BLACKHOLE_ANSWER_GOAL_MS)
          blackhole = {
            answered: during.filter((a) => a.status !== 0).length,
            unanswered: during.filter((a) => a.status === 0).length,
            slowestMs: Math.max(0, ...during.map((a) => a.ms)),
            with503: during.filter((a) => a.status === 503).length
          }
        }
        // Start-up while the database is down: the process waits for it, then serves.
        await gateway.stop()
        await cluster.stop()
        await gateway.launch(false)
        await sleep(3_000)
        waitedAlive = gateway.alive
        await cluster.start()
        if (waitedAlive) {
          const back = Date.now()
          await gateway.waitListening(60_000)
          startedAfterMs = Date.now() - back
          await waitAcks(5, 'start-up')
        }
      } catch (error) {
        failures.push(failureOf(error))
      }
      const alive = gateway.alive
      const finished = await load.stop()
      const integrity = await checkIntegrity(url, load.figures, 'pg')
      const statuses = statusSummary(load.figures)
      const settled = await checkSettled(gateway.base, url, load.figures)
      const replays = alive ? await checkReplays(gateway.base, authority.apiKey, load.figures, short ? 50 : 200) : { checked: 0, different: ['the gateway died'] }
      await gateway.stop()
      Object.assign(figures, {
        'fast restarts / crashes (immediate + kill -9) / stop (s) / blackhole (s)': `${restarts} / ${crashes} + ${crashes} / ${stopSeconds} / ${holdSeconds}`,
        'process alive throughout': gateway.unexpectedExits === 0 && alive,
        'recovery after the database, ms': recoveries,
        'blackhole: answered / 503 / unanswered, slowest ms': `${blackhole.answered} / ${blackhole.with503} / ${blackhole.unanswered}, ${blackhole.slowestMs}`,
        'start-up while down: waited, then served after ms': `${waitedAlive}, ${startedAfterMs}`,
        'reports acknowledged (by a replay)': `${load.figures.acknowledged.size} (${load.figures.replayed})`,
        'lost / created twice / wrong id / wrong notices': `${integrity.lost} / ${integrity.duplicated} / ${integrity.wrongId} / ${integrity.wrongNotices}`,
        'reference-number gaps': integrity.gaps,
        'feed and audit after the outage': settledFigure(settled),
        'replays checked / different': `${replays.checked} / ${replays.different.length}`,
        'answers by status (409: in progress after a 503 or an unanswered attempt)': `${JSON.stringify(statuses)} (${load.figures.inProgress409})`,
        'log lines with SQL or parameters': gateway.leaks,
        'unexpected answers': load.figures.other.slice(0, 5)
      })
      if (gateway.unexpectedExits > 0 || !alive) failures.push(`the gateway died: ${JSON.stringify(gateway.exits)} ${gateway.log.slice(-1500)}`)
      if (!finished) failures.push('the load could not finish within its deadline: the gateway did not serve')
      if (!waitedAlive || startedAfterMs < 0) failures.push('start-up with the database down did not wait and then serve')
      for (const [kind, ms] of Object.entries(recoveries)) {
        const slow = ms.filter((x) => x > RECOVERY_GOAL_MS)
        if (slow.length > 0) failures.push(`recovery after ${kind} slower than ${RECOVERY_GOAL_MS} ms: ${slow.join(', ')}`)
      }
      if (blackhole.with503 === 0) failures.push('no request was answered 503 while the database was blackholed')
      if (blackhole.unanswered > 0 || blackhole.slowestMs > BLACKHOLE_ANSWER_GOAL_MS) {
        failures.push(`during the blackhole ${blackhole.unanswered} requests went unanswered and the slowest answer took ${blackhole.slowestMs} ms (goal: every one within ${BLACKHOLE_ANSWER_GOAL_MS} ms)`)
      }
      failures.push(...loadFailures(load.figures))
      failures.push(...integrityFailures(integrity), ...settledFailures(settled))
      if (replays.different.length > 0) failures.push(`${replays.different.length} replays did not give the first answer: ${replays.different.slice(0, 3).join('; ')}`)
      if (gateway.leaks > 0) failures.push(`${gateway.leaks} log lines carried SQL text or parameters`)
      return { figures, failures }
    } finally {
      await proxy.close()
      cluster.destroy()
    }
  }
}
