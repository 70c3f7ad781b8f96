// A URL is under at most one open notice, however its reports arrive: at once, in one batch, or at two instances.
import t from 'tap'
import type { Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build } from '../helper.ts'
import { reportPayload, EXTREMISM } from '../fixtures/reports.ts'
import { buildApp, createLogger } from '../../src/app.ts'
import { createDatabase, createPool } from '../../src/db/index.ts'

const report = (ref: string, urls: string[]) => reportPayload(urls, { ...EXTREMISM, externalRef: ref, statementOfReasons: 'Calls for ethnic hatred.' })

interface ItemView { canonicalUrl: string, duplicateOf: { id: string, referenceNumber: string } | null }
interface NoticeRef { id: string, referenceNumber: string }

t.test('reports of the same material at the same time', async (t) => {
  const ctx = await build(t)
  const authority = await ctx.clientKey('authority')

  /** Exactly one report got a notice for the URL, and every other report names that notice as the open one. */
  async function checkOneNotice (t: Test, responses: LightMyRequestResponse[], canonicalUrl: string): Promise<void> {
    t.same(responses.map((r) => r.statusCode), responses.map(() => 201), 'every report is accepted')
    const bodies = responses.map((r) => r.json() as { notices: NoticeRef[], items: ItemView[] })
    const itemOf = (body: typeof bodies[number]) => body.items.find((i) => i.canonicalUrl === canonicalUrl)!
    const issuing = bodies.filter((b) => itemOf(b).duplicateOf === null)
    t.equal(issuing.length, 1, 'one report was issued a notice for it')
    t.equal(issuing[0].notices.length, 1)
    const { id, referenceNumber } = issuing[0].notices[0]
    for (const body of bodies.filter((b) => b !== issuing[0])) t.same(itemOf(body).duplicateOf, { id, referenceNumber }, 'the others name that notice')
    const stored = await ctx.pool.query('select count(distinct notice_id)::int as n from notice_items where canonical_url = $1', [canonicalUrl])
    t.equal(stored.rows[0].n, 1, 'one notice in the database')
  }

  t.test('to one instance at once: one notice, the rest are duplicates of it', async (t) => {
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      ctx.call(authority, { method: 'POST', url: '/v1/reports', payload: report(`SAME-${i}`, [i % 2 === 0 ? 'https://t.me/same_channel/7' : 'https://t.me/s/Same_Channel/7?utm_source=x']) })))
    await checkOneNotice(t, responses, 'https://t.me/same_channel/7')
  })

  t.test('to two instances on one database at once', async (t) => {
    const pool = createPool(ctx.databaseUrl, 10)
    const other = await buildApp(ctx.config, { pool, db: createDatabase(pool), signer: ctx.signer, logger: createLogger('silent') })
    try {
      const send = (i: number) => {
        const request = { method: 'POST' as const, url: '/v1/reports', payload: report(`TWO-${i}`, ['https://vk.com/wall-9_9', `https://vk.com/wall-9_${100 + i}`]) }
        return i % 2 === 0 ? ctx.call(authority, request) : other.inject({ ...request, headers: { authorization: `Bearer ${authority}` } })
      }
      const responses = await Promise.all(Array.from({ length: 16 }, (_, i) => send(i)))
      await checkOneNotice(t, responses, 'https://vk.com/wall-9_9')
      // The other item of every report is new material and got its notice.
      for (const res of responses) t.equal(res.json().notices.length, 1)
    } finally {
      await other.close()
      await pool.end()
    }
  })

  t.test('the same material twice in one report is refused and stores nothing', async (t) => {
    const before = await ctx.pool.query('select count(*)::int as n from reports')
    const res = await ctx.call(authority, { method: 'POST', url: '/v1/reports', payload: report('TWICE', ['https://t.me/twice/1', 'https://t.me/twice/2', 'https://t.me/s/twice/1']) })
    t.equal(res.statusCode, 422)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.match(res.json().errors, [{ pointer: '/items/2/url', detail: /same material as \/items\/0/ }])
    t.equal((await ctx.pool.query('select count(*)::int as n from reports')).rows[0].n, before.rows[0].n)
  })
})
