// `npm run chaos` (`-- --short` for the CI version): every fault scenario against live gateway processes on a
// PostgreSQL cluster of the run's own, which is removed afterwards. Prints each scenario's figures; exits 1 if a
// goal was missed, also when a scenario runs past its deadline. `CHAOS_ONLY=name,...` runs some scenarios only.
import os from 'node:os'
import { Cluster, Gateway, failureOf, withDeadline } from './harness.ts'
import type { Scenario } from './scenario.ts'
import { kill9 } from './scenarios/kill9.ts'
import { databaseOutage } from './scenarios/database-outage.ts'
import { revocation } from './scenarios/revocation.ts'
import { slowRequests } from './scenarios/slow-requests.ts'
import { longTransaction } from './scenarios/long-transaction.ts'
import { hostileImages } from './scenarios/hostile-images.ts'
import { pdfLetters } from './scenarios/pdf-letters.ts'
import { deliveryKill9, smtpFaults, ssrfRefusals, webhookFaults } from './scenarios/deliveries.ts'

const SCENARIOS: Record<string, Scenario> = {
  'slow-requests': slowRequests,
  'hostile-images': hostileImages,
  'pdf-letters': pdfLetters,
  revocation,
  'long-transaction': longTransaction,
  kill9,
  'database-outage': databaseOutage,
  'webhook-faults': webhookFaults,
  'delivery-kill9': deliveryKill9,
  'smtp-faults': smtpFaults,
  'webhook-ssrf': ssrfRefusals
}

/** Timings (liveness, recovery) read differently on a busy machine: the load goes with them. */
function machineLoad (): string {
  return `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores`
}

const short = process.argv.includes('--short')
/** A scenario still running at this point has hung somewhere a deadline was missing: it fails. */
const SCENARIO_DEADLINE_MS = (short ? 5 : 15) * 60_000
const only = process.env.CHAOS_ONLY?.split(',').filter(Boolean)
const started = Date.now()
const cluster = await Cluster.create()
const missed: string[] = []
try {
  console.log(`fault suite (${short ? 'short' : 'full'}); PostgreSQL of its own on port ${cluster.port}; ${machineLoad()}`)
  for (const [name, scenario] of Object.entries(SCENARIOS)) {
    if (only && !only.includes(name)) continue
    const t0 = Date.now()
    try {
      const { figures, failures } = await withDeadline(scenario.name, SCENARIO_DEADLINE_MS, scenario.run(cluster, { short }))
      console.log(`\n${scenario.name} (${((Date.now() - t0) / 1000).toFixed(1)} s): ${failures.length === 0 ? 'every goal held' : 'GOALS MISSED'}`)
      for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(58)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
      for (const failure of failures) console.log(`  missed: ${failure}`)
      missed.push(...failures.map((f) => `${name}: ${f}`))
    } catch (error) {
      console.log(`\n${scenario.name}: could not run: ${failureOf(error)}`)
      missed.push(`${name}: could not run`)
    }
  }
} finally {
  for (const gateway of Gateway.started) await gateway.kill9().catch(() => {})
  cluster.destroy()
}
console.log(`\n${missed.length === 0 ? 'all goals held' : `${missed.length} goal(s) missed`} in ${((Date.now() - started) / 1000).toFixed(0)} s; ${machineLoad()}`)
process.exit(missed.length === 0 ? 0 : 1)
