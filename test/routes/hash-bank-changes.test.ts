import t from 'tap'
import crypto from 'node:crypto'
import pg from 'pg'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { flipBits, removedNotice, vector } from '../helpers/hash-bank.ts'
import { eventually } from '../helpers/eventually.ts'
import { openWriteTransaction, serverUrl } from '../helpers/database.ts'
import { HashBankIndex } from '../../src/hash-bank/index-service.ts'
import { pdqVariantsFromHash } from '../../src/domain/matching/pdq-orientations.ts'

const PDQ = vector('bridge-mods/aaa-orig.jpg').pdq
const hex = (n: number, width = 64) => n.toString(16).padStart(width, '0')

t.test('hash-bank entries, retirement and the changes feed', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram, tiktok } } = await actors(ctx, 'telegram', 'tiktok')
  const banked = await removedNotice(ctx, authority, { hashes: { sha256: hex(1), pdq: PDQ } })
  const entryOf = async (type: string) => (await ctx.pool.query('select id from hash_bank_entries where notice_id = $1 and type = $2', [banked.noticeId, type])).rows[0].id as string
  const matchPdq = async (value: string) => (await call(authority, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'pdq', value }] } })).json().results[0].matches
  const changes = async (key: string, query = '') => {
    const res = await call(key, { method: 'GET', url: `/v1/hash-bank/changes${query}` })
    if (res.statusCode !== 200) throw new Error(res.body)
    return res.json() as { data: Array<{ cursor: string, change: string, entry: { id: string, value: string, notice: unknown } }>, nextCursor: string | null }
  }
  const readAll = async (key: string, since?: string) => {
    const all: Array<{ cursor: string, change: string, entry: { id: string, value: string } }> = []
    let cursor = since
    for (;;) {
      const page = await changes(key, `?limit=2${cursor ? `&since=${cursor}` : ''}`)
      all.push(...page.data)
      if (page.data.length > 0) cursor = page.data[page.data.length - 1].cursor
      if (page.nextCursor === null) return { all, cursor }
    }
  }

  t.test('an entry reads with its provenance; retiring it stops matches at once and is idempotent', async (t) => {
    const id = await entryOf('pdq')
    const read = await call(authority, { method: 'GET', url: `/v1/hash-bank/entries/${id}` })
    t.match(read.json(), { id, type: 'pdq', value: PDQ, source: 'notice', notice: { referenceNumber: banked.referenceNumber }, retiredAt: null })
    t.ok(read.headers.etag)
    t.equal((await matchPdq(flipBits(PDQ, [3]))).length, 1)
    const retired = await call(authority, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire`, payload: { reason: 'false positive' } })
    t.equal(retired.statusCode, 200, retired.body)
    t.match(retired.json(), { id, retiredAt: String, retireReason: 'false positive' })
    t.same(await matchPdq(flipBits(PDQ, [3])), [], 'no longer matched')
    const again = await call(ctx.adminKey, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire` })
    t.equal(again.statusCode, 200, 'a bodiless retry is fine')
    t.equal(again.json().retiredAt, retired.json().retiredAt, 'and changes nothing')
    const liaisonView = await call(tiktok, { method: 'GET', url: `/v1/hash-bank/entries/${id}` })
    t.equal(liaisonView.json().retireReason, null)
    t.equal((await call(authority, { method: 'POST', url: '/v1/hash-bank/entries/00000000-0000-4000-8000-000000000000/retire' })).statusCode, 404)
    t.equal((await call(authority, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire`, payload: { why: 'x' } })).statusCode, 400)
  })

  t.test('another process\'s in-memory index drops a retired entry after its poll, and adds new ones', async (t) => {
    const other = new HashBankIndex(ctx.db, { pollIntervalMs: 100 })
    t.teardown(() => other.close())
    const fresh = await removedNotice(ctx, authority, { hashes: { pdq: flipBits(PDQ, [200, 201, 202]) } })
    await other.start()
    const variants = pdqVariantsFromHash(flipBits(PDQ, [200, 201, 202]))
    // Loaded at start, or by the first poll when an older transaction of this database was still open at load time.
    await eventually(async () => other.query(variants).length === 1)
    t.same(other.query(pdqVariantsFromHash(PDQ)).map((m) => m.distance), [3], 'the entry retired earlier is not loaded')
    const id = (await ctx.pool.query('select id from hash_bank_entries where notice_id = $1', [fresh.noticeId])).rows[0].id
    await call(authority, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire` })
    await eventually(async () => other.query(variants).length === 0)
    t.pass('gone after a poll')
    const later = flipBits(PDQ, [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160])
    await removedNotice(ctx, authority, { hashes: { pdq: later } })
    await eventually(async () => other.query(pdqVariantsFromHash(later)).some((m) => m.distance === 0))
    t.pass('an addition appears after a poll')
  })

  t.test('the feed lists additions and retirements in order, pages, and hides other platforms\' notices', async (t) => {
    // A change shows once every older transaction of this database has ended; background work may hold one briefly.
    const { all, cursor } = await eventually(async () => {
      const read = await readAll(auditor)
      return read.all.length === 4 && read.all[read.all.length - 1].change === 'added' && read
    })
    const retiredId = await entryOf('pdq')
    t.equal(all.filter((c) => c.entry.id === retiredId).length, 1, 'an entry appears once, at its latest change')
    t.ok(all.some((c) => c.entry.id === retiredId && c.change === 'retired'))
    const quiet = await changes(auditor, `?since=${cursor}`)
    t.same(quiet, { data: [], nextCursor: null }, 'nothing new')
    await ctx.call(authority, { method: 'POST', url: `/v1/hash-bank/entries/${await entryOf('sha256')}/retire` })
    const next = await eventually(async () => { const page = await changes(auditor, `?since=${cursor}`); return page.data.length > 0 && page })
    t.match(next.data, [{ change: 'retired', entry: { value: hex(1) } }])
    const asTiktok = await changes(tiktok, '?type=sha256')
    t.ok(asTiktok.data.every((c) => c.entry.notice === null))
    const asTelegram = await changes(telegram, '?type=sha256')
    t.match(asTelegram.data[0].entry, { notice: { id: banked.noticeId } })
    t.equal((await call(auditor, { method: 'GET', url: '/v1/hash-bank/changes?since=bm9wZQ' })).statusCode, 400)
  })

  t.test('a cursor never skips a change that commits late', async (t) => {
    const { cursor } = await eventually(async () => { const read = await readAll(auditor); return read.all.some((c) => c.change === 'retired' && c.entry.value === hex(1)) && read })
    const slow = new pg.Client({ connectionString: ctx.databaseUrl })
    const quick = new pg.Client({ connectionString: ctx.databaseUrl })
    await slow.connect()
    await quick.connect()
    t.teardown(async () => { await slow.end(); await quick.end() })
    const insert = 'insert into hash_bank_entries (type, value, source) values ($1, $2, $3)'
    await slow.query('begin')
    await slow.query(insert, ['md5', hex(7, 32), 'slow-list']) // takes the earlier transaction id
    await quick.query(insert, ['md5', hex(8, 32), 'quick-list']) // commits first
    const during = await changes(auditor, `?since=${cursor}`)
    t.same(during.data, [], 'the quick commit is held back while an older transaction is open')
    await slow.query('commit')
    const after = await eventually(async () => { const page = await changes(auditor, `?since=${cursor}`); return page.data.length >= 2 && page })
    t.same(after.data.map((c) => c.entry.value), [hex(7, 32), hex(8, 32)], 'both appear, in transaction order')
  })

  const randomPdq = () => crypto.randomBytes(32).toString('hex')
  const exactly = (index: HashBankIndex, pdq: string) => index.query(pdqVariantsFromHash(pdq)).some((m) => m.distance === 0)
  const bankPdq = (db: pg.Pool | pg.Client, pdq: string, list: string) =>
    db.query<{ txId: string }>("insert into hash_bank_entries (type, value, source) values ('pdq', $1, $2) returning tx_id::text as \"txId\"", [pdq, list])

  t.test('a write transaction open in another database holds back neither the feed nor the index', async (t) => {
    const { cursor } = await readAll(auditor)
    const elsewhere = await openWriteTransaction(serverUrl())
    t.teardown(elsewhere.end)
    // Loaded while the other database's transaction is open: its poll goes on from a position past it.
    const index = new HashBankIndex(ctx.db, { pollIntervalMs: 60_000 })
    t.teardown(() => index.close())
    await index.start()
    const pdq = randomPdq()
    const { rows: [banked] } = await bankPdq(ctx.pool, pdq, 'elsewhere-list')
    t.ok(Number(banked.txId) > elsewhere.xid, 'the entry is newer than the open transaction (a cluster-wide horizon would hold it back)')
    // Both checks pass while the other database's transaction is still open: it ends in teardown.
    await eventually(async () => (await changes(auditor, `?since=${cursor}`)).data.some((c) => c.entry.value === pdq))
    t.pass('the feed serves the new entry')
    await eventually(async () => { await index.refresh(); return exactly(index, pdq) })
    t.pass('the index polls it in')
  })

  t.test('a write still open in this database holds back the index\'s poll and load; neither skips it once committed', async (t) => {
    const slow = new pg.Client({ connectionString: ctx.databaseUrl })
    await slow.connect()
    t.teardown(() => slow.end())
    const [late, early] = [randomPdq(), randomPdq()]
    await slow.query('begin')
    await bankPdq(slow, late, 'slow-list') // takes the older transaction id, commits last
    await bankPdq(ctx.pool, early, 'quick-list')
    const running = ctx.app.hashBankIndex
    await running.refresh()
    t.notOk(exactly(running, early), 'a running index does not poll past the open transaction')
    const loaded = new HashBankIndex(ctx.db, { pollIntervalMs: 60_000 })
    t.teardown(() => loaded.close())
    await loaded.start()
    t.ok(exactly(loaded, early), 'a load takes every committed entry')
    t.notOk(exactly(loaded, late), 'but not the uncommitted one')
    const size = loaded.size
    await slow.query('commit')
    await eventually(async () => { await running.refresh(); return exactly(running, late) && exactly(running, early) })
    t.pass('the running index takes both, in transaction order')
    await eventually(async () => { await loaded.refresh(); return exactly(loaded, late) })
    t.equal(loaded.size, size + 1, 'the loaded index adds the late entry and not the early one a second time')
  })

  t.test('security: no key 401, admins may not read the feed, liaisons and auditors may not retire', async (t) => {
    const id = await entryOf('sha256')
    t.equal((await call(null, { method: 'GET', url: '/v1/hash-bank/changes' })).statusCode, 401)
    t.equal((await call(ctx.adminKey, { method: 'GET', url: '/v1/hash-bank/changes' })).statusCode, 403)
    t.equal((await call(telegram, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire` })).statusCode, 403)
    t.equal((await call(auditor, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire` })).statusCode, 403)
    t.equal((await call(null, { method: 'POST', url: `/v1/hash-bank/entries/${id}/retire` })).statusCode, 401)
  })
})
