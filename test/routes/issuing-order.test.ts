// Issuing's guarantees under forced interleavings: two gateway instances on one database, overlapping reports, and a
// test connection holding a lock the issuing transactions need, so that each must wait inside PostgreSQL at a known
// point until the test lets go. No outcome here depends on which request happens to run first.
import t from 'tap'
import type pg from 'pg'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { buildApp, createLogger } from '../../src/app.ts'
import { createDatabase, createPool } from '../../src/db/index.ts'
import { referenceYear } from '../../src/domain/notices/notice-content.ts'

const report = (ref: string, urls: string[]) => ({
  externalRef: ref,
  category: 'extremism',
  legalBasis: 'kz-communications-41-1',
  statementOfReasons: 'Calls for ethnic hatred.',
  urgency: 'normal',
  items: urls.map((url) => ({ url, contentType: 'text' }))
})

interface NoticeRef { id: string, platform: string, referenceNumber: string }
interface ItemView { canonicalUrl: string, duplicateOf: { id: string, referenceNumber: string } | null }

const serialOf = (ref: string) => Number(ref.slice(-6))

t.test('issuing under forced interleavings', async (t) => {
  const ctx = await build(t)
  const authority = await ctx.clientKey('authority')
  const pool = createPool(ctx.databaseUrl, 10)
  const other = await buildApp(ctx.config, { pool, db: createDatabase(pool), signer: ctx.signer, logger: createLogger('silent') })
  t.teardown(async () => {
    await other.close()
    await pool.end()
  })
  const here = (payload: object) => ctx.call(authority, { method: 'POST', url: '/v1/reports', payload })
  const there = (payload: object) => other.inject({ method: 'POST', url: '/v1/reports', payload, headers: { authorization: `Bearer ${authority}` } })
  const year = referenceYear(new Date())

  /** Backends of this database waiting for a lock while running a statement on `table` (the claims). */
  const waitersOn = async (table: string): Promise<number> => {
    const { rows } = await ctx.pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and query ilike '%' || $1 || '%'`, [table])
    return rows[0].n
  }
  const untilWaitingOn = (table: string, n: number) => eventually(async () => (await waitersOn(table)) >= n)

  interface Holder { client: pg.PoolClient, pid: number }
  /** Backends waiting for a lock the holder's transaction holds. */
  const waitersBehind = async (holder: Holder): Promise<number> =>
    (await ctx.pool.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [holder.pid])).rows[0].n
  const untilBehind = (holder: Holder, n: number) => eventually(async () => (await waitersBehind(holder)) >= n)

  /** A test transaction holding the counter rows of these platforms, as an issuing transaction would. */
  async function holdCounters (platforms: string[]): Promise<Holder> {
    const client = await ctx.pool.connect()
    await client.query('begin')
    await client.query('insert into reference_counters (year, platform, last) select $1, unnest($2::text[]), 0 on conflict do nothing', [year, platforms])
    await client.query('select * from reference_counters where year = $1 and platform = any($2::text[]) order by platform for update', [year, platforms])
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid')
    return { client, pid: rows[0].pid }
  }
  async function release (holder: Holder): Promise<void> {
    await holder.client.query('commit')
    holder.client.release()
  }
  const lastSerial = async (platform: string): Promise<number> =>
    (await ctx.pool.query('select coalesce(max(last), 0)::int as last from reference_counters where year = $1 and platform = $2', [year, platform])).rows[0].last

  t.test('reports waiting for the same counters at two instances take consecutive numbers; a refused report takes none', async (t) => {
    const before = { telegram: await lastSerial('telegram'), vk: await lastSerial('vk') }
    const holder = await holdCounters(['telegram', 'vk'])
    // The two reports list their platforms in opposite orders: the counters are still locked in one order.
    const a = here(report('ORDER-A', ['https://t.me/order/1', 'https://vk.com/wall-7_1']))
    const b = there(report('ORDER-B', ['https://vk.com/wall-7_2', 'https://t.me/order/2']))
    await untilBehind(holder, 2)
    // Meanwhile a refused report is answered at once and reaches no counter.
    const refused = await there(report('ORDER-REFUSED', ['https://t.me/order/3', 'https://example.com/not-a-platform']))
    t.equal(refused.statusCode, 422)
    t.equal(await waitersBehind(holder), 2, 'the two reports are still waiting for the counters')
    await release(holder)
    const answers = await Promise.all([a, b])
    t.same(answers.map((r) => r.statusCode), [201, 201])
    const notices = answers.flatMap((r) => r.json().notices as NoticeRef[])
    for (const platform of ['telegram', 'vk'] as const) {
      const serials = notices.filter((n) => n.platform === platform).map((n) => serialOf(n.referenceNumber)).sort((x, y) => x - y)
      t.same(serials, [before[platform] + 1, before[platform] + 2], `${platform}: the next two numbers, none skipped for the refused report`)
      t.equal(await lastSerial(platform), before[platform] + 2, `${platform}: the counter stops at the last number issued`)
    }
    // The next report continues the sequence.
    const next = await here(report('ORDER-NEXT', ['https://t.me/order/4']))
    t.equal(serialOf(next.json().notices[0].referenceNumber), before.telegram + 3)
  })

  t.test('a report of a URL another instance is issuing waits for it and names its notice', async (t) => {
    const holder = await holdCounters(['vk'])
    // A claims both of its URLs, then waits for the vk counter with its claims held.
    const a = here(report('CLAIM-A', ['https://t.me/claimed/1', 'https://vk.com/wall-8_1']))
    await untilBehind(holder, 1)
    // B reports the same telegram material (another spelling of it) at the other instance: it waits for A's claim.
    const b = there(report('CLAIM-B', ['https://t.me/s/claimed/1?utm_source=x', 'https://t.me/claimed/2']))
    await untilWaitingOn('open_notice_urls', 1)
    await release(holder)
    const [ra, rb] = await Promise.all([a, b])
    t.equal(ra.statusCode, 201)
    t.equal(rb.statusCode, 201)
    const aNotices = ra.json().notices as NoticeRef[]
    const aTelegram = aNotices.find((n) => n.platform === 'telegram')!
    t.same(aNotices.map((n) => n.platform).sort(), ['telegram', 'vk'], 'A got a notice per platform')
    t.same((ra.json().items as ItemView[]).map((i) => i.duplicateOf), [null, null])
    const bItems = rb.json().items as ItemView[]
    t.same(bItems[0].duplicateOf, { id: aTelegram.id, referenceNumber: aTelegram.referenceNumber }, "B's first item names A's notice")
    t.equal(bItems[1].duplicateOf, null)
    const bNotices = rb.json().notices as NoticeRef[]
    t.equal(bNotices.length, 1, 'B got one notice, for its other item only')
    const items = await ctx.pool.query('select canonical_url from notice_items where notice_id = $1', [bNotices[0].id])
    t.same(items.rows.map((r) => r.canonical_url), ['https://t.me/claimed/2'])
    const stored = await ctx.pool.query('select count(distinct notice_id)::int as n from notice_items where canonical_url = \'https://t.me/claimed/1\'')
    t.equal(stored.rows[0].n, 1, 'one notice covers the URL')
  })

  t.test('a URL comes free when its notice leaves the open statuses, and not before', async (t) => {
    const liaison = await ctx.clientKey('liaison', 'telegram')
    const first = await here(report('FREE-1', ['https://t.me/free/1', 'https://t.me/free/2']))
    const notice = first.json().notices[0] as NoticeRef
    const act = (key: string, version: number, payload: object) =>
      ctx.call(key, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, payload, headers: { 'if-match': `"${version}"` } })

    // Rejected is still open: the platform owes an outcome, and a new report is a duplicate.
    t.equal((await act(liaison, 1, { action: 'reject', reason: 'not illegal here' })).statusCode, 200)
    const whileRejected = await there(report('FREE-2', ['https://t.me/free/1']))
    t.same(whileRejected.json().items[0].duplicateOf, { id: notice.id, referenceNumber: notice.referenceNumber })
    t.same(whileRejected.json().notices, [])

    // Withdrawing the notice frees both URLs in the same transaction.
    t.equal((await act(authority, 2, { action: 'withdraw', reason: 'issued in error' })).statusCode, 200)
    t.equal((await ctx.pool.query('select count(*)::int as n from open_notice_urls where notice_id = $1', [notice.id])).rows[0].n, 0)
    const after = await there(report('FREE-3', ['https://t.me/free/1', 'https://t.me/free/2']))
    t.same((after.json().items as ItemView[]).map((i) => i.duplicateOf), [null, null], 'a new report of them gets a new notice')
    t.equal(after.json().notices.length, 1)
    t.not(after.json().notices[0].id, notice.id)
  })

  t.test('an item removed from a notice that stays open frees its URL only', async (t) => {
    const liaison = await ctx.clientKey('liaison', 'telegram')
    const first = await here(report('PART-1', ['https://t.me/part/1', 'https://t.me/part/2']))
    const notice = first.json().notices[0] as NoticeRef
    const [item1] = (first.json().items as Array<{ id: string }>).map((i) => i.id)
    const removed = await ctx.call(liaison, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, payload: { action: 'remove', items: [item1] }, headers: { 'if-match': '"1"' } })
    t.equal(removed.statusCode, 200)
    t.equal(removed.json().status, 'partially_removed')
    const again = await there(report('PART-2', ['https://t.me/part/1', 'https://t.me/part/2']))
    const items = again.json().items as ItemView[]
    t.equal(items[0].duplicateOf, null, 'the removed item can be reported anew')
    t.same(items[1].duplicateOf, { id: notice.id, referenceNumber: notice.referenceNumber }, 'the item still pending stays covered')
  })

  t.test('a withdrawal waits for a report naming the notice as covering, so the report never names a closed notice', async (t) => {
    const first = await here(report('RACE-1', ['https://t.me/race/2', 'https://t.me/race/1']))
    const notice = first.json().notices[0] as NoticeRef
    const holder = await holdCounters(['vk'])
    // The duplicate report locks the notice's two claims, then waits for the vk counter (its vk item is new).
    const dup = there(report('RACE-2', ['https://t.me/race/1', 'https://vk.com/wall-9_77', 'https://t.me/race/2']))
    await untilBehind(holder, 1)
    const withdrawal = ctx.call(authority, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, payload: { action: 'withdraw', reason: 'issued in error' }, headers: { 'if-match': '"1"' } })
    await untilWaitingOn('open_notice_urls', 1)
    await release(holder)
    const [d, w] = await Promise.all([dup, withdrawal])
    t.equal(d.statusCode, 201)
    const covered = { id: notice.id, referenceNumber: notice.referenceNumber }
    t.same((d.json().items as ItemView[]).map((i) => i.duplicateOf), [covered, null, covered], 'the report saw the notice open')
    t.same(d.json().notices.map((n: NoticeRef) => n.platform), ['vk'])
    t.equal(w.statusCode, 200, 'the withdrawal then went through')
    t.equal((await ctx.pool.query('select count(*)::int as n from open_notice_urls where canonical_url like \'https://t.me/race/%\'')).rows[0].n, 0, 'and freed both URLs')
  })
})
