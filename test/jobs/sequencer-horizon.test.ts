// The change feed and audit sealing wait only for transactions of their own database, never for other databases'.
import t from 'tap'
import pg from 'pg'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { openWriteTransaction, serverUrl } from '../helpers/database.ts'
import { readHorizon } from '../../src/repositories/commit-horizon.ts'

const report = (url: string) => ({
  externalRef: 'CASE-HORIZON',
  category: 'terrorism',
  legalBasis: 'kz-online-platforms-9',
  statementOfReasons: 'The material calls for violence against civilians.',
  urgency: 'normal',
  items: [{ url, contentType: 'text' }]
})

t.test('sequencing horizon', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const authority = await ctx.clientKey('authority')
  const auditor = await ctx.clientKey('auditor')

  t.test('a write transaction open in another database holds back neither the feed nor the audit trail', async (t) => {
    const elsewhere = await openWriteTransaction(serverUrl())
    t.teardown(elsewhere.end)
    const before = (await call(auditor, { method: 'GET', url: '/v1/audit?after=0&limit=500' })).json().lastPosition as number
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('https://t.me/horizonchannel/1') })
    t.equal(res.statusCode, 201, res.body)
    const noticeId = res.json().notices[0].id as string
    const reportId = res.json().id as string
    // Both conditions are checked while the other database's transaction is still open: it ends in teardown.
    const event = await eventually(async () => {
      const feed = (await call(auditor, { method: 'GET', url: '/v1/events?after=0&limit=500' })).json()
      return feed.data.find((e: { noticeId: string }) => e.noticeId === noticeId)
    })
    t.ok(event.sequence > 0, 'the new notice\'s event is numbered in the feed')
    const sealed = await eventually(async () => {
      const trail = (await call(auditor, { method: 'GET', url: `/v1/audit?after=${before}&limit=500` })).json()
      return trail.data.find((e: { target: { id: string } }) => e.target.id === reportId)
    })
    t.ok(sealed.position > before, 'the report\'s audit entry is sealed into the chain')
    const client = await ctx.pool.connect()
    try {
      t.ok(await readHorizon(client) > elsewhere.xid, 'the horizon has passed the other database\'s transaction')
    } finally {
      client.release()
    }
  })

  t.test('a write transaction open in this database holds the horizon at or below its id', async (t) => {
    const here = await openWriteTransaction(ctx.databaseUrl)
    t.teardown(here.end)
    const client = await ctx.pool.connect()
    try {
      t.ok(await readHorizon(client) <= here.xid, 'rows it may still commit are not numbered past')
    } finally {
      client.release()
    }
  })

  const { rows: [{ setting }] } = await ctx.pool.query<{ setting: string }>("select setting from pg_settings where name = 'max_prepared_transactions'")
  const noPrepared = Number(setting) === 0 && 'the server allows no prepared transactions (max_prepared_transactions = 0)'
  t.test('a prepared transaction of this database holds the horizon too', { skip: noPrepared }, async (t) => {
    const client = new pg.Client({ connectionString: ctx.databaseUrl })
    await client.connect()
    await client.query('begin')
    const { rows } = await client.query<{ xid: string }>('select pg_current_xact_id()::text as xid')
    const gid = `horizon-test-${process.pid}-${Date.now()}`
    await client.query(`prepare transaction '${gid}'`)
    t.teardown(async () => {
      await client.query(`rollback prepared '${gid}'`)
      await client.end()
    })
    const reader = await ctx.pool.connect()
    try {
      t.ok(await readHorizon(reader) <= Number(rows[0].xid), 'a prepared transaction keeps the horizon at or below its id')
    } finally {
      reader.release()
    }
  })
})
