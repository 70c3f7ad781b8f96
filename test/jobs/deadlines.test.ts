import t from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { EXTREMISM } from '../fixtures/reports.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { eventually } from '../helpers/eventually.ts'
import { createDatabase, createPool } from '../../src/db/index.ts'
import { DeadlineScheduler, expireOverdueNotices, sweepDeadlines } from '../../src/jobs/deadlines.ts'

const SECOND_PROCESS = fileURLToPath(new URL('../fixtures/deadline-scheduler-process.ts', import.meta.url))

// The app's own scheduler stays off here (0), so that only the sweeps and schedulers under test move notices.
t.test('deadlines', async (t) => {
  const ctx = await build(t, { DEADLINE_SWEEP_SECONDS: '0' })
  const { call } = ctx
  const hooks = { issuingBody: ctx.config.ISSUER_NAME }
  const { authority, liaison: { telegram } } = await actors(ctx, 'telegram')
  let serial = 0

  async function newNotice (): Promise<string> {
    serial++
    return (await issueNotice(ctx, authority, [`https://t.me/deadline_channel/${serial}`], { ...EXTREMISM, externalRef: `DEADLINE-${serial}` })).id
  }
  /** A liaison's first read delivers the notice (version 2); then one action of theirs. */
  async function liaisonActs (id: string, payload: object): Promise<void> {
    await call(telegram, { method: 'GET', url: `/v1/notices/${id}` })
    const res = await call(telegram, { method: 'POST', url: `/v1/notices/${id}/transitions`, payload, headers: { 'if-match': '"2"' } })
    if (res.statusCode !== 200) throw new Error(`transition failed: ${res.statusCode} ${res.body}`)
  }
  const makeDue = (ids: string[]) => ctx.pool.query("update notices set deadline = now() - interval '1 minute' where id = any($1)", [ids])
  const statusOf = async (id: string) => (await ctx.pool.query('select status from notices where id = $1', [id])).rows[0].status as string
  const expireEvents = async (ids: string[]) => {
    const { rows } = await ctx.pool.query(`select n.id, count(e.id)::int as n from notices n
      left join notice_events e on e.notice_id = n.id and e.type = 'notice.transitioned' and e.action = 'expire'
      where n.id = any($1) group by n.id`, [ids])
    return Object.fromEntries(rows.map((r) => [r.id, r.n])) as Record<string, number>
  }
  const ones = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 1]))

  t.test('a sweep moves due notices to overdue once, with an event and an audit entry', async (t) => {
    const issued = await newNotice()
    const delivered = await newNotice()
    await call(telegram, { method: 'GET', url: `/v1/notices/${delivered}` })
    const acknowledged = await newNotice()
    await liaisonActs(acknowledged, { action: 'acknowledge' })
    const removed = await newNotice()
    await liaisonActs(removed, { action: 'remove' })
    const cannotComply = await newNotice()
    await liaisonActs(cannotComply, { action: 'cannot_comply', reason: 'other', detail: 'the channel is not ours' })
    const notYetDue = await newNotice()
    await makeDue([issued, delivered, acknowledged, removed, cannotComply])

    t.equal(await expireOverdueNotices(ctx.db, hooks), 3)
    t.equal(await statusOf(issued), 'overdue')
    t.equal(await statusOf(delivered), 'overdue')
    t.equal(await statusOf(acknowledged), 'overdue')
    t.equal(await statusOf(removed), 'removed', 'an outcome already reported is not overdue')
    t.equal(await statusOf(cannotComply), 'cannot_comply', 'awaiting clarification is not the platform\'s delay')
    t.equal(await statusOf(notYetDue), 'issued')

    const events = await ctx.pool.query(`select action, from_status, to_status, actor_role, actor_id, version from notice_events
      where notice_id = $1 and type = 'notice.transitioned' order by id`, [acknowledged])
    t.match(events.rows, [
      { action: 'deliver' },
      { action: 'acknowledge' },
      { action: 'expire', from_status: 'acknowledged', to_status: 'overdue', actor_role: 'system', actor_id: null, version: 4 }
    ])
    const audit = await ctx.pool.query("select actor_role, target_type, target_id from audit_entries where action = 'notice.expire' order by id")
    t.same(audit.rows.map((r) => r.target_id).sort(), [issued, delivered, acknowledged].sort())
    t.match(audit.rows, [{ actor_role: 'system', target_type: 'notice' }, {}, {}])
    t.same(await expireEvents([issued, delivered, acknowledged, removed, cannotComply, notYetDue]),
      { ...ones([issued, delivered, acknowledged]), [removed]: 0, [cannotComply]: 0, [notYetDue]: 0 })

    const auditor = await ctx.clientKey('auditor')
    const history = await call(auditor, { method: 'GET', url: `/v1/notices/${issued}/events` })
    t.match(history.json().data.at(-1), { action: 'expire', from: 'issued', to: 'overdue', actor: { role: 'system' } })
    t.equal(await expireOverdueNotices(ctx.db, hooks), 0, 'a second sweep finds nothing')
    t.equal(await expireOverdueNotices(ctx.db, hooks, new Date(Date.now() + 48 * 3600_000)), 1,
      'the cut-off is the time given: two days on, the remaining notice is due too')
  })

  t.test('two sweeps at once over separate connections expire each notice exactly once', async (t) => {
    const ids: string[] = []
    for (let i = 0; i < 24; i++) ids.push(await newNotice())
    await makeDue(ids)
    const pools = [createPool(ctx.databaseUrl, 4), createPool(ctx.databaseUrl, 4)]
    t.teardown(() => Promise.all(pools.map((p) => p.end())))
    const results = await Promise.all(pools.map((pool) => sweepDeadlines(createDatabase(pool), hooks)))
    t.equal(results[0].expired + results[1].expired, ids.length, `split ${results[0].expired} + ${results[1].expired}`)
    t.equal(results[0].failed + results[1].failed, 0)
    t.same(await expireEvents(ids), ones(ids))
  })

  t.test('the pg-boss scheduler in several processes expires a due notice exactly once', async (t) => {
    const logger = pino({ level: 'silent' })
    const pools = [createPool(ctx.databaseUrl, 4), createPool(ctx.databaseUrl, 4)]
    const schedulers = pools.map((pool) => new DeadlineScheduler({ connection: pool, db: createDatabase(pool), hooks, logger, intervalSeconds: 1 }))
    const child = spawn(process.execPath, ['--import', 'tsx', SECOND_PROCESS, ctx.databaseUrl, '1'], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      // Both in-process schedulers and the child start together: pg-boss's first install races on purpose.
      await Promise.all([...schedulers.map((s) => s.start()), waitForReady(child)])
      const ids = [await newNotice(), await newNotice(), await newNotice()]
      const later = await newNotice()
      await makeDue(ids)
      await ctx.pool.query("update notices set deadline = now() + interval '2 seconds' where id = $1", [later])
      await eventually(async () => (await Promise.all([...ids, later].map(statusOf))).every((s) => s === 'overdue'), 20_000)
      // A few more sweeps of the chain, to show nobody expires anything twice.
      const completedSweeps = async () => (await ctx.pool.query("select count(*)::int as n from pgboss.job where name = 'notice-deadlines' and state = 'completed'")).rows[0].n as number
      const sweepsSoFar = await completedSweeps()
      await eventually(async () => (await completedSweeps()) >= sweepsSoFar + 3, 30_000)
      t.same(await expireEvents([...ids, later]), ones([...ids, later]))
      const jobs = await ctx.pool.query("select count(*)::int as n from pgboss.job where name = 'notice-deadlines' and state = 'completed'")
      t.ok(jobs.rows[0].n >= 2, 'the sweep ran as a chain of jobs')
      const waiting = await ctx.pool.query("select count(*)::int as n from pgboss.job where name = 'notice-deadlines' and state = 'created'")
      t.ok(waiting.rows[0].n <= 1, 'at most one sweep waits, however many processes run')
    } finally {
      await stopChild(child)
      await Promise.all(schedulers.map((s) => s.stop()))
      await Promise.all(pools.map((p) => p.end()))
    }
  })
})

async function waitForReady (child: ChildProcess): Promise<void> {
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the second process did not start')), 20_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (output.includes('ready\n')) { clearTimeout(timer); resolve() }
    })
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the second process exited early (${code})`)) })
  })
}

async function stopChild (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
