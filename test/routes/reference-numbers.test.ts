import t from 'tap'
import type { Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, EXTREMISM, type ReportItem, type ReportFields } from '../fixtures/reports.ts'
import { buildApp, createLogger } from '../../src/app.ts'
import { createDatabase, createPool } from '../../src/db/index.ts'

const report = (items: ReportItem[], extra: Partial<ReportFields> = {}) =>
  reportPayload(items, { ...EXTREMISM, externalRef: 'CASE-SERIALS', statementOfReasons: 'Calls for ethnic hatred.', ...extra })

const URLS: Record<string, (n: number) => string> = {
  telegram: (n) => `https://t.me/serials/${n}`,
  tiktok: (n) => `https://www.tiktok.com/@serials/video/${100000 + n}`,
  vk: (n) => `https://vk.com/wall-5_${n}`,
  ok: (n) => `https://ok.ru/video/${200000 + n}`
}
const PLATFORMS = Object.keys(URLS)

/** Report i touches two or three platforms, rotating, so every platform's counter is contended. */
function itemsFor (i: number): Array<{ url: string, contentType: string }> {
  const count = 2 + (i % 2)
  return Array.from({ length: count }, (_, k) => {
    const platform = PLATFORMS[(i + k) % PLATFORMS.length]
    return { url: URLS[platform](i), contentType: 'text' }
  })
}

interface NoticeRef { id: string, platform: string, referenceNumber: string }
const REFERENCE = /^KZ-(\d{4})-([A-Z]{2})-(\d{6})$/

/** Checks that, per platform and year, the serials issued are exactly 1..N and every reference is unique. */
function checkGapFree (t: Test, refs: NoticeRef[], label: string): Map<string, number> {
  t.equal(new Set(refs.map((r) => r.referenceNumber)).size, refs.length, `${label}: reference numbers are unique`)
  t.equal(new Set(refs.map((r) => r.id)).size, refs.length, `${label}: notice ids are unique`)
  const byKey = new Map<string, number[]>()
  for (const ref of refs) {
    const m = REFERENCE.exec(ref.referenceNumber)
    t.ok(m, `${ref.referenceNumber} is well formed`)
    if (!m) continue
    const key = `${m[1]}/${ref.platform}/${m[2]}`
    const list = byKey.get(key) ?? []
    list.push(Number(m[3]))
    byKey.set(key, list)
  }
  const counts = new Map<string, number>()
  for (const [key, serials] of byKey) {
    const sorted = [...serials].sort((a, b) => a - b)
    t.same(sorted, Array.from({ length: sorted.length }, (_, i) => i + 1), `${label}: ${key} serials are 1..${sorted.length}`)
    counts.set(key.split('/')[1], sorted.length)
  }
  return counts
}

t.test('reference numbers', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor } = await actors(ctx)

  const submitAll = (send: (key: string, payload: object) => Promise<LightMyRequestResponse>, from: number, count: number) =>
    Promise.all(Array.from({ length: count }, (_, i) => send(authority, report(itemsFor(from + i), { externalRef: `CONC-${from + i}` }))))

  const allNotices = async (): Promise<NoticeRef[]> => {
    const { rows } = await ctx.pool.query('select id, platform, reference_number as "referenceNumber" from notices order by seq')
    return rows
  }

  t.test('sixty reports at once: per platform the serials are 1..N, with no duplicates and no gaps', async (t) => {
    const send = (key: string, payload: object) => call(key, { method: 'POST', url: '/v1/reports', payload })
    const responses = await submitAll(send, 0, 60)
    t.same(responses.map((r) => r.statusCode), Array(60).fill(201), 'every report accepted')
    const refs: NoticeRef[] = responses.flatMap((r) => r.json().notices)
    const expected = responses.reduce((n, _r, i) => n + new Set(itemsFor(i).map((item) => item.url.split('/')[2])).size, 0)
    t.equal(refs.length, expected, 'one notice per platform per report')
    responses.forEach((r, i) => {
      const platforms = r.json().notices.map((n: NoticeRef) => n.platform).sort()
      t.equal(platforms.length, itemsFor(i).length, `report ${i} has one notice per platform`)
      t.equal(new Set(platforms).size, platforms.length)
    })
    const counts = checkGapFree(t, refs, 'responses')
    t.same([...counts.keys()].sort(), [...PLATFORMS].sort())
    const stored = await allNotices()
    t.same(stored.map((n) => n.referenceNumber).sort(), refs.map((n) => n.referenceNumber).sort(), 'what was answered is what was stored')
    const { rows } = await ctx.pool.query('select platform, last from reference_counters order by platform')
    t.same(Object.fromEntries(rows.map((r) => [r.platform, r.last])), Object.fromEntries([...counts].sort()), 'the counters stop at the last serial issued')
    // Each notice's signed content carries the reference number it was stored under.
    const sample = refs.slice(0, 5)
    for (const ref of sample) {
      const content = (await call(auditor, { method: 'GET', url: `/v1/notices/${ref.id}/document` })).json()
      t.equal(content.referenceNumber, ref.referenceNumber)
    }
  })

  t.test('a report refused with 422 consumes no number', async (t) => {
    const before = new Map((await ctx.pool.query('select platform, last from reference_counters')).rows.map((r) => [r.platform, r.last]))
    const refused = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: report([{ url: URLS.telegram(9001), contentType: 'text' }, { url: 'https://example.com/not-a-platform', contentType: 'text' }])
    })
    t.equal(refused.statusCode, 422)
    const badBasis = await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: URLS.vk(9002), contentType: 'text' }], { legalBasis: 'no-such-law' }) })
    t.equal(badBasis.statusCode, 422)
    const accepted = await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: URLS.telegram(9003), contentType: 'text' }, { url: URLS.vk(9003), contentType: 'text' }]) })
    t.equal(accepted.statusCode, 201)
    const year = new Date(Date.now() + 5 * 3_600_000).getUTCFullYear()
    const next = (platform: string, code: string) => `KZ-${year}-${code}-${String(Number(before.get(platform)) + 1).padStart(6, '0')}`
    t.same(accepted.json().notices.map((n: NoticeRef) => n.referenceNumber).sort(), [next('telegram', 'TG'), next('vk', 'VK')].sort(), 'the sequence continues without a gap')
    checkGapFree(t, await allNotices(), 'after refusals')
  })

  t.test('two gateway instances on the same database share one gap-free sequence', async (t) => {
    const pool = createPool(ctx.databaseUrl, 10)
    const db = createDatabase(pool)
    const other = await buildApp(ctx.config, { pool, db, signer: ctx.signer, logger: createLogger('silent') })
    try {
      const sendOther = (key: string, payload: object) => other.inject({ method: 'POST', url: '/v1/reports', payload, headers: { authorization: `Bearer ${key}` } })
      const sendHere = (key: string, payload: object) => call(key, { method: 'POST', url: '/v1/reports', payload })
      const [a, b] = await Promise.all([submitAll(sendHere, 1000, 40), submitAll(sendOther, 2000, 40)])
      t.same([...a, ...b].map((r) => r.statusCode), Array(80).fill(201), 'every report accepted by both instances')
      const fromOther = b.flatMap((r) => r.json().notices as NoticeRef[])
      t.ok(fromOther.length > 0)
      const stored = await allNotices()
      const counts = checkGapFree(t, stored, 'both instances')
      const { rows } = await ctx.pool.query('select platform, last from reference_counters order by platform')
      t.same(Object.fromEntries(rows.map((r) => [r.platform, r.last])), Object.fromEntries([...counts].sort()), 'counters match what was issued')
      // What one instance issued, the other serves.
      const seen = await call(auditor, { method: 'GET', url: `/v1/notices/${fromOther[0].id}` })
      t.equal(seen.statusCode, 200)
      t.equal(seen.json().referenceNumber, fromOther[0].referenceNumber)
    } finally {
      await other.close()
      await pool.end()
    }
  })

  t.test('reports alternating between two instances take consecutive serials', async (t) => {
    const pool = createPool(ctx.databaseUrl, 10)
    const db = createDatabase(pool)
    const other = await buildApp(ctx.config, { pool, db, signer: ctx.signer, logger: createLogger('silent') })
    try {
      const here = (i: number) => call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: URLS.telegram(5000 + i), contentType: 'text' }], { externalRef: `ALT-${i}` }) })
      const there = (i: number) => other.inject({ method: 'POST', url: '/v1/reports', payload: report([{ url: URLS.telegram(6000 + i), contentType: 'text' }], { externalRef: `ALT-${i}` }), headers: { authorization: `Bearer ${authority}` } })
      const serialOf = (res: LightMyRequestResponse) => Number(REFERENCE.exec(res.json().notices[0].referenceNumber)![3])
      const first = await here(0)
      t.equal(first.statusCode, 201)
      const serials = [serialOf(first)]
      for (let i = 1; i <= 6; i++) {
        const res = await (i % 2 === 1 ? there(i) : here(i))
        t.equal(res.statusCode, 201, `report ${i} accepted`)
        serials.push(serialOf(res))
      }
      t.same(serials, serials.map((_s, i) => serials[0] + i), 'each report takes the serial right after the previous one, whichever instance issued it')
      checkGapFree(t, await allNotices(), 'alternating instances')
    } finally {
      await other.close()
      await pool.end()
    }
  })
})
