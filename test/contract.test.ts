// The contract: every operation of the committed openapi/openapi.json is driven over HTTP against a live gateway,
// its successes and each documented error, and every answer is held to the document by a validator of its own.
import t from 'tap'
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { build, ADMIN_KEY } from './helper.ts'
import { Contract, send as sendRaw, type Answer, type Request } from './helpers/contract.ts'
import { PROBLEMS, isProblemCode, problemType } from '../src/lib/errors.ts'
import { vector, vectorBytes } from './helpers/hash-bank.ts'
import { eventually } from './helpers/eventually.ts'
import { makeVideo } from './helpers/videos.ts'
import { OPENAPI_FILE } from '../scripts/openapi-document.ts'
import { canonicalJson } from '../src/domain/canonical-json.ts'
import { issueResponseLink, linkKeyOf } from '../src/use-cases/response-links.ts'
import { formBody, formFields } from './helpers/response-page.ts'

/** Documented answers no test here provokes, each with the reason; any other documented status must be seen. */
const NOT_PROVOKED: Record<string, string> = {
  500: 'an unexpected failure is never answered on purpose',
  503: 'the database or the hash bank\'s index unreachable, or media hashing\'s queue full: provoked by the tests that stop PostgreSQL and load the hashing pool'
}

const BODY_LIMIT = 64 * 1024
const PNG = 'pen-and-coaster.png'
const uuid = (): string => crypto.randomUUID()

type Caller = 'admin' | 'authority' | 'auditor' | 'liaison' | 'otherLiaison' | null

/** Every problem document answered here, whichever subtest provoked it: each must carry a code of the table. */
const problemsSeen: Array<{ request: string, status: number, body: unknown }> = []

async function send (base: string, request: Request): Promise<Answer> {
  const answer = await sendRaw(base, request)
  if (String(answer.headers['content-type']).startsWith('application/problem+json')) {
    problemsSeen.push({ request: `${request.method} ${request.path}`, status: answer.status, body: answer.json })
  }
  return answer
}

t.test('every operation answers as openapi/openapi.json says', async (t) => {
  const ctx = await build(t, { BODY_LIMIT_BYTES: String(BODY_LIMIT) })
  const base = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const contract = new Contract(OPENAPI_FILE)
  const keys: Record<Exclude<Caller, null>, string> = { admin: ADMIN_KEY, authority: '', auditor: '', liaison: '', otherLiaison: '' }
  const clientIds: Record<string, string> = {}
  /** The first successful request of each operation: the 401, 403, 304, 413, 415 and 429 sweeps replay it. */
  const samples = new Map<string, { request: Request, caller: Caller }>()

  function request (caller: Caller, method: string, path: string, options: { json?: unknown, body?: string | Buffer, headers?: Record<string, string> } = {}): Request {
    const headers: Record<string, string> = { ...(caller === null ? {} : { authorization: `Bearer ${keys[caller]}` }) }
    let body = options.body
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.json)
    }
    return { method, path, headers: { ...headers, ...options.headers }, body }
  }

  /** Sends, asserts the status, and holds the answer to the document. */
  async function expect (status: number, caller: Caller, method: string, path: string, options: Parameters<typeof request>[3] = {}): Promise<Answer> {
    const req = request(caller, method, path, options)
    return expectRequest(status, req, caller)
  }

  async function expectRequest (status: number, req: Request, caller: Caller, name = ''): Promise<Answer> {
    const answer = await send(base, req)
    const label = `${req.method} ${req.path}${name} → ${status}`
    t.equal(answer.status, status, label, { body: answer.text.slice(0, 500) })
    t.same(contract.check(req, answer), [], `${label}: as documented`)
    const found = contract.operationOf(req.method, req.path)
    if (found !== undefined && answer.status < 300 && !samples.has(found.operation.operationId)) samples.set(found.operation.operationId, { request: req, caller })
    return answer
  }

  const json = <T = any>(answer: Answer): T => answer.json as T

  /** Holds an Idempotency-Key as a first attempt still running in a live process would, so that its retry meets the 409. */
  async function holdIdempotencyKey (clientId: string, key: string, req: Request, routeUrl: string): Promise<void> {
    const hash = crypto.createHash('sha256').update(`${req.method} ${req.path}\n`)
    const isJson = req.headers?.['content-type'] === 'application/json'
    if (req.body !== undefined) hash.update(isJson ? canonicalJson(JSON.parse(String(req.body))) : canonicalJson(String(req.body)))
    await ctx.pool.query(
      // Owned by the app's process (its owner lock is held), as a live first attempt is; a dead owner's key is taken over.
      `insert into idempotency_keys (client_id, key, scope, request_hash, state, owner, expires_at) values ($1, $2, $3, $4, 'running',
        (select objid::int from pg_locks where locktype = 'advisory' and classid = 7310010 and objsubid = 2 and granted
          and database = (select oid from pg_database where datname = current_database()) limit 1), now() + interval '1 hour')`,
      [clientId, key, `${req.method} ${routeUrl}`, hash.digest('hex')])
  }

  // Health and keys.
  await expect(200, null, 'GET', '/health/live')
  await expect(200, null, 'GET', '/health/ready')
  await expect(200, null, 'GET', '/.well-known/jwks.json')
  await expect(200, 'admin', 'GET', '/metrics')

  // Clients.
  const admins = json(await expect(200, 'admin', 'GET', '/v1/clients'))
  clientIds.admin = admins.data.find((c: { role: string }) => c.role === 'admin').id
  for (const [caller, body] of [
    ['authority', { name: 'contract authority', role: 'authority' }],
    ['auditor', { name: 'contract auditor', role: 'auditor' }],
    ['liaison', { name: 'contract liaison', role: 'liaison', platform: 'telegram' }],
    ['otherLiaison', { name: 'contract other liaison', role: 'liaison', platform: 'tiktok' }]
  ] as const) {
    const created = json(await expect(201, 'admin', 'POST', '/v1/clients', { json: body }))
    keys[caller] = created.apiKey
    clientIds[caller] = created.id
  }
  await expect(422, 'admin', 'POST', '/v1/clients', { json: { name: 'liaison of nothing', role: 'liaison' } })
  {
    const retry = request('admin', 'POST', '/v1/clients', { json: { name: 'retried', role: 'auditor' }, headers: { 'idempotency-key': 'contract-client' } })
    await holdIdempotencyKey(clientIds.admin, 'contract-client', retry, '/v1/clients')
    await expectRequest(409, retry, 'admin', ' (first attempt still running)')
  }
  await expect(400, 'admin', 'GET', '/v1/clients?limit=0')
  await expect(200, 'admin', 'GET', `/v1/clients/${clientIds.auditor}`)
  await expect(404, 'admin', 'GET', `/v1/clients/${uuid()}`)
  await expect(400, 'admin', 'GET', '/v1/clients/not-a-uuid')
  const spare = json(await expect(201, 'admin', 'POST', '/v1/clients', { json: { name: 'to revoke', role: 'auditor' } }))
  await expect(200, 'admin', 'POST', `/v1/clients/${spare.id}/revoke`)
  await expect(409, 'admin', 'POST', `/v1/clients/${clientIds.admin}/revoke`)
  await expect(404, 'admin', 'POST', `/v1/clients/${uuid()}/revoke`)

  // Platforms and legal bases.
  await expect(200, 'liaison', 'GET', '/v1/platforms')
  const telegram = json(await expect(200, 'liaison', 'GET', '/v1/platforms/telegram'))
  await expect(404, 'liaison', 'GET', '/v1/platforms/nosuch')
  await expect(400, 'liaison', 'GET', '/v1/platforms/NOT_A_SLUG')
  await expect(200, 'admin', 'PATCH', '/v1/platforms/telegram', { json: { deadlines: telegram.deadlines } })
  await expect(404, 'admin', 'PATCH', '/v1/platforms/nosuch', { json: { deadlines: telegram.deadlines } })
  await expect(400, 'admin', 'PATCH', '/v1/platforms/telegram', { json: {} })
  await expect(200, 'auditor', 'GET', '/v1/legal-bases')
  await expect(200, 'auditor', 'GET', '/v1/legal-bases/kz-online-platforms-9')
  await expect(404, 'auditor', 'GET', '/v1/legal-bases/no-such-basis')
  await expect(400, 'auditor', 'GET', '/v1/legal-bases/X')
  const texts = { kk: 'Мәтін', ru: 'Текст', en: 'Text' }
  const basis = { id: 'contract-basis', citation: 'Article 1', title: texts, text: texts }
  await expect(201, 'admin', 'POST', '/v1/legal-bases', { json: basis })
  await expect(409, 'admin', 'POST', '/v1/legal-bases', { json: basis })
  await expect(201, 'admin', 'POST', '/v1/legal-bases', { json: { ...basis, id: 'contract-basis-2' }, headers: { 'idempotency-key': 'contract-basis' } })
  const replayed = await expect(201, 'admin', 'POST', '/v1/legal-bases', { json: { ...basis, id: 'contract-basis-2' }, headers: { 'idempotency-key': 'contract-basis' } })
  t.equal(replayed.headers['idempotent-replayed'], 'true', 'a retry with the same key is the first answer, replayed')
  await expect(422, 'admin', 'POST', '/v1/legal-bases', { json: { ...basis, id: 'contract-basis-3' }, headers: { 'idempotency-key': 'contract-basis' } })
  await expect(200, 'admin', 'PATCH', '/v1/legal-bases/contract-basis', { json: { citation: 'Article 1, part 2' } })
  await expect(404, 'admin', 'PATCH', '/v1/legal-bases/no-such-basis', { json: { citation: 'Article 2' } })

  // Reports and the notices they issue.
  let serial = 0
  const report = (items: Array<Record<string, unknown>>) => ({
    externalRef: `CONTRACT-${++serial}`,
    category: 'terrorism',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'Calls for violence.',
    urgency: 'normal',
    items
  })
  const png = vector(PNG)
  const first = json(await expect(201, 'authority', 'POST', '/v1/reports', { json: report([{ url: 'https://t.me/contract_channel/1', contentType: 'video' }]) }))
  const second = json(await expect(201, 'authority', 'POST', '/v1/reports', {
    json: report([{ url: 'https://t.me/contract_channel/2', contentType: 'image', hashes: { sha256: png.sha256, md5: png.md5, pdq: png.pdq } }])
  }))
  const third = json(await expect(201, 'authority', 'POST', '/v1/reports', { json: report([{ url: 'https://t.me/contract_channel/3', contentType: 'image' }]) }))
  await expect(422, 'authority', 'POST', '/v1/reports', { json: report([{ url: 'https://example.com/not-a-platform', contentType: 'video' }]) })
  {
    const retry = request('authority', 'POST', '/v1/reports', { json: report([{ url: 'https://t.me/contract_channel/4', contentType: 'video' }]), headers: { 'idempotency-key': 'contract-report' } })
    await holdIdempotencyKey(clientIds.authority, 'contract-report', retry, '/v1/reports')
    await expectRequest(409, retry, 'authority', ' (first attempt still running)')
  }
  await expect(200, 'auditor', 'GET', '/v1/reports?category=terrorism')
  await expect(400, 'auditor', 'GET', '/v1/reports?limit=0')
  await expect(200, 'auditor', 'GET', `/v1/reports/${first.id}`)
  await expect(404, 'auditor', 'GET', `/v1/reports/${uuid()}`)
  await expect(400, 'auditor', 'GET', '/v1/reports/not-a-uuid')

  const n1: string = first.notices[0].id
  const n2: string = second.notices[0].id
  const n3: string = third.notices[0].id
  await expect(200, 'authority', 'GET', '/v1/notices')
  await expect(400, 'authority', 'GET', '/v1/notices?status=bogus')
  const read = await expect(200, 'liaison', 'GET', `/v1/notices/${n1}`)
  await expect(404, 'otherLiaison', 'GET', `/v1/notices/${n1}`)
  await expect(400, 'liaison', 'GET', '/v1/notices/not-a-uuid')
  for (const format of ['json', 'text', 'html', 'pdf']) await expect(200, 'auditor', 'GET', `/v1/notices/${n1}/document?format=${format}&lang=en`)
  await expect(400, 'auditor', 'GET', `/v1/notices/${n1}/document?format=doc`)
  await expect(404, 'auditor', 'GET', `/v1/notices/${uuid()}/document`)
  await expect(200, 'auditor', 'GET', `/v1/notices/${n1}/signature`)
  await expect(404, 'auditor', 'GET', `/v1/notices/${uuid()}/signature`)
  await expect(400, 'auditor', 'GET', '/v1/notices/not-a-uuid/signature')

  // The lifecycle: each refusal, then reject and escalate (a blocking order), and a removal (the hash bank).
  const transition = (caller: Caller, id: string, body: unknown, etag?: string) =>
    request(caller, 'POST', `/v1/notices/${id}/transitions`, { json: body, headers: etag === undefined ? {} : { 'if-match': etag } })
  let etag = String(read.headers.etag)
  await expectRequest(428, transition('liaison', n1, { action: 'acknowledge' }), 'liaison', ' without If-Match')
  await expectRequest(412, transition('liaison', n1, { action: 'acknowledge' }, '"999"'), 'liaison', ' with a stale If-Match')
  await expectRequest(422, transition('liaison', n1, { action: 'reject' }, etag), 'liaison', ' without a reason')
  await expectRequest(409, transition('authority', n1, { action: 'close' }, etag), 'authority', ' not allowed now')
  await expectRequest(404, transition('liaison', uuid(), { action: 'acknowledge' }, '"1"'), 'liaison')
  await expectRequest(400, transition('liaison', n1, { action: 'dance' }, etag), 'liaison', ' with an unknown action')
  etag = String((await expectRequest(200, transition('liaison', n1, { action: 'reject', reason: 'Not illegal here.' }, etag), 'liaison')).headers.etag)
  await expectRequest(200, transition('authority', n1, { action: 'escalate' }, etag), 'authority')
  const n2read = await expect(200, 'liaison', 'GET', `/v1/notices/${n2}`)
  await expectRequest(200, transition('liaison', n2, { action: 'remove' }, String(n2read.headers.etag)), 'liaison')
  await expect(200, 'auditor', 'GET', `/v1/notices/${n1}/events`)
  await expect(404, 'auditor', 'GET', `/v1/notices/${uuid()}/events`)
  await expect(400, 'auditor', 'GET', `/v1/notices/${n1}/events?updatedSince=yesterday`)

  // Webhook endpoints, and a notice's deliveries (none is sent here: the worker is off, so each stays pending).
  const hookUrl = 'https://hooks.example.com/takedown'
  const endpoint = json(await expect(201, 'liaison', 'POST', '/v1/webhook-endpoints', { json: { url: hookUrl, eventTypes: ['*'] } }))
  await expect(400, 'liaison', 'POST', '/v1/webhook-endpoints', { json: { url: hookUrl } })
  await expect(422, 'liaison', 'POST', '/v1/webhook-endpoints', { json: { url: 'http://hooks.example.com/x', eventTypes: ['*'] } })
  {
    const retry = request('liaison', 'POST', '/v1/webhook-endpoints', { json: { url: `${hookUrl}/2`, eventTypes: ['*'] }, headers: { 'idempotency-key': 'contract-endpoint' } })
    await holdIdempotencyKey(clientIds.liaison, 'contract-endpoint', retry, '/v1/webhook-endpoints')
    await expectRequest(409, retry, 'liaison', ' (first attempt still running)')
  }
  await expect(200, 'liaison', 'GET', '/v1/webhook-endpoints')
  await expect(400, 'liaison', 'GET', '/v1/webhook-endpoints?limit=0')
  await expect(200, 'liaison', 'GET', `/v1/webhook-endpoints/${endpoint.id}`)
  await expect(404, 'otherLiaison', 'GET', `/v1/webhook-endpoints/${endpoint.id}`)
  await expect(400, 'liaison', 'GET', '/v1/webhook-endpoints/not-a-uuid')
  await expect(200, 'liaison', 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { json: { description: 'the contract\'s' } })
  await expect(400, 'liaison', 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { json: {} })
  await expect(422, 'liaison', 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { json: { url: 'https://169.254.169.254/latest' } })
  await expect(404, 'liaison', 'PATCH', `/v1/webhook-endpoints/${uuid()}`, { json: { description: 'none' } })
  await expect(200, 'liaison', 'POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { json: { overlapHours: 1 } })
  await expect(400, 'liaison', 'POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { json: { overlapHours: -1 } })
  await expect(404, 'liaison', 'POST', `/v1/webhook-endpoints/${uuid()}/rotate-secret`, { json: {} })
  const spareEndpoint = json(await expect(201, 'liaison', 'POST', '/v1/webhook-endpoints', { json: { url: `${hookUrl}/3`, eventTypes: ['notice.created'] } }))
  await expect(204, 'liaison', 'DELETE', `/v1/webhook-endpoints/${spareEndpoint.id}`)
  await expect(404, 'liaison', 'DELETE', `/v1/webhook-endpoints/${spareEndpoint.id}`)
  await expect(400, 'liaison', 'DELETE', '/v1/webhook-endpoints/not-a-uuid')
  const deliveries = json(await expect(200, 'liaison', 'GET', `/v1/notices/${n1}/deliveries`)).data as Array<{ id: string }>
  t.ok(deliveries.length > 0, 'the notice\'s events wrote deliveries (its platform has a notice address)')
  await expect(404, 'otherLiaison', 'GET', `/v1/notices/${n1}/deliveries`)
  await expect(400, 'auditor', 'GET', '/v1/notices/not-a-uuid/deliveries')
  await expect(202, 'authority', 'POST', `/v1/deliveries/${deliveries[0].id}/redeliver`)
  await expect(404, 'authority', 'POST', `/v1/deliveries/${uuid()}/redeliver`)
  await expect(400, 'authority', 'POST', '/v1/deliveries/not-a-uuid/redeliver')

  // A notice's response page: its link as the notice's e-mail carries it, the page, its forms, and the authority's
  // revocation. No key: the link is the credential, and every answer, a refusal included, is a page.
  const paged: string = json(await expect(201, 'authority', 'POST', '/v1/reports', {
    json: report([{ url: 'https://t.me/contract_channel/5', contentType: 'video' }, { url: 'https://t.me/contract_channel/6', contentType: 'image' }])
  })).notices[0].id
  const pagePath = `/respond/${await issueResponseLink(ctx.db, linkKeyOf(ctx.app.delivery.box), { id: paged, platform: 'telegram' })}`
  const unknownPage = `/respond/${'A'.repeat(43)}`
  /** The page's form as a browser posts it from the page. */
  const posted = (fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => ({
    body: formBody(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers }
  })
  const shown = await expect(200, null, 'GET', pagePath)
  t.match(shown.headers['content-type'], /^text\/html/, 'the page is HTML')
  await expect(404, null, 'GET', unknownPage)
  const acknowledge = formFields(shown.text, 'acknowledge')
  await expect(403, null, 'POST', pagePath, posted(acknowledge, { 'sec-fetch-site': 'cross-site' }))
  await expect(403, null, 'POST', pagePath, posted({ ...acknowledge, csrf: 'forged' }))
  await expect(400, null, 'POST', pagePath, posted({ ...acknowledge, action: 'dance' }))
  await expect(422, null, 'POST', pagePath, posted({ ...acknowledge, action: 'reject' }))
  await expect(415, null, 'POST', pagePath, { json: acknowledge })
  await expect(404, null, 'POST', unknownPage, posted(acknowledge))
  await expect(200, null, 'POST', pagePath, posted({ ...acknowledge, note: 'Seen.' }))
  await expect(409, null, 'POST', pagePath, posted({ ...acknowledge, action: 'restrict' }))
  await expect(409, null, 'POST', pagePath, posted({ ...formFields((await expect(200, null, 'GET', pagePath)).text, 'restrict'), action: 'acknowledge' }))
  const revokeLink = `/v1/notices/${paged}/response-link/revoke`
  await expect(403, 'liaison', 'POST', revokeLink)
  t.same(json(await expect(200, 'authority', 'POST', revokeLink)), { revoked: 1 }, 'the notice\'s link is revoked')
  await expect(404, 'authority', 'POST', `/v1/notices/${uuid()}/response-link/revoke`)
  await expect(400, 'authority', 'POST', '/v1/notices/not-a-uuid/response-link/revoke')
  await expect(410, null, 'GET', pagePath)
  await expect(410, null, 'POST', pagePath, posted(acknowledge))

  await expect(200, 'liaison', 'GET', '/v1/events')
  await expect(400, 'liaison', 'GET', '/v1/events?after=-1')
  await expect(200, 'auditor', 'GET', '/v1/audit')
  await expect(400, 'auditor', 'GET', '/v1/audit?after=-1')
  await expect(200, 'auditor', 'GET', '/v1/audit/verify')
  const kept = json(await expect(200, 'auditor', 'GET', '/v1/audit/checkpoints/latest')).checkpoint as string
  await expect(200, 'auditor', 'GET', `/v1/audit/verify?checkpoint=${kept}`)
  const [cpHeader, , cpSignature] = kept.split('.')
  const forged = Buffer.from(JSON.stringify({ position: 1_000_000, hash: null, at: new Date().toISOString() })).toString('base64url')
  await expect(422, 'auditor', 'GET', `/v1/audit/verify?checkpoint=${cpHeader}.${forged}.${cpSignature}`)
  await expect(400, 'auditor', 'GET', '/v1/audit/verify?checkpoint=not-a-jws')

  // Blocking orders, their register, statistics.
  const orders = json(await expect(200, 'authority', 'GET', '/v1/blocking-orders'))
  t.equal(orders.data.length, 1, 'the escalation made one order')
  await expect(400, 'authority', 'GET', '/v1/blocking-orders?status=bogus')
  await expect(200, 'liaison', 'GET', `/v1/blocking-orders/${orders.data[0].id}`)
  await expect(404, 'otherLiaison', 'GET', `/v1/blocking-orders/${orders.data[0].id}`)
  await expect(400, 'authority', 'GET', '/v1/blocking-orders/not-a-uuid')
  for (const format of ['json', 'csv', 'xml']) await expect(200, 'authority', 'GET', `/v1/blocking-orders/export?format=${format}`)
  await expect(400, 'authority', 'GET', '/v1/blocking-orders/export?format=pdf')
  // A fixed period first: the default one ends now, so its figures (and tag) move with the clock.
  await expect(200, 'auditor', 'GET', '/v1/stats?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')
  await expect(200, 'auditor', 'GET', '/v1/stats')
  await expect(200, 'auditor', 'GET', '/v1/stats?format=csv')
  await expect(400, 'auditor', 'GET', '/v1/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')

  // The hash bank and media.
  await ctx.app.hashBankIndex.start()
  const matched = json(await eventually(async () => {
    await ctx.app.hashBankIndex.refresh()
    const answer = await expect(200, 'liaison', 'POST', '/v1/hash-bank/match', { json: { hashes: [{ type: 'sha256', value: png.sha256 }] } })
    return json(answer).results[0].matches.length > 0 ? answer : undefined
  }))
  const entryId: string = matched.results[0].matches[0].entryId
  await expect(422, 'liaison', 'POST', '/v1/hash-bank/match', { json: { hashes: [{ type: 'sha256', value: 'not-hex' }] } })
  await expect(200, 'liaison', 'GET', `/v1/hash-bank/entries/${entryId}`)
  await expect(404, 'liaison', 'GET', `/v1/hash-bank/entries/${uuid()}`)
  await expect(400, 'liaison', 'GET', '/v1/hash-bank/entries/not-a-uuid')
  await expect(200, 'liaison', 'GET', '/v1/hash-bank/changes')
  await expect(400, 'liaison', 'GET', '/v1/hash-bank/changes?since=not-a-cursor')
  const csv = `type,value,labels\nmd5,${'ab'.repeat(16)},contract\n`
  await expect(201, 'authority', 'POST', '/v1/hash-bank/imports?name=contract-lines', {
    body: JSON.stringify({ type: 'md5', value: 'cd'.repeat(16) }) + '\n', headers: { 'content-type': 'application/x-ndjson' }
  })
  await expect(422, 'authority', 'POST', '/v1/hash-bank/imports?name=contract-strict&mode=strict', { body: 'type,value\nmd5,nothex\n', headers: { 'content-type': 'text/csv' } })
  await expect(400, 'authority', 'POST', '/v1/hash-bank/imports?name=Not%20A%20Name', { body: csv, headers: { 'content-type': 'text/csv' } })
  {
    const retry = request('authority', 'POST', '/v1/hash-bank/imports?name=contract-held', { body: csv, headers: { 'content-type': 'text/csv', 'idempotency-key': 'contract-import' } })
    await holdIdempotencyKey(clientIds.authority, 'contract-import', retry, '/v1/hash-bank/imports')
    await expectRequest(409, retry, 'authority', ' (first attempt still running)')
  }
  const image = vectorBytes(PNG)
  const imageHeaders = { 'content-type': 'image/png' }
  for (let attempt = 0; attempt < 2; attempt++) {
    await expect(201, 'authority', 'POST', `/v1/hash-bank/media?noticeId=${n2}`, { body: image, headers: { ...imageHeaders, 'idempotency-key': 'contract-media' } })
    await expect(201, 'authority', 'POST', '/v1/hash-bank/imports?name=contract-list', { body: csv, headers: { 'content-type': 'text/csv', 'idempotency-key': 'contract-list' } })
  }
  await expect(404, 'authority', 'POST', `/v1/hash-bank/media?noticeId=${uuid()}`, { body: image, headers: imageHeaders })
  await expect(409, 'authority', 'POST', `/v1/hash-bank/media?noticeId=${n3}`, { body: image, headers: imageHeaders })
  await expect(422, 'authority', 'POST', `/v1/hash-bank/media?noticeId=${n2}&itemId=${uuid()}`, { body: image, headers: imageHeaders })
  await expect(400, 'authority', 'POST', '/v1/hash-bank/media?noticeId=not-a-uuid', { body: image, headers: imageHeaders })
  await expect(200, 'liaison', 'POST', '/v1/media/hashes', { body: image, headers: imageHeaders })
  await expect(415, 'liaison', 'POST', '/v1/media/hashes', { body: Buffer.from('not an image at all'), headers: imageHeaders })
  await expect(422, 'liaison', 'POST', '/v1/media/hashes', { body: image.subarray(0, 200), headers: imageHeaders })
  {
    // A real video, letterboxed so that its features carry trimmedHash: the vPDQ answer is held to the document too.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'contract-video-'))
    t.teardown(async () => await rm(dir, { recursive: true, force: true }))
    const video = await readFile(await makeVideo(dir, 'letterboxed.mp4', { seconds: 2, extra: ['-vf', 'pad=iw:ih*3/2:0:(oh-ih)/2:black'] }))
    const hashed = json(await expect(200, 'liaison', 'POST', '/v1/media/hashes', { body: video, headers: { 'content-type': 'video/mp4' } }))
    t.ok(hashed.vpdq.features.length === 2 && hashed.vpdq.features.every((f: { trimmedHash?: string }) => f.trimmedHash !== undefined), 'a vPDQ answer with trimmed hashes')
    await expect(200, 'liaison', 'POST', '/v1/hash-bank/match', { json: { hashes: [{ type: 'vpdq', value: { features: hashed.vpdq.features } }] } })
  }
  await expect(200, 'authority', 'POST', `/v1/hash-bank/entries/${entryId}/retire`, { json: { reason: 'contract test' } })
  await expect(404, 'authority', 'POST', `/v1/hash-bank/entries/${uuid()}/retire`)
  await expect(400, 'authority', 'POST', '/v1/hash-bank/entries/not-a-uuid/retire')

  // One pagination vocabulary: what a list hands out as its cursor, the parameter that takes it accepts as it came.
  {
    const page = json(await expect(200, 'authority', 'GET', '/v1/events?limit=1'))
    t.type(page.nextCursor, 'string', 'the feed has more than one event')
    const next = json(await expect(200, 'authority', 'GET', `/v1/events?limit=1&after=${page.nextCursor}`))
    t.ok(next.data[0].sequence > page.data[0].sequence, 'the feed\'s nextCursor goes in `after` as it came')
    const byNumber = json(await expect(200, 'authority', 'GET', `/v1/events?limit=1&after=${page.lastSequence}`))
    t.same(byNumber.data, next.data, '`after` still takes the lastSequence integer')
    await expect(400, 'authority', 'GET', '/v1/events?after=12345678901234567')
    const changes = json(await expect(200, 'authority', 'GET', '/v1/hash-bank/changes?limit=1'))
    t.type(changes.nextCursor, 'string', 'the bank has more than one change')
    const after = json(await expect(200, 'authority', 'GET', `/v1/hash-bank/changes?limit=1&cursor=${changes.nextCursor}`))
    t.not(after.data[0].cursor, changes.data[0].cursor, 'the changes\' nextCursor goes in `cursor`')
    const formerly = json(await expect(200, 'authority', 'GET', `/v1/hash-bank/changes?limit=1&since=${changes.nextCursor}`))
    t.same(formerly.data, after.data, '`since` still takes it too')
    const notices = json(await expect(200, 'authority', 'GET', '/v1/notices?limit=1'))
    const more = json(await expect(200, 'authority', 'GET', `/v1/notices?limit=1&cursor=${notices.nextCursor}`))
    t.not(more.data[0].id, notices.data[0].id, 'a list\'s nextCursor goes in `cursor`')
    const at = '2026-01-01T00:00:00.000Z'
    const updated = await expect(200, 'authority', 'GET', `/v1/blocking-orders/export?updatedSince=${at}`)
    const since = await expect(200, 'authority', 'GET', `/v1/blocking-orders/export?since=${at}`)
    t.same(json(since).entries, json(updated).entries, 'the register takes updatedSince, and since as before')
  }

  // The sweeps: every operation as first sent successfully, changed one way each.
  const operations = contract.operations()
  for (const op of operations) {
    const sample = samples.get(op.operationId)
    if (sample === undefined) continue
    const { request: req, caller } = sample
    const headers = { ...req.headers }
    if (op.statuses.includes('401')) {
      const { authorization: _dropped, ...anonymous } = headers
      await expectRequest(401, { ...req, headers: anonymous }, null, ' without a key')
    }
    if (op.statuses.includes('403')) {
      const outsider = (['auditor', 'liaison', 'authority', 'admin'] as const).find((role) => !allowedRoles(op.operationId).includes(role))
      if (outsider !== undefined) await expectRequest(403, { ...req, headers: { ...headers, authorization: `Bearer ${keys[outsider]}` } }, outsider, ` as ${outsider}`)
    }
    if (op.statuses.includes('304')) {
      // A tag read twice can straddle a change made by background work (sealing, numbering): read again until it holds.
      await eventually(async () => {
        const fresh = await expectRequest(200, req, caller, ' (for its tag)')
        const answer = await send(base, { ...req, headers: { ...headers, 'if-none-match': String(fresh.headers.etag) } })
        if (answer.status !== 304) return false
        t.same(contract.check(req, answer), [], `${req.method} ${req.path} → 304: as documented`)
        return true
      }).catch(() => t.fail(`${req.method} ${req.path} never answered 304 to its own tag`))
    }
    if (op.method === 'POST' || op.method === 'PATCH') {
      const jsonHeaders = { ...headers, 'content-type': 'application/json' }
      await expectRequest(400, { ...req, headers: jsonHeaders, body: '{"unterminated' }, caller, ' with malformed JSON')
      await expectRequest(413, { ...req, headers: { ...headers, 'content-type': headers['content-type'] ?? 'application/json' }, body: undefined, declaredLength: 1024 * 1024 * 1024 }, caller, ' with a body too large')
      // A JSON operation sent plain text is refused like any other type it does not take (not parsed as a string).
      const other = headers['content-type'] === undefined || headers['content-type'] === 'application/json' ? 'text/plain' : 'application/xml'
      await expectRequest(415, { ...req, headers: { ...headers, 'content-type': other }, body: '{"sent":"as text"}' }, caller, ` as ${other}`)
    }
  }

  await t.test('a known path asked with another method answers 405 with Allow', async (t) => {
    for (const [path, operations] of Object.entries(contract.document.paths)) {
      const methods = Object.keys(operations).map((m) => m.toUpperCase())
      const wrong = ['PUT', 'DELETE', 'POST', 'PATCH'].find((m) => !methods.includes(m))!
      const concrete = path.replace(/\{[^}]+\}/g, (name) => name === '{slug}' ? 'telegram' : uuid())
      const answer = await send(base, { method: wrong, path: concrete, headers: { authorization: `Bearer ${ADMIN_KEY}` } })
      t.equal(answer.status, 405, `${wrong} ${path}`)
      t.equal(answer.headers['content-type'], 'application/problem+json; charset=utf-8', `${wrong} ${path}: a problem`)
      const allow = String(answer.headers.allow).split(', ')
      for (const method of methods) t.ok(allow.includes(method), `${wrong} ${path}: Allow names ${method}`)
      t.equal(allow.includes('HEAD'), methods.includes('GET'), `${wrong} ${path}: HEAD allowed with GET`)
    }
    t.equal((await send(base, { method: 'GET', path: '/v1/no-such-thing' })).status, 404, 'an unknown path is still a 404')
  })

  await t.test('a client over its rate is refused with 429 and Retry-After on every operation', async (t) => {
    const limited = await build(t, { RATE_LIMIT_PER_MINUTE: '1', RATE_LIMIT_READINESS_PER_MINUTE: '1' })
    const limitedBase = await limited.app.listen({ port: 0, host: '127.0.0.1' })
    await send(limitedBase, { method: 'GET', path: '/v1/platforms', headers: { authorization: `Bearer ${ADMIN_KEY}` } })
    // Readiness checks have a window of their own (per address): this one fills it.
    await send(limitedBase, { method: 'GET', path: '/health/ready' })
    for (const op of operations) {
      const sample = samples.get(op.operationId)
      if (sample === undefined || !op.statuses.includes('429')) continue
      const req = { ...sample.request, headers: { ...sample.request.headers, authorization: `Bearer ${ADMIN_KEY}` } }
      const answer = await send(limitedBase, req)
      t.equal(answer.status, 429, `${req.method} ${req.path}`)
      t.same(contract.check(req, answer), [], `${req.method} ${req.path} → 429: as documented`)
    }
  })

  await t.test('every problem answered carries a known code, with its own type, title and status', async (t) => {
    t.ok(problemsSeen.length > 100, `${problemsSeen.length} problems seen`)
    for (const { request, status, body } of problemsSeen) {
      const { code, type, title } = (body ?? {}) as Record<string, unknown>
      if (!isProblemCode(code)) {
        t.fail(`${request} → ${status}: ${JSON.stringify(code)} is not a code of src/lib/errors.ts`)
        continue
      }
      t.same({ type, title, status }, { type: problemType(code), title: PROBLEMS[code].title, status: PROBLEMS[code].status }, `${request} → ${status} ${code}`)
    }
    // The 409s this test provokes are different problems, and say so.
    const conflicts = new Set(problemsSeen.filter((p) => p.status === 409).map((p) => (p.body as { code?: string }).code))
    for (const code of ['idempotent_request_in_progress', 'last_administrator', 'already_exists', 'notice_transition_not_allowed', 'notice_not_removed']) {
      t.ok(conflicts.has(code), `a 409 answered ${code}`)
    }
  })

  await t.test('every operation of the document, and each answer it documents, was seen', async (t) => {
    for (const op of operations) {
      const seen = contract.exercised.get(op.operationId)
      t.ok(seen, `${op.method} ${op.path} (${op.operationId}) is exercised`)
      for (const status of op.statuses) {
        if (status in NOT_PROVOKED) continue
        t.ok(seen?.has(status), `${op.operationId} answered its documented ${status}`)
      }
    }
  })
})

/** Roles each operation admits (from the route declarations); a caller outside them is the 403 case. */
function allowedRoles (operationId: string): string[] {
  return ROLES_OF[operationId] ?? ['admin', 'authority', 'auditor', 'liaison']
}

const ROLES_OF: Record<string, string[]> = {
  getMetrics: ['admin', 'auditor'],
  createClient: ['admin'],
  listClients: ['admin'],
  getClient: ['admin'],
  revokeClient: ['admin'],
  updatePlatform: ['admin'],
  createLegalBasis: ['admin'],
  updateLegalBasis: ['admin'],
  submitReport: ['authority'],
  listReports: ['authority', 'auditor'],
  getReport: ['authority', 'auditor'],
  listNotices: ['authority', 'auditor', 'liaison'],
  getNotice: ['authority', 'auditor', 'liaison'],
  getNoticeDocument: ['authority', 'auditor', 'liaison'],
  getNoticeSignature: ['authority', 'auditor', 'liaison'],
  transitionNotice: ['authority', 'liaison'],
  listNoticeEvents: ['authority', 'auditor', 'liaison'],
  listEvents: ['authority', 'auditor', 'liaison'],
  listAuditEntries: ['auditor', 'admin'],
  verifyAuditTrail: ['auditor', 'admin'],
  getLatestAuditCheckpoint: ['auditor', 'admin'],
  listBlockingOrders: ['authority', 'auditor', 'liaison'],
  getBlockingOrder: ['authority', 'auditor', 'liaison'],
  exportBlockingRegister: ['authority', 'auditor'],
  getStats: ['authority', 'auditor'],
  matchHashes: ['liaison', 'authority'],
  getHashBankEntry: ['authority', 'auditor', 'admin', 'liaison'],
  retireHashBankEntry: ['admin', 'authority'],
  listHashBankChanges: ['liaison', 'authority', 'auditor'],
  importHashList: ['admin', 'authority'],
  bankMedia: ['authority'],
  hashMedia: ['authority', 'liaison'],
  createWebhookEndpoint: ['authority', 'liaison'],
  listWebhookEndpoints: ['authority', 'liaison'],
  getWebhookEndpoint: ['authority', 'liaison'],
  updateWebhookEndpoint: ['authority', 'liaison'],
  rotateWebhookEndpointSecret: ['authority', 'liaison'],
  deleteWebhookEndpoint: ['authority', 'liaison'],
  listNoticeDeliveries: ['authority', 'auditor', 'liaison'],
  redeliverNoticeDelivery: ['authority'],
  revokeNoticeResponseLink: ['authority'],
  // The response page takes no key (its link is the credential): whichever key a caller sends, none is refused for it.
  getResponsePage: ['admin', 'authority', 'auditor', 'liaison'],
  respondThroughPage: ['admin', 'authority', 'auditor', 'liaison']
}
