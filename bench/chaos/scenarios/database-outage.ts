// PostgreSQL restarted and stopped under load: the gateway stays up, answers only 201 or 503 with Retry-After,
// serves again within 2 s of the database, and loses or repeats nothing.
import { Gateway, ReportLoad, checkAuditChain, checkIntegrity, createClient, sleep, statusSummary, waitEventsNumbered } from '../harness.ts'
import type { Scenario } from '../scenario.ts'

const RECOVERY_GOAL_MS = 2_000

export const databaseOutage: Scenario = {
  name: 'PostgreSQL restarts and a stop under load',
  async run (cluster, { short }) {
    const restarts = short ? 2 : 5
    const stopSeconds = short ? 5 : 10
    const url = await cluster.createDatabase('chaos_outage')
    const gateway = await Gateway.start(url)
    const authority = await createClient(gateway.base, 'authority')
    const load = new ReportLoad(() => [gateway.base], authority.apiKey, 'pg')
    load.start(6)
    const recoveries: number[] = []
    const waitAcks = async (n: number): Promise<void> => {
      const before = load.figures.acknowledged.size
      while (load.figures.acknowledged.size < before + n && gateway.alive) await sleep(20)
    }
    /** From the database's return to the first report acknowledged after it. */
    const recovery = async (): Promise<void> => {
      const back = Date.now()
      await waitAcks(1)
      recoveries.push(Math.max(0, (load.figures.ackTimes.at(-1) ?? Date.now()) - back))
    }
    await waitAcks(20)
    for (let i = 0; i < restarts && gateway.alive; i++) {
      cluster.restart()
      await recovery()
      await waitAcks(20)
    }
    if (gateway.alive) {
      cluster.stop()
      await sleep(stopSeconds * 1000)
      cluster.start()
      await recovery()
      await waitAcks(20)
    }
    // Start-up while the database is down: the process waits for it, then serves.
    await gateway.stop()
    cluster.stop()
    await gateway.launch(false)
    await sleep(3_000)
    const waitedAlive = gateway.alive
    cluster.start()
    let startedAfterMs = -1
    if (waitedAlive) {
      const back = Date.now()
      await gateway.waitListening(60_000).then(() => { startedAfterMs = Date.now() - back }, () => {})
    }
    if (gateway.alive && startedAfterMs >= 0) await waitAcks(5)
    const alive = gateway.alive
    await load.stop().catch(() => {})
    const integrity = await checkIntegrity(url, load.figures, 'pg')
    const statuses = statusSummary(load.figures)
    // Background work resumed by itself: the feed numbered every event, the audit trail is sealed and intact.
    const numbered = await waitEventsNumbered(url)
    const audit = alive ? await checkAuditChain(gateway.base, url) : { intact: false, checked: 0, unsealed: -1 }
    await gateway.stop()
    const figures = {
      'fast restarts / stop (s)': `${restarts} / ${stopSeconds}`,
      'process alive throughout': gateway.unexpectedExits === 0 && alive,
      'recovery after the database, ms (each)': recoveries,
      'start-up while down: waited, then served after ms': `${waitedAlive}, ${startedAfterMs}`,
      'reports acknowledged': load.figures.acknowledged.size,
      'acknowledged by a replay': load.figures.replayed,
      'acknowledged but lost / created twice': `${integrity.lost} / ${integrity.duplicated}`,
      'reference-number gaps': integrity.gaps,
      'events left unnumbered / audit sealed and intact': `${numbered.unnumbered} / ${audit.unsealed === 0 && audit.intact} (${audit.checked})`,
      'answers by status': statuses,
      '503 without Retry-After': load.figures.missingRetryAfter,
      'log lines with SQL or parameters': gateway.leaks,
      'unexpected answers': load.figures.other.slice(0, 5)
    }
    const failures: string[] = []
    if (gateway.unexpectedExits > 0 || !alive) failures.push(`the gateway died: ${JSON.stringify(gateway.exits)} ${gateway.log.slice(-1500)}`)
    if (!waitedAlive || startedAfterMs < 0) failures.push('start-up with the database down did not wait and then serve')
    const slow = recoveries.filter((ms) => ms > RECOVERY_GOAL_MS)
    if (slow.length > 0) failures.push(`recovery slower than ${RECOVERY_GOAL_MS} ms: ${slow.join(', ')}`)
    if (load.figures.other.length > 0) failures.push(`${load.figures.other.length} answers other than 201 and 503 (or 409 on a key in progress)`)
    if ((statuses['409'] ?? 0) > 0) failures.push(`${statuses['409']} answers 409 (a key held by a request that died with the database)`)
    if (numbered.unnumbered > 0) failures.push(`${numbered.unnumbered} events never numbered: the sequencer did not resume`)
    if (audit.unsealed !== 0 || !audit.intact) failures.push('the audit trail was not sealed or not intact after the outage')
    if (gateway.leaks > 0) failures.push(`${gateway.leaks} log lines carried SQL text or parameters`)
    if (load.figures.missingRetryAfter > 0) failures.push(`${load.figures.missingRetryAfter} 503s without Retry-After`)
    if (integrity.lost + integrity.duplicated + integrity.gaps > 0) failures.push('reports lost, duplicated or numbers with gaps')
    return { figures, failures }
  }
}
