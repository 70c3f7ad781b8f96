import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, EXTREMISM } from '../fixtures/reports.ts'
import { eventually } from '../helpers/eventually.ts'
import { parseCsv, parseXml } from '../helpers/parse-exports.ts'

const report = (urls: string[], urgency = 'normal') => reportPayload(urls, { ...EXTREMISM, externalRef: 'BLOCK-1', urgency })

t.test('blocking orders and the operators\' register', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram, vk } } = await actors(ctx, 'telegram', 'vk')

  const act = (key: string, id: string, etag: string, payload: object) =>
    call(key, { method: 'POST', url: `/v1/notices/${id}/transitions`, payload, headers: { 'if-match': etag } })

  /** report -> liaison rejects -> authority escalates: the escalation creates the order. */
  async function escalated (liaison: string, urls: string[], urgency = 'normal') {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report(urls, urgency) })
    t.equal(res.statusCode, 201, res.body)
    const id = res.json().notices[0].id as string
    const rejected = await act(liaison, id, '"1"', { action: 'reject', reason: 'not illegal where we are' })
    t.equal(rejected.statusCode, 200, rejected.body)
    const done = await act(authority, id, rejected.headers.etag as string, { action: 'escalate' })
    t.equal(done.json().status, 'escalated', done.body)
    return { id, etag: done.headers.etag as string }
  }

  const tg = await escalated(telegram, ['https://t.me/block_channel/1', 'https://t.me/block_channel/2'])
  await escalated(vk, ['https://vk.com/wall-1_2'], 'urgent')
  const list = (key: string, query = '') => call(key, { method: 'GET', url: `/v1/blocking-orders${query}` })

  const all = await list(authority)
  const [tgOrder, vkOrder] = all.json().data
  const exportOf = (format: string, since?: Date, key = authority) =>
    call(key, { method: 'GET', url: `/v1/blocking-orders/export?format=${format}${since ? `&since=${since.toISOString()}` : ''}` })

  await t.test('the list shows each order with its notice and entry counts, in decision order', async (t) => {
    t.equal(all.statusCode, 200)
    t.equal(all.json().data.length, 2)
    t.match(tgOrder, {
      decisionNumber: /^KZ-\d{4}-BO-000001$/,
      notice: { id: tg.id, referenceNumber: /^KZ-\d{4}-TG-/ },
      platform: 'telegram',
      urgency: 'normal',
      status: 'active',
      liftedAt: null,
      liftReason: null,
      entryCount: 2,
      activeEntryCount: 2
    })
    t.match(vkOrder, { decisionNumber: /-BO-000002$/, platform: 'vk', urgency: 'urgent', entryCount: 1 })
    t.equal(all.json().nextCursor, null)
  })

  await t.test('filters and cursor pagination', async (t) => {
    t.same((await list(auditor, '?platform=vk')).json().data.map((o: { id: string }) => o.id), [vkOrder.id])
    t.equal((await list(auditor, '?status=lifted')).json().data.length, 0)
    t.equal((await list(auditor, `?updatedSince=${new Date(Date.now() + 60_000).toISOString()}`)).json().data.length, 0)
    const first = await list(auditor, '?limit=1')
    t.same(first.json().data.map((o: { id: string }) => o.id), [tgOrder.id])
    t.type(first.json().nextCursor, 'string')
    const second = await list(auditor, `?limit=1&cursor=${first.json().nextCursor}`)
    t.same(second.json().data.map((o: { id: string }) => o.id), [vkOrder.id])
    t.equal(second.json().nextCursor, null)
    t.equal((await list(auditor, '?cursor=bogus')).statusCode, 400)
    t.equal((await list(auditor, '?status=pending')).statusCode, 400)
    t.equal((await list(auditor, '?limit=501')).statusCode, 400)
  })

  await t.test('one order lists its entries, the blocked resources', async (t) => {
    const res = await call(auditor, { method: 'GET', url: `/v1/blocking-orders/${tgOrder.id}` })
    t.equal(res.statusCode, 200)
    t.ok(res.headers.etag)
    const order = res.json()
    t.equal(order.entries.length, 2)
    t.match(order.entries, [
      { blockType: 'url', value: 'https://t.me/block_channel/1', url: 'https://t.me/block_channel/1', liftedAt: null },
      { blockType: 'url', value: 'https://t.me/block_channel/2', liftedAt: null }
    ])
    t.equal(order.entryCount, undefined, 'counts belong to the list view')
    const again = await call(auditor, { method: 'GET', url: `/v1/blocking-orders/${tgOrder.id}`, headers: { 'if-none-match': res.headers.etag as string } })
    t.equal(again.statusCode, 304)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/blocking-orders/00000000-0000-4000-8000-000000000000' })).statusCode, 404)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/blocking-orders/not-a-uuid' })).statusCode, 400)
  })

  await t.test('security: a liaison reads only the orders against its own platform; the export is not for liaisons', async (t) => {
    t.same((await list(telegram)).json().data.map((o: { id: string }) => o.id), [tgOrder.id])
    t.same((await list(telegram, '?platform=vk')).json(), { data: [], nextCursor: null })
    t.equal((await call(telegram, { method: 'GET', url: `/v1/blocking-orders/${tgOrder.id}` })).statusCode, 200)
    const other = await call(telegram, { method: 'GET', url: `/v1/blocking-orders/${vkOrder.id}` })
    t.equal(other.statusCode, 404, 'another platform\'s order is not found, exactly as a missing one')
    t.equal(other.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.equal((await exportOf('json', undefined, telegram)).statusCode, 403)
    t.equal((await list(ctx.adminKey)).statusCode, 403)
    t.equal((await list('')).statusCode, 401)
    t.equal((await call(null, { method: 'GET', url: '/v1/blocking-orders/export' })).statusCode, 401)
  })

  await t.test('export: bad format or date is a 400 problem', async (t) => {
    for (const url of ['/v1/blocking-orders/export?format=pdf', '/v1/blocking-orders/export?since=yesterday', '/v1/blocking-orders/export?limit=5']) {
      const res = await call(authority, { method: 'GET', url })
      t.equal(res.statusCode, 400, url)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    }
  })

  // Everything below changes the register: the removal of the telegram notice's material lifts its order.
  const beforeLifting = new Date()
  // The lifting must fall strictly after that instant, at the API's millisecond precision.
  await eventually(async () => Date.now() > beforeLifting.getTime())
  const removed = await act(telegram, tg.id, tg.etag, { action: 'remove' })
  t.equal(removed.json().status, 'removed', removed.body)
  const { rows: [lifting] } = await ctx.pool.query<{ lifted_at: Date }>('select lifted_at from blocking_orders where id = $1', [tgOrder.id])

  await t.test('removal lifts the order and its entries', async (t) => {
    const order = (await call(auditor, { method: 'GET', url: `/v1/blocking-orders/${tgOrder.id}` })).json()
    t.match(order, { status: 'lifted', liftedAt: lifting.lifted_at.toISOString(), liftReason: 'material removed' })
    t.ok(order.entries.every((e: { liftedAt: string }) => e.liftedAt === lifting.lifted_at.toISOString()))
    t.same((await list(auditor, '?status=lifted')).json().data.map((o: { id: string }) => o.id), [tgOrder.id])
    t.match((await list(auditor, '?status=lifted')).json().data[0], { entryCount: 2, activeEntryCount: 0 })
    const recent = await list(auditor, `?updatedSince=${beforeLifting.toISOString()}`)
    t.same(recent.json().data.map((o: { id: string }) => o.id), [tgOrder.id])
  })

  await t.test('JSON export: the entries in force, or with since every inclusion and lifting after it', async (t) => {
    const res = await exportOf('json')
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/json; charset=utf-8')
    t.match(res.headers['content-disposition'], /^attachment; filename="blocking-register-\d{8}T\d{6}Z\.json"$/)
    const body = res.json()
    t.equal(body.updatedAt, lifting.lifted_at.toISOString(), 'the register last changed at the lifting')
    t.equal(body.since, null)
    t.equal(body.entries.length, 1, 'lifted entries are no longer in force')
    t.match(body.entries[0], {
      orderId: vkOrder.id,
      urgency: 'urgent',
      blockType: 'url',
      value: 'https://vk.com/wall-1_2',
      liftedAt: null,
      decision: { number: vkOrder.decisionNumber, date: /^\d{4}-\d{2}-\d{2}$/, org: ctx.config.ISSUER_NAME }
    })
    t.equal(body.entries[0].includedAt, vkOrder.decidedAt)

    const delta = (await exportOf('json', beforeLifting)).json()
    t.equal(delta.since, beforeLifting.toISOString())
    t.equal(delta.entries.length, 2, 'the two lifted telegram entries, not the vk one included earlier')
    t.ok(delta.entries.every((e: { orderId: string, liftedAt: string }) => e.orderId === tgOrder.id && e.liftedAt === lifting.lifted_at.toISOString()))
    const everything = (await exportOf('json', new Date(Date.parse(tgOrder.decidedAt) - 1000))).json()
    t.equal(everything.entries.length, 3)
    const times = everything.entries.map((e: { includedAt: string, value: string }) => `${e.includedAt} ${e.value}`)
    t.same(times, [...times].sort(), 'ordered by inclusion time, then the items\' order within their notice')
    t.same(everything.entries.map((e: { orderId: string }) => e.orderId), [tgOrder.id, tgOrder.id, vkOrder.id])
  })

  await t.test('CSV export: a header row, RFC 4180 records, and restorations with their lifting time', async (t) => {
    const res = await exportOf('csv', beforeLifting)
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present')
    t.match(res.headers['content-disposition'], /filename="blocking-register-\d{8}T\d{6}Z-delta\.csv"/)
    const [header, ...rows] = parseCsv(res.body)
    t.same(header, ['id', 'orderId', 'includedAt', 'urgency', 'blockType', 'value', 'decisionNumber', 'decisionDate', 'decisionOrg', 'liftedAt'])
    t.equal(rows.length, 2)
    const record = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]))
    t.match(record, { orderId: tgOrder.id, urgency: 'normal', blockType: 'url', value: 'https://t.me/block_channel/1', decisionNumber: tgOrder.decisionNumber, decisionOrg: ctx.config.ISSUER_NAME, liftedAt: lifting.lifted_at.toISOString() })
  })

  await t.test('XML export: the RKN register shape, escaped so that no value can break it', async (t) => {
    // A hostile value straight into the table: nothing the intake accepts looks like this, but the export must not care.
    const hostile = 'https://t.me/x?a="1",b=2&c=<d>]]><evil/>'
    await ctx.pool.query('update blocking_order_entries set value = $1 where order_id = $2', [hostile, vkOrder.id])
    const res = await exportOf('xml')
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/xml; charset=utf-8')
    t.match(res.headers['content-disposition'], /filename="blocking-register-\d{8}T\d{6}Z\.xml"/)
    t.match(res.body, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<register /)
    const root = parseXml(res.body)
    t.equal(root.name, 'register')
    t.equal(root.attributes.updateTime, lifting.lifted_at.toISOString())
    t.equal(root.children.length, 1)
    const [content] = root.children
    t.match(content.attributes, { orderId: vkOrder.id, includeTime: vkOrder.decidedAt, urgencyType: '1', blockType: 'url' })
    t.notOk('liftTime' in content.attributes)
    t.same(content.children.map((c) => c.name), ['decision', 'url'])
    t.match(content.children[0].attributes, { number: vkOrder.decisionNumber, org: ctx.config.ISSUER_NAME })
    t.equal(content.children[1].text, hostile)

    const delta = parseXml((await exportOf('xml', beforeLifting)).body)
    t.equal(delta.children.length, 2)
    t.ok(delta.children.every((c) => c.attributes.liftTime === lifting.lifted_at.toISOString()))
  })

  await t.test('an unchanged register answers If-None-Match with 304', async (t) => {
    const first = await exportOf('csv')
    const again = await call(authority, { method: 'GET', url: '/v1/blocking-orders/export?format=csv', headers: { 'if-none-match': first.headers.etag as string } })
    t.equal(again.statusCode, 304)
    t.equal((await exportOf('csv')).body, first.body, 'the same state gives the same bytes')
  })
})
