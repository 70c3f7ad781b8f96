// The typed client against a live gateway over real HTTP: problems, idempotency keys, 304s, lists, the feed, retries.
import t from 'tap'
import { build } from '../helper.ts'
import { allEventsNumbered, eventually } from '../helpers/eventually.ts'
import { createGatewayClient, ProblemError, type GatewayClient, type RetryNotice } from '../../src/client/index.ts'

const report = (externalRef: string, urls: string[]) => ({
  externalRef,
  category: 'fraud' as const,
  legalBasis: 'kz-online-platforms-9',
  statementOfReasons: 'A fake investment scheme.',
  urgency: 'normal' as const,
  items: urls.map((url) => ({ url, contentType: 'text' as const }))
})

/** Responses as the client saw them on the wire, attempts included. */
function recordingFetch (seen: Response[]) {
  return async (request: Request): Promise<Response> => {
    const response = await fetch(request)
    seen.push(response.clone())
    return response
  }
}

t.test('the client on a live gateway', async (t) => {
  const ctx = await build(t)
  const longPolls: string[] = []
  ctx.app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/v1/events?') && request.url.includes('wait=10')) longPolls.push(request.url)
  })
  const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const authorityKey = await ctx.clientKey('authority')
  const client = createGatewayClient({ baseUrl, apiKey: authorityKey })
  const vk = createGatewayClient({ baseUrl, apiKey: await ctx.clientKey('liaison', 'vk') })

  t.test('a creating call carries an Idempotency-Key; repeating it replays the first answer', async (t) => {
    const first = await client.create('/v1/reports', { body: report('CLIENT-IDEM', ['https://t.me/clientidem/1']) })
    t.match(first.idempotencyKey, /^[0-9a-f-]{36}$/, 'a key was generated')
    t.equal(first.replayed, false)
    const again = await client.create('/v1/reports', { body: report('CLIENT-IDEM', ['https://t.me/clientidem/1']), idempotencyKey: first.idempotencyKey })
    t.equal(again.replayed, true)
    t.equal(again.data.id, first.data.id, 'the same report, not a second one')
    const stored = []
    for await (const r of client.list('/v1/reports', { params: { query: { externalRef: 'CLIENT-IDEM' } } })) stored.push(r.id)
    t.same(stored, [first.data.id])
  })

  t.test('a refusal is thrown as a ProblemError carrying the RFC 9457 document', async (t) => {
    const refused = await client.create('/v1/reports', { body: report('CLIENT-BAD', ['https://example.com/not-a-platform']) })
      .then(() => null, (error: unknown) => error)
    t.ok(refused instanceof ProblemError)
    const problem = refused as ProblemError
    t.equal(problem.status, 422)
    t.equal(problem.code, 'report_not_accepted')
    t.equal(problem.type, 'https://takedown.example.gov.kz/problems/report_not_accepted')
    t.ok(problem.title.length > 0)
    t.ok(problem.errors.length > 0 && problem.errors[0].pointer.startsWith('/items/0'), JSON.stringify(problem.errors))
    const missing = await client.get('/v1/notices/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } })
      .then(() => null, (error: unknown) => error)
    t.match(missing, { status: 404, code: 'not_found', title: 'Not found' })
    t.ok(missing instanceof ProblemError)
  })

  t.test('a conditional read answers notModified, never data, while nothing changed', async (t) => {
    const created = await client.create('/v1/reports', { body: report('CLIENT-304', ['https://vk.com/wall-304_1']) })
    const id = created.data.notices[0].id
    const first = await client.getConditional('/v1/notices/{id}', { params: { path: { id } } })
    if (first.notModified) throw new Error('a first read cannot be a 304')
    t.equal(first.data.status, 'issued')
    t.ok(first.etag)
    const same = await client.getConditional('/v1/notices/{id}', { params: { path: { id } }, etag: first.etag })
    t.same(same, { notModified: true, etag: first.etag })
    t.notOk('data' in same, 'a 304 carries no data')
    // The liaison's first read delivers the notice: a new version, so the tag no longer matches.
    await vk.get('/v1/notices/{id}', { params: { path: { id } } })
    const changed = await client.getConditional('/v1/notices/{id}', { params: { path: { id } }, etag: first.etag })
    if (changed.notModified) throw new Error('the notice changed')
    t.equal(changed.data.status, 'delivered')
    t.not(changed.etag, first.etag)
  })

  t.test('lists are async iterators that follow nextCursor to the end', async (t) => {
    const ids = []
    for (let i = 0; i < 5; i++) ids.push((await client.create('/v1/reports', { body: report('CLIENT-PAGES', [`https://t.me/clientpages/${i + 1}`]) })).data.id)
    const pages = []
    for await (const page of client.pages('/v1/reports', { params: { query: { externalRef: 'CLIENT-PAGES', limit: 2 } } })) pages.push(page.data.length)
    t.same(pages, [2, 2, 1])
    const listed = []
    for await (const r of client.list('/v1/reports', { params: { query: { externalRef: 'CLIENT-PAGES', limit: 2 } } })) listed.push(r.id)
    t.same([...listed].sort(), [...ids].sort(), 'every report once')
  })

  t.test('the feed iterator long-polls: an event made while it waits arrives', async (t) => {
    // Everything so far, once numbered, without waiting: where the feed ends now.
    await allEventsNumbered(ctx.pool, ctx.app.sequencer)
    let after = 0
    for await (const event of client.events({ follow: false })) after = event.sequence ?? after
    const abort = new AbortController()
    const feed = client.events({ after, wait: 10, signal: abort.signal })
    const next = feed.next()
    await eventuallyTrue(() => longPolls.some((url) => url.includes(`after=${after}&`)))
    const created = await client.create('/v1/reports', { body: report('CLIENT-FEED', ['https://ok.ru/video/777']) })
    const { value } = await next
    t.match(value, { type: 'notice.created', noticeId: created.data.notices[0].id, platform: 'ok', to: 'issued' })
    t.ok(value!.sequence! > after)
    abort.abort()
    await feed.return(undefined)
  })
})

t.test('429 with Retry-After on a live gateway', async (t) => {
  // Each key's first request is counted against the address too (before the key is known valid): room for those.
  const ctx = await build(t, { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100' })
  const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  // The administrator is limited too: its three requests of this minute make the three clients.
  const [patientKey, impatientKey, liaisonKey] = [await ctx.clientKey('authority'), await ctx.clientKey('authority'), await ctx.clientKey('liaison', 'vk')]

  // Started first, as it waits out the window (up to a minute) while the other cases run.
  const seenByPatient: Response[] = []
  const retriesOfPatient: RetryNotice[] = []
  const patient = createGatewayClient({ baseUrl, apiKey: patientKey, fetch: recordingFetch(seenByPatient), onRetry: (n) => retriesOfPatient.push(n) })
  const patientRun = (async () => {
    for (let i = 0; i < 3; i++) await patient.get('/v1/reports')
    return await patient.get('/v1/reports')
  })()

  t.test('a read is retried as Retry-After says, a bounded number of times', async (t) => {
    const seen: Response[] = []
    const waits: number[] = []
    const client = createGatewayClient({
      baseUrl,
      apiKey: impatientKey,
      retry: { maxAttempts: 3 },
      fetch: recordingFetch(seen),
      // Records what the client would wait; the window outlasts this case, so every attempt is refused.
      sleep: async (ms) => { waits.push(ms) }
    })
    for (let i = 0; i < 3; i++) await client.get('/v1/reports')
    const refused = await client.get('/v1/reports').then(() => null, (error: unknown) => error)
    t.ok(refused instanceof ProblemError)
    t.match(refused, { status: 429, code: 'rate_limited', title: 'Too many requests' })
    t.ok((refused as ProblemError).retryAfterSeconds! >= 1)
    const limited = seen.slice(3)
    t.same(limited.map((r) => r.status), [429, 429, 429], 'three attempts in all')
    t.same(waits, limited.slice(0, 2).map((r) => Number(r.headers.get('retry-after')) * 1000), 'each wait is the Retry-After of the answer before it')
  })

  t.test('a POST without an Idempotency-Key is not repeated', async (t) => {
    const seen: Response[] = []
    const waits: number[] = []
    const client = createGatewayClient({ baseUrl, apiKey: liaisonKey, fetch: recordingFetch(seen), sleep: async (ms) => { waits.push(ms) } })
    const match = { body: { hashes: [{ type: 'md5' as const, value: '0d12d4462273b533b9197f78b9aeb0d7' }] } }
    for (let i = 0; i < 3; i++) await client.post('/v1/hash-bank/match', match)
    const refused = await client.post('/v1/hash-bank/match', match).then(() => null, (error: unknown) => error)
    t.match(refused, { status: 429 })
    t.equal(seen.length, 4, 'one attempt only')
    t.same(waits, [])
  })

  t.test('a read waits out the window as Retry-After says, then succeeds', async (t) => {
    const result = await patientRun
    t.same(result.data, [])
    t.ok(retriesOfPatient.length >= 1, 'it was refused at least once')
    const refusals = seenByPatient.filter((r) => r.status === 429)
    t.same(retriesOfPatient.map((n) => n.delayMs), refusals.map((r) => Number(r.headers.get('retry-after')) * 1000))
    t.equal(seenByPatient.at(-1)!.status, 200)
  })
})

async function eventuallyTrue (check: () => boolean): Promise<void> {
  await eventually(async () => check())
}

// Compile-time checks: what the client refuses to type-check. tsc --noEmit runs over the tests.
export function typeChecks (client: GatewayClient): void {
  // @ts-expect-error the feed is not a cursor list
  void client.list('/v1/events')
  // @ts-expect-error a transition creates nothing, so it gets no generated key
  void client.create('/v1/notices/{id}/transitions', { params: { path: { id: 'x' }, header: {} }, body: { action: 'acknowledge' } })
  // @ts-expect-error an unknown path
  void client.get('/v1/nothing')
}
