// Notices reach the platforms by themselves: the outbox is filled in the events' own transactions, webhooks go out
// signed (verified here with the official standardwebhooks library), in order per notice, to the platform's own
// liaison only; the e-mail is written to the outbox folder; the first acceptance delivers the notice as `system`;
// and every attempt shows in the notice's delivery history.
import t, { type Test } from 'tap'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { Webhook } from 'standardwebhooks'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'

interface Received { headers: http.IncomingHttpHeaders, body: string, path: string }

/** A receiver on loopback answering each request with what `answer` says (200 by default). */
type Answer = (r: Received) => { status: number, headers?: Record<string, string> }

async function receiver (t: Test): Promise<{ url: string, received: Received[], setAnswer: (f: Answer) => void }> {
  const received: Received[] = []
  let answer: Answer = () => ({ status: 200 })
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => { body += chunk.toString('utf8') })
    req.on('end', () => {
      const r = { headers: req.headers, body, path: req.url ?? '' }
      received.push(r)
      const { status, headers } = answer(r)
      res.writeHead(status, headers).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    setAnswer: (f) => { answer = f }
  }
}

async function until (what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

t.test('deliveries', async (t) => {
  const ctx = await build(t, { DELIVERY_CONCURRENCY: '4', WEBHOOK_ALLOW_HTTP: 'true' })
  const { call, pool } = ctx
  const { authority, auditor, liaison } = await actors(ctx, 'telegram', 'vk')
  const hook = await receiver(t)
  const vkHook = await receiver(t)

  const createEndpoint = async (key: string, url: string, body: Record<string, unknown> = {}) => {
    const res = await call(key, { method: 'POST', url: '/v1/webhook-endpoints', payload: { url, eventTypes: ['*'], ...body } })
    t.equal(res.statusCode, 201, res.body)
    return res.json() as { id: string, secret: string, platform: string | null }
  }
  const telegram = await createEndpoint(liaison.telegram, `${hook.url}/telegram`)
  await createEndpoint(liaison.vk, `${vkHook.url}/vk`)
  t.equal(telegram.platform, 'telegram')
  t.match(telegram.secret, /^whsec_/)

  const issue = async (ref: string, urls: string[]) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: reportPayload(urls, { externalRef: ref }) })
    t.equal(res.statusCode, 201, res.body)
    return res.json().notices as Array<{ id: string, platform: string, referenceNumber: string }>
  }
  const deliveriesOf = async (key: string, id: string) => {
    const res = await call(key, { method: 'GET', url: `/v1/notices/${id}/deliveries` })
    t.equal(res.statusCode, 200, res.body)
    return res.json().data as Array<{ id: string, channel: string, eventType: string, status: string, attempts: Array<{ outcome: string, statusCode: number | null, error: string | null, response: string | null }> }>
  }
  const noticeOf = async (id: string) => (await call(auditor, { method: 'GET', url: `/v1/notices/${id}` })).json()

  t.test('an issued notice goes out by webhook and e-mail, and the first acceptance delivers it', async (t) => {
    const [notice] = await issue('DELIVERY-1', ['https://t.me/delivery_one/1'])
    await until('the webhook', () => hook.received.some((r) => r.body.includes(notice.id)))
    const got = hook.received.find((r) => r.body.includes(notice.id))!
    const verified = new Webhook(telegram.secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature'])
    }) as { type: string, data: { notice: { id: string, referenceNumber: string, platform: string } } }
    t.equal(verified.type, 'notice.created', 'verified by the official library')
    t.same(verified.data.notice, { ...verified.data.notice, id: notice.id, referenceNumber: notice.referenceNumber, platform: 'telegram' })
    t.equal(got.path, '/telegram')
    await until('delivered', async () => (await noticeOf(notice.id)).status === 'delivered')
    const events = (await call(auditor, { method: 'GET', url: `/v1/notices/${notice.id}/events` })).json().data as Array<{ action: string | null, actor: { role: string }, note: string | null }>
    const deliver = events.find((e) => e.action === 'deliver')!
    t.equal(deliver.actor.role, 'system', 'delivered by the system')
    t.match(deliver.note, /^(webhook 127\.0\.0\.1|e-mail to )/, 'its event names the channel')
    await until('both channels', async () => (await deliveriesOf(auditor, notice.id))
      .filter((d) => d.eventType === 'notice.created').every((d) => d.status === 'delivered'))
    const history = await deliveriesOf(liaison.telegram, notice.id)
    t.same(history.filter((d) => d.eventType === 'notice.created').map((d) => d.channel).sort(), ['email', 'webhook'])
    const email = history.find((d) => d.channel === 'email')!
    t.equal(email.attempts[0].outcome, 'delivered')
    t.match(email.attempts[0].response, /^written to the outbox: [^/]+\.eml$/, 'by file name, not the server\'s path')
    const outbox = path.join(ctx.config.DATA_DIR, 'outbox')
    t.ok(fs.readdirSync(outbox).some((f) => f.includes(notice.referenceNumber)), 'the e-mail is written to the outbox folder')
    t.notOk(vkHook.received.some((r) => r.body.includes(notice.id)), 'another platform\'s liaison hears nothing of it')
    t.equal((await call(liaison.vk, { method: 'GET', url: `/v1/notices/${notice.id}/deliveries` })).statusCode, 404,
      'nor sees its deliveries')
  })

  t.test('a receiver that fails is retried, and a notice\'s later steps wait for the earlier ones', async (t) => {
    let failures = 0
    hook.setAnswer((r) => (r.body.includes('"notice.created"') && failures++ < 1 ? { status: 503, headers: { 'retry-after': '1' } } : { status: 200 }))
    const [notice] = await issue('DELIVERY-2', ['https://t.me/delivery_two/1'])
    // The liaison acknowledges while the creation's delivery is still waiting for its retry.
    await until('the first attempt', () => failures >= 1)
    const read = await call(liaison.telegram, { method: 'GET', url: `/v1/notices/${notice.id}` })
    const ack = await call(liaison.telegram, {
      method: 'POST', url: `/v1/notices/${notice.id}/transitions`, headers: { 'if-match': String(read.headers.etag) }, payload: { action: 'acknowledge' }
    })
    t.equal(ack.statusCode, 200, ack.body)
    await until('both events', () => hook.received.filter((r) => r.body.includes(notice.id) && !r.body.includes('"notice.deliver"')).length >= 3, 20_000)
    const types = hook.received.filter((r) => r.body.includes(notice.id)).map((r) => (JSON.parse(r.body) as { type: string }).type)
    t.same(types.filter((type) => type !== 'notice.deliver'), ['notice.created', 'notice.created', 'notice.acknowledge'],
      'the acknowledgement only after the creation went through')
    const ids = hook.received.filter((r) => r.body.includes('"notice.created"') && r.body.includes(notice.id)).map((r) => r.headers['webhook-id'])
    t.equal(new Set(ids).size, 1, 'a retry carries the same webhook-id')
    const created = (await deliveriesOf(auditor, notice.id)).find((d) => d.channel === 'webhook' && d.eventType === 'notice.created')!
    t.same(created.attempts.map((a) => [a.outcome, a.statusCode]), [['retry', 503], ['delivered', 200]])
    hook.setAnswer(() => ({ status: 200 }))
  })

  t.test('after a rotation, deliveries carry a signature with each secret until the overlap ends', async (t) => {
    const rotated = await call(liaison.telegram, {
      method: 'POST', url: `/v1/webhook-endpoints/${telegram.id}/rotate-secret`, payload: { overlapHours: 1 }
    })
    t.equal(rotated.statusCode, 200, rotated.body)
    const { secret, previousSecretExpiresAt } = rotated.json() as { secret: string, previousSecretExpiresAt: string }
    t.not(secret, telegram.secret, 'a new secret')
    t.ok(Date.parse(previousSecretExpiresAt) > Date.now(), 'the previous one still signs for the overlap')
    const [notice] = await issue('DELIVERY-ROTATE', ['https://t.me/delivery_rotate/1'])
    await until('the webhook', () => hook.received.some((r) => r.body.includes(notice.id)))
    const got = hook.received.find((r) => r.body.includes(notice.id))!
    const headers = {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature'])
    }
    t.equal(headers['webhook-signature'].split(' ').length, 2, 'two signatures')
    for (const key of [secret, telegram.secret]) t.ok(new Webhook(key).verify(got.body, headers), 'each secret verifies alone')
    const ended = await call(liaison.telegram, {
      method: 'POST', url: `/v1/webhook-endpoints/${telegram.id}/rotate-secret`, payload: { overlapHours: 0 }
    })
    const latest = (ended.json() as { secret: string }).secret
    telegram.secret = latest
    const [next] = await issue('DELIVERY-ROTATE-2', ['https://t.me/delivery_rotate/2'])
    await until('the next webhook', () => hook.received.some((r) => r.body.includes(next.id)))
    const after = hook.received.find((r) => r.body.includes(next.id))!
    t.equal(String(after.headers['webhook-signature']).split(' ').length, 1, 'without an overlap, one signature')
    t.throws(() => new Webhook(secret).verify(after.body, {
      'webhook-id': String(after.headers['webhook-id']),
      'webhook-timestamp': String(after.headers['webhook-timestamp']),
      'webhook-signature': String(after.headers['webhook-signature'])
    }), 'the replaced secret no longer verifies')
  })

  t.test('the outbox commits with the event, or not at all', async (t) => {
    const [notice] = await issue('DELIVERY-3', ['https://t.me/delivery_three/1'])
    const count = async () => Number((await pool.query('select count(*) from deliveries where notice_id = $1', [notice.id])).rows[0].count)
    const before = await count()
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query(`insert into notice_events (notice_id, platform, type, action, from_status, to_status, version, actor_role)
        values ($1, 'telegram', 'notice.transitioned', 'acknowledge', 'delivered', 'acknowledged', 99, 'liaison')`, [notice.id])
      t.ok(Number((await client.query('select count(*) from deliveries where notice_id = $1', [notice.id])).rows[0].count) > before,
        'the trigger wrote the deliveries inside the transaction')
      await client.query('rollback')
    } finally {
      client.release()
    }
    t.equal(await count(), before, 'a rolled-back event leaves no delivery behind')
  })

  t.test('410 Gone disables the endpoint, with an audit entry and nothing more sent to it', async (t) => {
    const gone = await receiver(t)
    gone.setAnswer(() => ({ status: 410 }))
    const endpoint = await createEndpoint(liaison.vk, `${gone.url}/gone`)
    await issue('DELIVERY-4', ['https://vk.com/wall-1_4'])
    await until('disabled', async () => (await call(liaison.vk, { method: 'GET', url: `/v1/webhook-endpoints/${endpoint.id}` })).json().enabled === false)
    const view = (await call(liaison.vk, { method: 'GET', url: `/v1/webhook-endpoints/${endpoint.id}` })).json()
    t.match(view.disabledReason, /410/)
    const audit = await pool.query("select count(*) from audit_entries where action = 'webhook_endpoint.disabled' and target_id = $1", [endpoint.id])
    t.equal(Number(audit.rows[0].count), 1)
    const seen = gone.received.length
    await issue('DELIVERY-5', ['https://vk.com/wall-1_5'])
    await new Promise((resolve) => setTimeout(resolve, 500))
    t.equal(gone.received.length, seen, 'nothing more is sent to it')
  })

  t.test('an endpoint whose name resolves to a private address is refused, and the refusal is in the history', async (t) => {
    const ctx2 = await build(t, { DELIVERY_CONCURRENCY: '2' }, {
      resolver: async (name) => name === 'internal.example.test' ? [{ address: '10.0.0.1', family: 4 }] : []
    })
    const a = await actors(ctx2, 'telegram')
    const res = await ctx2.call(a.liaison.telegram, { method: 'POST', url: '/v1/webhook-endpoints', payload: { url: 'https://internal.example.test/hook', eventTypes: ['notice.created'] } })
    t.equal(res.statusCode, 201, res.body)
    const issued = await ctx2.call(a.authority, { method: 'POST', url: '/v1/reports', payload: reportPayload(['https://t.me/delivery_six/1'], { externalRef: 'DELIVERY-6' }) })
    const id = issued.json().notices[0].id as string
    let history: Array<{ channel: string, status: string, attempts: Array<{ outcome: string, error: string | null }> }> = []
    await until('the refusal', async () => {
      history = (await ctx2.call(a.auditor, { method: 'GET', url: `/v1/notices/${id}/deliveries` })).json().data
      return history.some((d) => d.channel === 'webhook' && d.attempts.length > 0)
    })
    const webhook = history.find((d) => d.channel === 'webhook')!
    t.equal(webhook.attempts[0].outcome, 'refused')
    t.match(webhook.attempts[0].error, /10\.0\.0\.1/)
    t.equal(webhook.status, 'failed')
  })
})
