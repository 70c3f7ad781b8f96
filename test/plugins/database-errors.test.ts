// Database failures as callers and logs see them: real errors from a real PostgreSQL and the real driver.
import t, { type Test } from 'tap'
import { Writable } from 'node:stream'
import Fastify from 'fastify'
import { sql } from 'drizzle-orm'
import { createDatabase, createPool } from '../../src/db/index.ts'
import problems from '../../src/plugins/problems.ts'
import { createLogger } from '../../src/app.ts'
import { createTestDatabase } from '../helpers/database.ts'
import { eventually } from '../helpers/eventually.ts'
import { isDatabaseUnavailable, isUniqueViolation, sqlStateOf } from '../../src/lib/db-errors.ts'
import { build } from '../helper.ts'

const SECRET = 'secret-parameter-value-4711'

async function appWithLog (t: Test, url: string) {
  const lines: string[] = []
  const sink = new Writable({ write (chunk, _enc, done) { lines.push(chunk.toString()); done() } })
  const pool = createPool(url, 4, { connectionTimeoutMillis: 2_000 })
  const db = createDatabase(pool)
  const app = Fastify({ loggerInstance: createLogger('info', sink) })
  await app.register(problems)
  app.get('/query', async () => db.execute(sql`select ${SECRET}::text as v, pg_sleep(30)`))
  app.get('/duplicate', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table d (id text primary key) on commit drop`)
      await tx.execute(sql`insert into d values (${SECRET}), (${SECRET})`)
    })
  })
  t.teardown(async () => { await app.close(); await pool.end() })
  return { app, pool, lines }
}

t.test('a connection terminated under a query is a 503 with Retry-After, logged without SQL or parameters', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const { app, pool, lines } = await appWithLog(t, database.url)
  const pending = app.inject({ method: 'GET', url: '/query' })
  const admin = createPool(database.url, 1)
  t.teardown(() => admin.end())
  // The query runs: terminate its backend, as a restarting server does (57P01).
  await eventually(async () => {
    const { rowCount } = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where query like '%pg_sleep(30)%' and pid <> pg_backend_pid()")
    return (rowCount ?? 0) > 0
  })
  const res = await pending
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '2')
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal(res.json().code, 'database_unavailable')
  t.notMatch(res.body, SECRET)
  t.notMatch(res.body, /select/i)
  const logged = lines.join('')
  t.match(logged, /57P01/, 'the log names the SQLSTATE')
  t.notMatch(logged, SECRET, 'the log carries no parameter')
  t.notMatch(logged, /Failed query|pg_sleep/, 'the log carries no SQL')
  // The pool survived the lost connection and serves again.
  t.equal((await pool.query('select 1 as one')).rows[0].one, 1)
})

t.test('an unreachable database is a 503 with Retry-After', async (t) => {
  const { app, lines } = await appWithLog(t, 'postgres://postgres@127.0.0.1:1/none')
  const res = await app.inject({ method: 'GET', url: '/query' })
  t.equal(res.statusCode, 503)
  t.equal(res.headers['retry-after'], '2')
  t.notMatch(lines.join(''), SECRET)
})

t.test('a unique violation wrapped by drizzle is a 409, logged without its values', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const { app, lines } = await appWithLog(t, database.url)
  const res = await app.inject({ method: 'GET', url: '/duplicate' })
  t.equal(res.statusCode, 409)
  t.equal(res.json().code, 'already_exists')
  t.notMatch(res.body, SECRET)
  t.notMatch(lines.join(''), SECRET)
})

t.test('errors are read by the SQLSTATE underneath drizzle', async (t) => {
  const wrapped = Object.assign(new Error(`Failed query: insert ...\nparams: ${SECRET}`), { cause: Object.assign(new Error('duplicate key value'), { code: '23505', constraint: 'c' }) })
  t.ok(isUniqueViolation(wrapped))
  t.ok(isUniqueViolation(wrapped, 'c'))
  t.notOk(isUniqueViolation(wrapped, 'other'))
  t.equal(sqlStateOf(wrapped), '23505')
  for (const code of ['57P01', '57P03', '08006', '53300', 'ECONNREFUSED']) {
    t.ok(isDatabaseUnavailable({ cause: Object.assign(new Error('x'), { code }) }), code)
  }
  t.ok(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')))
  t.notOk(isDatabaseUnavailable(wrapped))
  t.notOk(isDatabaseUnavailable(new Error('something else')))
})

t.test('a duplicate legal-basis id is a 409 problem', async (t) => {
  const ctx = await build(t)
  const payload = {
    id: 'kz-test-duplicate',
    citation: 'Art. 1',
    title: { kk: 'Бап', ru: 'Статья', en: 'Article' },
    text: { kk: 'Мәтін', ru: 'Текст', en: 'Text' }
  }
  const first = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/legal-bases', payload })
  t.equal(first.statusCode, 201, first.body)
  const second = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/legal-bases', payload })
  t.equal(second.statusCode, 409, second.body)
  t.equal(second.json().code, 'already_exists')
  t.match(second.headers['content-type'], /^application\/problem\+json/)
})
