// Hostile images: 49-megapixel PNGs of a few hundred KB, several hashed at once on a set number of threads while
// liveness is probed every 20 ms (goal: /health/live within 100 ms throughout); a burst of twice what the threads
// and the queue admit is answered 200 or 503 with Retry-After, and at least one 503 with Retry-After;
// an image over the pixel limit is refused with a problem, without being decoded; the process survives.
import fs from 'node:fs'
import os from 'node:os'
import sharp from 'sharp'
import { Gateway, createClient, sleep } from '../harness.ts'
import { percentile, probeWhile, rssKb } from '../liveness.ts'
import type { Scenario } from '../scenario.ts'

const LIVENESS_GOAL_MS = 100
/** One hashing thread, so that the admission (threads + queue) is known whatever the machine. */
const THREADS = 1
/** A hash waits at most for the whole queue ahead of it (a few seconds an image on one thread). */
const HASH_DEADLINE_MS = 240_000

/** A solid 7000 x 7000 PNG (49 megapixels): small on the wire, the whole cost in decoding. */
const bigPng = (side: number): Promise<Buffer> =>
  sharp({ create: { width: side, height: side, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png({ compressionLevel: 9 }).toBuffer()

/**
 * The event loop's longest delay since the last scrape (prom-client resets it on each). It includes waiting for a
 * CPU: on a saturated machine it rises with the probes' latency even though the loop has no work.
 */
async function eventLoopMaxMs (gateway: Gateway, key: string): Promise<number> {
  const text = await (await fetch(`${gateway.base}/metrics`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(30_000) })).text()
  return Number(/^takedown_nodejs_eventloop_lag_max_seconds (\S+)/m.exec(text)?.[1] ?? NaN) * 1000
}

/** The share of the last 10 s in which some runnable task waited for a CPU (Linux pressure stall information). */
function cpuPressure (): string {
  try {
    return `${/some avg10=([\d.]+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? '?'}%`
  } catch {
    return 'unknown'
  }
}

export const hostileImages: Scenario = {
  name: 'hostile images',
  async run (cluster, { short }) {
    // The short version admits fewer, so that its burst past the admission stays short too.
    const queue = short ? 3 : 16
    const AT_ONCE = short ? 4 : 8
    const admitted = THREADS + queue
    const url = await cluster.createDatabase('chaos_images')
    const gateway = await Gateway.start(url, { MEDIA_HASH_THREADS: String(THREADS), MEDIA_HASH_QUEUE: String(queue) })
    try {
      const authority = await createClient(gateway.base, 'authority')
      const auditor = await createClient(gateway.base, 'auditor')
      const [big, tooBig] = await Promise.all([bigPng(7000), bigPng(8000)])
      const hash = async (body: Buffer): Promise<{ status: number, retryAfter: string | null, problem: boolean }> => {
        const res = await fetch(`${gateway.base}/v1/media/hashes`, {
          method: 'POST', headers: { authorization: `Bearer ${authority.apiKey}`, 'content-type': 'image/png' }, body, signal: AbortSignal.timeout(HASH_DEADLINE_MS)
        }).catch(() => null)
        await res?.arrayBuffer()
        return { status: res?.status ?? 0, retryAfter: res?.headers.get('retry-after') ?? null, problem: (res?.headers.get('content-type') ?? '').startsWith('application/problem+json') }
      }
      const quiet = await probeWhile(gateway, sleep(1_000))
      const rssBeforeKb = rssKb(gateway.child?.pid)
      await eventLoopMaxMs(gateway, auditor.apiKey)
      const batch = Promise.all(Array.from({ length: AT_ONCE }, () => hash(big)))
      const loaded = await probeWhile(gateway, batch)
      const answers = await batch
      const loopDuringBatch = await eventLoopMaxMs(gateway, auditor.apiKey)
      // Past the admission: twice what the threads and the queue hold, sent at once.
      const burstSize = 2 * admitted + 1
      const burst = Promise.all(Array.from({ length: burstSize }, () => hash(big)))
      const during = await probeWhile(gateway, burst)
      const burstAnswers = await burst
      const loopDuringBurst = await eventLoopMaxMs(gateway, auditor.apiKey)
      const pressure = cpuPressure()
      const refused = await hash(tooBig)
      const alive = gateway.alive && gateway.unexpectedExits === 0
      const count = (xs: Array<{ status: number }>): Record<string, number> => {
        const by: Record<string, number> = {}
        for (const x of xs) by[x.status] = (by[x.status] ?? 0) + 1
        return by
      }
      const worst = Math.max(...loaded.latencies, ...during.latencies)
      const figures = {
        'image (pixels / PNG bytes)': `7000x7000 / ${big.length}`,
        'hashing threads / queue': `${THREADS} / ${queue}`,
        'liveness quiet, ms (p50 / max)': `${percentile(quiet.latencies, 0.5).toFixed(1)} / ${Math.max(...quiet.latencies).toFixed(1)}`,
        [`liveness while ${AT_ONCE} are hashed, ms (p50 / p99 / max, probes)`]: `${percentile(loaded.latencies, 0.5).toFixed(1)} / ${percentile(loaded.latencies, 0.99).toFixed(1)} / ${Math.max(...loaded.latencies).toFixed(1)} (${loaded.latencies.length})`,
        [`${AT_ONCE} at once: answers by status`]: count(answers),
        [`burst of ${burstSize}: answers by status`]: count(burstAnswers),
        'burst: 503 without Retry-After': burstAnswers.filter((a) => a.status === 503 && a.retryAfter === null).length,
        'liveness during the burst, ms (p50 / p99 / max, probes)': `${percentile(during.latencies, 0.5).toFixed(1)} / ${percentile(during.latencies, 0.99).toFixed(1)} / ${Math.max(...during.latencies).toFixed(1)} (${during.latencies.length})`,
        [`event-loop delay max, ms (${AT_ONCE} at once / burst)`]: `${loopDuringBatch.toFixed(0)} / ${loopDuringBurst.toFixed(0)}`,
        'machine: CPU pressure (10 s) / load average (1 min)': `${pressure} / ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`,
        'RSS before / peak, MB': `${(rssBeforeKb / 1024).toFixed(0)} / ${(Math.max(loaded.peakRssKb, during.peakRssKb) / 1024).toFixed(0)}`,
        'over the pixel limit (8000x8000)': `${refused.status}${refused.problem ? ' problem' : ''}`,
        'process alive': alive
      }
      const failures: string[] = []
      if (worst >= LIVENESS_GOAL_MS) failures.push(`liveness took ${worst.toFixed(0)} ms while images were hashed`)
      if (loaded.failed + during.failed > 0) failures.push(`${loaded.failed + during.failed} liveness probes failed`)
      if (answers.some((a) => a.status !== 200)) failures.push(`the ${AT_ONCE} images were not all hashed: ${JSON.stringify(count(answers))}`)
      const unexpected = burstAnswers.filter((a) => a.status !== 200 && !(a.status === 503 && a.retryAfter !== null && a.problem))
      if (unexpected.length > 0) failures.push(`burst: ${unexpected.length} answers other than 200 and 503 problems with Retry-After`)
      const refusedWithRetry = burstAnswers.filter((a) => a.status === 503 && a.retryAfter !== null).length
      if (refusedWithRetry === 0) failures.push(`a burst of ${burstSize} past an admission of ${admitted} got no 503 with Retry-After: ${JSON.stringify(count(burstAnswers))}`)
      if (refused.status < 400 || refused.status >= 500 || !refused.problem) failures.push(`an image over the pixel limit answered ${refused.status}`)
      if (!alive) failures.push('the gateway died')
      return { figures, failures }
    } finally {
      await gateway.stop()
    }
  }
}
