// PDF letters: the PDFs of 8 notices of 1,000 items each, asked for 8 at once and again and again (first rendered,
// then kept) while liveness is probed every 20 ms. Goal: /health/live p99 under 100 ms throughout; every answer a
// PDF, or a 503 problem with Retry-After when every rendering place is taken; the process survives.
import { Gateway, api, createClient, sleep } from '../harness.ts'
import { percentile, probeWhile } from '../liveness.ts'
import type { Scenario } from '../scenario.ts'

const LIVENESS_GOAL_MS = 100
const NOTICES = 8
const ITEMS = 1000
/** A cold PDF of 1,000 items takes a few seconds; eight wait for one thread in turn. */
const PDF_DEADLINE_MS = 120_000

interface Answer { status: number, ms: number, bytes: number, pdf: boolean, retryAfter: boolean, problem: boolean, code?: string }

const count = (xs: Answer[]): Record<string, number> => {
  const by: Record<string, number> = {}
  for (const x of xs) {
    const key = x.code === undefined ? String(x.status) : `${x.status} ${x.code}`
    by[key] = (by[key] ?? 0) + 1
  }
  return by
}

function problemCode (body: Buffer): string {
  try {
    return String((JSON.parse(body.toString('utf8')) as { code?: unknown }).code)
  } catch {
    return 'not a problem document'
  }
}

export const pdfLetters: Scenario = {
  name: 'PDF letters',
  async run (cluster, { short }) {
    const url = await cluster.createDatabase('chaos_pdf')
    // One rendering thread, as on a two-core machine, so that the eight compete for it whatever the machine.
    const gateway = await Gateway.start(url, { RENDER_THREADS: '1' })
    try {
      const authority = await createClient(gateway.base, 'authority')
      const auditor = await createClient(gateway.base, 'auditor')
      const ids: string[] = []
      for (let n = 0; n < NOTICES; n++) {
        const res = await api(gateway.base, authority.apiKey, 'POST', '/v1/reports', {
          externalRef: `CHAOS-PDF-${n}`,
          category: 'terrorism',
          legalBasis: 'kz-online-platforms-9',
          statementOfReasons: 'The material calls for violence against civilians.',
          urgency: 'normal',
          items: Array.from({ length: ITEMS }, (_, i) => ({ url: `https://t.me/chaos_pdf_${n}/${i + 1}`, contentType: 'text' }))
        })
        if (res.status !== 201) throw new Error(`report ${n}: ${res.status} ${await res.text()}`)
        ids.push(((await res.json()) as { notices: Array<{ id: string }> }).notices[0].id)
      }
      const pdf = async (id: string): Promise<Answer> => {
        const started = performance.now()
        const res = await api(gateway.base, auditor.apiKey, 'GET', `/v1/notices/${id}/document?format=pdf`, undefined, {}, AbortSignal.timeout(PDF_DEADLINE_MS)).catch(() => null)
        const body = Buffer.from(await res?.arrayBuffer() ?? new ArrayBuffer(0))
        return {
          status: res?.status ?? 0,
          ms: performance.now() - started,
          bytes: body.length,
          pdf: res?.headers.get('content-type') === 'application/pdf' && body.subarray(0, 5).toString() === '%PDF-',
          retryAfter: res?.headers.get('retry-after') !== null && res?.headers.get('retry-after') !== undefined,
          problem: (res?.headers.get('content-type') ?? '').startsWith('application/problem+json'),
          ...(res?.status === 200 ? {} : { code: problemCode(body) })
        }
      }
      const quiet = await probeWhile(gateway, sleep(1_000))
      // Round after round of all eight at once: the first renders them, the rest are served what was kept.
      const rounds = short ? 4 : 12
      const answers: Answer[][] = []
      const load = (async () => {
        for (let r = 0; r < rounds; r++) answers.push(await Promise.all(ids.map(pdf)))
      })()
      const loaded = await probeWhile(gateway, load)
      await load
      const all = answers.flat()
      const cold = answers[0]
      const warm = answers.slice(1).flat().filter((a) => a.status === 200)
      const alive = gateway.alive && gateway.unexpectedExits === 0
      const figures = {
        'notices (items each) / rendering threads': `${NOTICES} (${ITEMS}) / 1`,
        'liveness quiet, ms (p50 / max)': `${percentile(quiet.latencies, 0.5).toFixed(1)} / ${Math.max(...quiet.latencies).toFixed(1)}`,
        [`liveness during ${rounds} rounds of ${NOTICES} PDFs at once, ms (p50 / p99 / max, probes)`]: `${percentile(loaded.latencies, 0.5).toFixed(1)} / ${percentile(loaded.latencies, 0.99).toFixed(1)} / ${Math.max(...loaded.latencies).toFixed(1)} (${loaded.latencies.length})`,
        'first round (rendered): answers by status': count(cold),
        'first round: slowest PDF, s': (Math.max(...cold.map((a) => a.ms)) / 1000).toFixed(1),
        'later rounds (kept): answers by status': count(answers.slice(1).flat()),
        'later rounds: PDF p50 / max, ms': warm.length === 0 ? 'none' : `${percentile(warm.map((a) => a.ms), 0.5).toFixed(1)} / ${Math.max(...warm.map((a) => a.ms)).toFixed(1)}`,
        'RSS peak, MB': (loaded.peakRssKb / 1024).toFixed(0),
        'PDF size, KB': (Math.max(...all.map((a) => a.bytes)) / 1024).toFixed(0),
        'process alive': alive
      }
      const failures: string[] = []
      const p99 = percentile(loaded.latencies, 0.99)
      if (p99 >= LIVENESS_GOAL_MS) failures.push(`liveness p99 ${p99.toFixed(0)} ms while PDFs were asked for (goal < ${LIVENESS_GOAL_MS} ms)`)
      if (loaded.failed > 0) failures.push(`${loaded.failed} liveness probes failed`)
      const unexpected = all.filter((a) => !(a.status === 200 && a.pdf) && !(a.status === 503 && a.retryAfter && a.problem))
      if (unexpected.length > 0) failures.push(`${unexpected.length} answers neither a PDF nor a 503 problem with Retry-After: ${JSON.stringify(count(unexpected))}`)
      if (!cold.every((a) => a.status === 200)) failures.push(`the first round's ${NOTICES} PDFs (within the admission) were not all rendered: ${JSON.stringify(count(cold))}`)
      if (warm.length < (rounds - 1) * NOTICES) failures.push(`later rounds: ${warm.length} of ${(rounds - 1) * NOTICES} PDFs served`)
      if (!alive) failures.push('the gateway died')
      return { figures, failures }
    } finally {
      await gateway.stop()
    }
  }
}
