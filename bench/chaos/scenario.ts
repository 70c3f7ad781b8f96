// The shape of one fault scenario: it runs on the shared cluster (in a database of its own) and says what it saw.
import type { Cluster } from './harness.ts'

export interface ScenarioOptions {
  /** The CI version: fewer faults, shorter loads. */
  short: boolean
}

export interface ScenarioResult {
  figures: Record<string, unknown>
  /** Goals missed, in words; empty when every goal held. */
  failures: string[]
}

export interface Scenario {
  name: string
  run: (cluster: Cluster, options: ScenarioOptions) => Promise<ScenarioResult>
}
