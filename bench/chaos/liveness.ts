// Liveness while a scenario loads a gateway: /health/live probed every 20 ms, with the process's memory sampled.
import fs from 'node:fs'
import { type Gateway, sleep } from './harness.ts'

/** The process's resident memory (kB), from /proc; 0 where there is none. */
export function rssKb (pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}

export interface Probe { latencies: number[], peakRssKb: number, failed: number }

/** Probes liveness every 20 ms and samples memory until `done` settles. */
export async function probeWhile (gateway: Gateway, done: Promise<unknown>): Promise<Probe> {
  const probe: Probe = { latencies: [], peakRssKb: 0, failed: 0 }
  let finished = false
  void done.finally(() => { finished = true })
  // eslint-disable-next-line no-unmodified-loop-condition -- set by done's callback
  while (!finished) {
    const started = performance.now()
    const res = await fetch(`${gateway.base}/health/live`, { signal: AbortSignal.timeout(5_000) }).catch(() => null)
    await res?.arrayBuffer()
    probe.latencies.push(performance.now() - started)
    if (res?.status !== 200) probe.failed++
    probe.peakRssKb = Math.max(probe.peakRssKb, rssKb(gateway.child?.pid))
    await sleep(20)
  }
  return probe
}

export const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0
