// The change feed and audit sealing wait only for transactions of their own database, never for other databases'.
import t, { type Test } from 'tap'
import pg from 'pg'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { openWriteTransaction, serverUrl } from '../helpers/database.ts'
import { readHorizon } from '../../src/repositories/commit-horizon.ts'
import { startOwnCluster, systemPostgresBin } from '../helpers/postgres-cluster.ts'

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

  t.test('a prepared transaction holds the horizon of its own database, and only while it is prepared', async (t) => {
    // Two-phase transactions need max_prepared_transactions > 0, a setting only a restart changes. The embedded
    // test cluster (scripts/test.ts) has it; on a server without it (the machine's PostgreSQL in CI), a small
    // cluster of this test's own is made, so the case runs on both and never skips.
    const server = await preparedCapableServer(t, serverUrl())
    if (server === null) return
    const here = server.here
    const readAt = async (url: string): Promise<number> => {
      const reader = new pg.Client({ connectionString: url })
      await reader.connect()
      try {
        return await readHorizon(reader)
      } finally {
        await reader.end()
      }
    }
    const prepared = new pg.Client({ connectionString: here })
    await prepared.connect()
    const gid = `horizon-test-${process.pid}-${Date.now()}`
    let open = false
    try {
      await prepared.query('begin')
      const { rows } = await prepared.query<{ xid: string }>('select pg_current_xact_id()::text as xid')
      const xid = Number(rows[0].xid)
      await prepared.query(`prepare transaction '${gid}'`)
      open = true
      // A later transaction commits, so the snapshot's xmax passes the prepared one's id: otherwise, on an idle
      // server, xmax alone would equal that id and every horizon below would hold whether it is counted or not.
      const later = new pg.Client({ connectionString: server.elsewhere })
      await later.connect()
      const { rows: [after] } = await later.query<{ xid: string }>('select pg_current_xact_id()::text as xid').finally(() => later.end())
      t.ok(Number(after.xid) > xid, 'a later transaction has committed')
      t.ok(await readAt(here) <= xid, 'while it is prepared, the horizon of its database stays at or below its id')
      t.ok(await readAt(server.elsewhere) > xid, 'another database\'s horizon passes it')
      await prepared.query(`rollback prepared '${gid}'`)
      open = false
      t.ok(await readAt(here) > xid, 'once it is rolled back, the horizon of its database passes it')
    } finally {
      // A prepared transaction outlives its session: it is rolled back whatever happened above.
      if (open) await prepared.query(`rollback prepared '${gid}'`)
      await prepared.end()
    }
  })
})

/**
 * Two fresh databases of a server that allows prepared transactions: the suite's server when it does, else a
 * cluster made for this test. Both are removed in teardown. Null, with the test skipped, only outside CI on a
 * machine without PostgreSQL's server programs; under CI (CI set) that is a failure.
 */
async function preparedCapableServer (t: Test, suiteServer: string): Promise<{ here: string, elsewhere: string } | null> {
  let server = suiteServer
  const probe = new pg.Client({ connectionString: server })
  await probe.connect()
  const { rows: [{ setting }] } = await probe.query<{ setting: string }>("select setting from pg_settings where name = 'max_prepared_transactions'")
    .finally(() => probe.end())
  if (Number(setting) === 0) {
    const bin = systemPostgresBin()
    if (bin === null) {
      const why = 'the server allows no prepared transactions, and no PostgreSQL server programs are here to start one that does'
      if (process.env.CI) t.fail(why)
      else t.skip(why, async () => {})
      return null
    }
    const cluster = await startOwnCluster(bin, { max_prepared_transactions: '4' })
    t.teardown(cluster.destroy)
    t.comment(`the suite's server allows no prepared transactions: this case runs on a cluster of its own (${bin})`)
    server = cluster.url
  }
  const names = ['here', 'elsewhere'].map((name) => `takedown_horizon_${name}_${process.pid}_${Date.now()}`)
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  try {
    for (const name of names) await admin.query(`create database ${name}`)
  } finally {
    await admin.end()
  }
  t.teardown(async () => {
    const drop = new pg.Client({ connectionString: server })
    await drop.connect()
    try {
      for (const name of names) await drop.query(`drop database if exists ${name} with (force)`)
    } finally {
      await drop.end()
    }
  })
  const urlOf = (name: string): string => {
    const url = new URL(server)
    url.pathname = '/' + name
    return url.toString()
  }
  return { here: urlOf(names[0]), elsewhere: urlOf(names[1]) }
}
