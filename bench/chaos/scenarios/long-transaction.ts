// A write transaction held open in another database of the cluster: the change feed, the audit sealing, the hash
// bank's changes feed and the gateway's matching index keep their usual delay (goal: under 1 s while it is open),
// measured against the same with no transaction open.
import { Gateway, createClient } from '../harness.ts'
import type { Scenario } from '../scenario.ts'
import { FEED_MEASURES, FeedProbe, max, median, sampleWhileHeld, type FeedDelays } from '../../feed-delays.ts'

const DELAY_GOAL_MS = 1_000

export const longTransaction: Scenario = {
  name: 'a long write transaction in another database',
  async run (cluster, { short }) {
    const holdSeconds = short ? 10 : 60
    const samples = short ? 3 : 10
    const url = await cluster.createDatabase('chaos_feed')
    const otherUrl = await cluster.createDatabase('chaos_feed_other')
    const gateway = await Gateway.start(url)
    try {
      const authority = await createClient(gateway.base, 'authority')
      const auditor = await createClient(gateway.base, 'auditor')
      const probe = new FeedProbe(gateway.base, authority.apiKey, auditor.apiKey)
      await probe.delays() // warm-up
      const quiet: FeedDelays[] = []
      for (let i = 0; i < samples; i++) quiet.push(await probe.delays())
      const { held, whileOpen } = await sampleWhileHeld(probe, otherUrl, holdSeconds, samples)
      const summary = (xs: FeedDelays[], key: keyof FeedDelays): string => `median ${median(xs.map((d) => d[key])).toFixed(0)}, max ${max(xs.map((d) => d[key])).toFixed(0)}`
      const figures: Record<string, unknown> = { 'write transaction held open in another database (s)': holdSeconds, 'samples (none / held)': `${samples} / ${samples}` }
      const failures: string[] = []
      for (const [key, what] of FEED_MEASURES) {
        figures[`${what}, ms: none | held`] = `${summary(quiet, key)} | ${summary(held, key)}`
        const worst = max(held.map((d) => d[key]))
        if (worst >= DELAY_GOAL_MS) failures.push(`${what}: ${worst.toFixed(0)} ms while the other database's transaction was open`)
      }
      figures['samples with the other transaction seen open before and after'] = `${whileOpen} of ${held.length}`
      if (whileOpen < held.length) failures.push(`${held.length - whileOpen} samples were not taken with the other database's transaction open`)
      if (gateway.unexpectedExits > 0) failures.push('the gateway died')
      return { figures, failures }
    } finally {
      await gateway.stop()
    }
  }
}
