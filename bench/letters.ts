// `npm run bench:letters`: PDF letters of 1,000-item notices served by the gateway, the first time (rendered on a
// rendering thread, then kept) and again (served what was kept), against the baseline measured in the same run:
// the same notice's PDF rendered by a direct call, one after another, as every request rendered it before letters
// were kept (on the event loop, so one at a time whatever the cores).
// Goals (exit code 1 on a miss): the first requests keep at least 0.5x the baseline's PDFs a second (a thread and
// storing the letter cost at most as much again as rendering it); repeated requests at least 20x the baseline's;
// every answer a PDF.
import { renderNotice } from '../src/render/notice.ts'
import type { NoticeContent } from '../src/domain/notices/notice-content.ts'
import { SIGNATURE_ALGORITHM } from '../src/signing/notice-signer.ts'
import { freshDatabase, load, startProcess, stopProcess, median } from './lib.ts'
import { goal, verdict } from './goal.ts'

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
const PORT = 3911
const NOTICES = Number(process.env.BENCH_NOTICES ?? 8)
const ITEMS = 1000
const WARM_SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const COLD_GOAL = 0.5
const WARM_GOAL = 20

const base = `http://127.0.0.1:${PORT}`
const api = (path: string, key: string, init: RequestInit = {}) => fetch(base + path, {
  ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers }
})

const db = await freshDatabase('bench_letters')
const gateway = await startProcess('src/server.ts', {
  DATABASE_URL: db.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000'
}, PORT)
try {
  const keyOf = async (role: string) => ((await (await api('/v1/clients', ADMIN_KEY, {
    method: 'POST', body: JSON.stringify({ name: `bench ${role}`, role })
  })).json()) as { apiKey: string }).apiKey
  const authority = await keyOf('authority')
  const auditor = await keyOf('auditor')
  const ids: string[] = []
  // One more notice, whose PDF starts the rendering thread before anything is measured.
  for (let n = 0; n <= NOTICES; n++) {
    const res = await api('/v1/reports', authority, {
      method: 'POST',
      body: JSON.stringify({
        externalRef: `LETTERS-${n}`,
        category: 'terrorism',
        legalBasis: 'kz-online-platforms-9',
        statementOfReasons: 'The material calls for violence against civilians.',
        urgency: 'normal',
        items: Array.from({ length: ITEMS }, (_, i) => ({ url: `https://t.me/bench_letters_${n}/${i + 1}`, contentType: 'text' }))
      })
    })
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`)
    ids.push(((await res.json()) as { notices: Array<{ id: string }> }).notices[0].id)
  }
  const warmUp = ids.pop()!
  console.log(`${NOTICES} notices of ${ITEMS} items each`)

  // The baseline: the first notice's PDF rendered by direct calls, one after another, in this process.
  const content = await (await api(`/v1/notices/${ids[0]}/document?format=json`, auditor)).json() as NoticeContent
  const signature = await (await api(`/v1/notices/${ids[0]}/signature`, auditor)).json() as { keyId: string, fingerprint: string }
  const sig = { keyId: signature.keyId, fingerprint: signature.fingerprint, algorithm: SIGNATURE_ALGORITHM }
  await renderNotice(content, 'pdf', 'en', sig)
  const baselineTimes: number[] = []
  for (let i = 0; i < NOTICES; i++) {
    const t0 = performance.now()
    await renderNotice(content, 'pdf', 'en', sig)
    baselineTimes.push(performance.now() - t0)
  }
  const baselineRate = 1000 / median(baselineTimes)

  // First requests: every notice's PDF asked for at once, each rendered on a thread and kept.
  const pdf = async (id: string): Promise<{ ok: boolean, bytes: number }> => {
    const res = await api(`/v1/notices/${id}/document?format=pdf&lang=en`, auditor)
    const body = Buffer.from(await res.arrayBuffer())
    return { ok: res.status === 200 && body.subarray(0, 5).toString() === '%PDF-', bytes: body.length }
  }
  if (!(await pdf(warmUp)).ok) throw new Error('the warm-up PDF was not served')
  const t0 = performance.now()
  const cold = await Promise.all(ids.map(pdf))
  const coldSeconds = (performance.now() - t0) / 1000
  const coldRate = NOTICES / coldSeconds

  // Repeated requests: the kept letters, as many connections as notices, for WARM_SECONDS.
  const warm = await load('kept PDFs', {
    url: base,
    connections: NOTICES,
    duration: WARM_SECONDS,
    requests: ids.map((id) => ({ method: 'GET', path: `/v1/notices/${id}/document?format=pdf&lang=en`, headers: { authorization: `Bearer ${auditor}` } }))
  })
  const warmRate = warm.rps

  console.log(`PDF size: ${(cold[0].bytes / 1024).toFixed(0)} KB`)
  console.log(`baseline, rendered by each request (direct call, median of ${NOTICES}): ${median(baselineTimes).toFixed(0)} ms, ${baselineRate.toFixed(2)} PDFs/s`)
  console.log(`gateway, first requests (${NOTICES} at once, rendered and kept): ${coldSeconds.toFixed(1)} s, ${coldRate.toFixed(2)} PDFs/s = ${(coldRate / baselineRate).toFixed(2)}x`)
  console.log(`gateway, repeated requests (kept, ${NOTICES} connections, ${WARM_SECONDS} s): ${warmRate.toFixed(0)} PDFs/s = ${(warmRate / baselineRate).toFixed(0)}x; latency p50 ${warm.p50} ms, p99 ${warm.p99} ms`)
  goal(coldRate / baselineRate >= COLD_GOAL, `first requests: ${(coldRate / baselineRate).toFixed(2)}x the baseline (goal >= ${COLD_GOAL}x)`)
  goal(warmRate / baselineRate >= WARM_GOAL, `repeated requests: ${(warmRate / baselineRate).toFixed(0)}x the baseline (goal >= ${WARM_GOAL}x)`)
  goal(cold.every((a) => a.ok) && warm.errors + warm.non2xx === 0,
    `answers: ${cold.filter((a) => !a.ok).length} first requests and ${warm.errors + warm.non2xx} repeated ones not a PDF (goal: none)`)
  verdict()
} finally {
  await stopProcess(gateway)
  await db.drop()
}
