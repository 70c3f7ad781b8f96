// `npm run bench:poll`: a liaison polling its notices with If-None-Match (the 304 path) against a bare constant route.
// Goals (exit code 1 on a miss): the gateway >= 0.50x the baseline's throughput (median ratio over the rounds), and
// every poll answered 304 (every baseline request 200), without errors or timeouts.
import { compare, freshDatabase, load, printComparison, startProcess, SECONDS, CONNECTIONS } from './lib.ts'
import { goal, verdict } from './goal.ts'

const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
const GATEWAY_PORT = 3903
const BASELINE_PORT = 3904
const OTHER_NOTICES = Number(process.env.BENCH_OTHER_NOTICES ?? 10_000)
const OTHER_PLATFORM_URLS = [
  (n: number) => `https://www.tiktok.com/@bench/video/${7_000_000_000_000 + n}`,
  (n: number) => `https://vk.com/wall-1_${n}`,
  (n: number) => `https://www.youtube.com/watch?v=${String(n).padStart(11, 'A').slice(-11)}`,
  (n: number) => `https://x.com/bench/status/${1_000_000_000 + n}`,
  (n: number) => `https://www.instagram.com/p/B${String(n).padStart(9, '0')}/`,
  (n: number) => `https://www.facebook.com/bench/posts/${100_000 + n}`,
  (n: number) => `https://ok.ru/video/${200_000 + n}`,
  (n: number) => `https://bench-user.livejournal.com/${n}.html`,
  (n: number) => `https://www.linkedin.com/feed/update/urn:li:activity:${7_100_000_000_000_000_000 + n}`,
  (n: number) => `https://my.mail.ru/mail/bench/video/1/${n}.html`
]

const api = (path: string, key: string, init: RequestInit = {}) => fetch(`http://127.0.0.1:${GATEWAY_PORT}${path}`, {
  ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers }
})

const gatewayDb = await freshDatabase('bench_poll')
const gateway = await startProcess('src/server.ts', { DATABASE_URL: gatewayDb.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, GATEWAY_PORT)
const baseline = await startProcess('bench/baseline-constant-server.ts', {}, BASELINE_PORT)

try {
  const keyOf = async (body: object) => ((await (await api('/v1/clients', ADMIN_KEY, { method: 'POST', body: JSON.stringify(body) })).json()) as { apiKey: string }).apiKey
  const authority = await keyOf({ name: 'bench authority', role: 'authority' })
  const liaison = await keyOf({ name: 'bench telegram liaison', role: 'liaison', platform: 'telegram' })
  // One report per ten notices: each report names one item on each of ten other platforms.
  const reports = Math.ceil(OTHER_NOTICES / OTHER_PLATFORM_URLS.length)
  const started = Date.now()
  for (let i = 0; i < reports; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, reports - i) }, (_, k) => api('/v1/reports', authority, {
      method: 'POST',
      body: JSON.stringify({
        externalRef: `POLL-${i + k}`,
        category: 'fraud',
        legalBasis: 'kz-online-platforms-9',
        statementOfReasons: 'Scam.',
        urgency: 'normal',
        items: OTHER_PLATFORM_URLS.map((url) => ({ url: url(i + k + 1), contentType: 'video' }))
      })
    }).then((res) => { if (res.status !== 201) throw new Error(`seeding failed: ${res.status}`) })))
  }
  console.log(`seeded ${reports * OTHER_PLATFORM_URLS.length} notices of other platforms in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  const since = new Date(Date.now() - 3_600_000).toISOString()
  const path = `/v1/notices?updatedSince=${encodeURIComponent(since)}`
  // Wait until the change feed has numbered every seeded event: until then each poll sees a new state.
  let first = await api(path, liaison)
  for (let previous = ''; first.headers.get('etag') !== previous;) {
    previous = first.headers.get('etag')!
    await new Promise((resolve) => setTimeout(resolve, 1000))
    first = await api(path, liaison)
  }
  const etag = first.headers.get('etag')!
  const check = await api(path, liaison, { headers: { 'if-none-match': etag } })
  console.log(`liaison sees ${((await first.json()) as { data: unknown[] }).data.length} notices; repeat poll answers ${check.status}`)

  console.log(`polling: ${CONNECTIONS} connections, ${SECONDS} s each`)
  const baseOptions = { url: `http://127.0.0.1:${BASELINE_PORT}/v1/notices` }
  const ourOptions = { url: `http://127.0.0.1:${GATEWAY_PORT}${path}`, headers: { authorization: `Bearer ${liaison}`, 'if-none-match': etag } }
  await load('warm-up', { ...baseOptions, duration: 2 })
  await load('warm-up', { ...ourOptions, duration: 2 })
  const comparison = await compare(['baseline (constant route)', baseOptions], ['gateway 304 poll', ourOptions])
  const ratio = printComparison(comparison)
  console.log('non-2xx above are the 304s')
  goal(ratio >= 0.5, `throughput: gateway ${ratio.toFixed(2)}x the baseline (median ratio; goal >= 0.50x)`)
  const { baseline: b, subject: g } = comparison
  const not304 = Object.entries(g.statuses ?? {}).filter(([status]) => status !== '304').reduce((sum, [, n]) => sum + n, 0)
  goal(b.errors + b.non2xx + g.errors + not304 === 0,
    `answers: baseline ${b.errors} errors or timeouts, ${b.non2xx} non-2xx; gateway ${g.errors} errors or timeouts, ${not304} other than 304 (goal: none)`)
  verdict()
} finally {
  gateway.kill('SIGTERM')
  baseline.kill('SIGTERM')
  await new Promise((resolve) => setTimeout(resolve, 1000))
  await gatewayDb.drop()
}
