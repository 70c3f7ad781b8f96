import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { parseCsv } from '../helpers/parse-exports.ts'
import { transitionNotice } from '../../src/use-cases/transition-notice.ts'
import { NOTICE_STATUSES } from '../../src/domain/vocabulary.ts'

const HOUR = 3_600_000
const FROM = '2025-01-01T00:00:00.000Z'
const TO = '2025-02-01T00:00:00.000Z'

t.test('per-platform statistics over a hand-made month', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram, vk } } = await actors(ctx, 'telegram', 'vk')
  let serial = 0

  async function notice (url: string) {
    const res = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: reportPayload([url], { externalRef: `STATS-${++serial}`, category: 'drugs', legalBasis: 'kz-communications-41-1', statementOfReasons: 'Sale of narcotics.' })
    })
    if (res.statusCode !== 201) throw new Error(res.body)
    return { id: res.json().notices[0].id as string, etag: '"1"' }
  }
  async function act (key: string, n: { id: string, etag: string }, payload: object) {
    const res = await call(key, { method: 'POST', url: `/v1/notices/${n.id}/transitions`, payload, headers: { 'if-match': n.etag } })
    if (res.statusCode !== 200) throw new Error(res.body)
    n.etag = res.headers.etag as string
  }
  async function expire (n: { id: string, etag: string }) {
    const done = await transitionNotice(ctx.db, { issuingBody: 'test' }, { system: true }, n.id, null, { action: 'expire' })
    n.etag = `"${done.notice.version}"`
  }
  /** Moves a notice into the test month: issue time, a deadline 24 h later, and each event at issue + its offset. */
  async function backdate (n: { id: string }, issuedAt: string, offsets: Record<string, number>) {
    const issued = new Date(issuedAt)
    await ctx.pool.query('update notices set issued_at = $2, deadline = $3 where id = $1', [n.id, issued, new Date(issued.getTime() + 24 * HOUR)])
    await ctx.pool.query('update notice_events set at = $2 where notice_id = $1', [n.id, issued])
    for (const [status, hours] of Object.entries(offsets)) {
      await ctx.pool.query('update notice_events set at = $3 where notice_id = $1 and to_status = $2', [n.id, status, new Date(issued.getTime() + hours * HOUR)])
    }
  }

  // telegram, issued in January: removed in 2 h (in time).
  const n1 = await notice('https://t.me/stats_channel/1')
  await act(telegram, n1, { action: 'remove' })
  await backdate(n1, '2025-01-10T00:00:00Z', { removed: 2 })
  // Overdue at its deadline, removed 30 h after issue (late).
  const n2 = await notice('https://t.me/stats_channel/2')
  await expire(n2)
  await act(telegram, n2, { action: 'remove' })
  await backdate(n2, '2025-01-11T00:00:00Z', { overdue: 24, removed: 30 })
  // Rejected, then escalated; never removed.
  const n3 = await notice('https://t.me/stats_channel/3')
  await act(telegram, n3, { action: 'reject', reason: 'we disagree' })
  await act(authority, n3, { action: 'escalate' })
  await backdate(n3, '2025-01-12T00:00:00Z', { rejected: 3, escalated: 30 })
  // Withdrawn after an hour: the platform owed nothing, so it is not due.
  const n4 = await notice('https://t.me/stats_channel/4')
  await act(authority, n4, { action: 'withdraw', reason: 'issued in error' })
  await backdate(n4, '2025-01-13T00:00:00Z', { withdrawn: 1 })
  // A re-upload, removed in 4 h.
  const n5 = await notice('https://t.me/stats_channel/5')
  await act(telegram, n5, { action: 'remove' })
  await backdate(n5, '2025-01-14T00:00:00Z', { removed: 4 })
  await ctx.pool.query('update notices set reupload_of = \'{KZ-2024-TG-000001}\' where id = $1', [n5.id])
  // Issued at the end of the month, due in February: counted as issued, not as due. Removed in 10 h.
  const n6 = await notice('https://t.me/stats_channel/6')
  await act(telegram, n6, { action: 'remove' })
  await backdate(n6, '2025-01-31T12:00:00Z', { removed: 10 })
  // Issued in December, due on 1 January and never answered: due, not issued in the period.
  const n7 = await notice('https://t.me/stats_channel/7')
  await backdate(n7, '2024-12-31T12:00:00Z', {})
  // vk: removed in 1 h.
  const v1 = await notice('https://vk.com/wall-1_2')
  await act(vk, v1, { action: 'remove' })
  await backdate(v1, '2025-01-15T00:00:00Z', { removed: 1 })

  const stats = (query: string, key = auditor) => call(key, { method: 'GET', url: `/v1/stats${query}` })
  const zeroStatuses = Object.fromEntries(NOTICE_STATUSES.map((s) => [s, 0]))

  await t.test('exact figures per platform', async (t) => {
    const res = await stats(`?from=${FROM}&to=${TO}`)
    t.equal(res.statusCode, 200, res.body)
    const body = res.json()
    t.equal(body.from, FROM)
    t.equal(body.to, TO)
    t.same(body.platforms.map((p: { platform: string }) => p.platform), [...body.platforms.map((p: { platform: string }) => p.platform)].sort(), 'every platform, by slug')
    const tg = body.platforms.find((p: { platform: string }) => p.platform === 'telegram')
    t.same(tg, {
      platform: 'telegram',
      notices: 6,
      byStatus: { ...zeroStatuses, removed: 4, escalated: 1, withdrawn: 1 },
      due: 5,
      removedWithinDeadline: 2,
      removedWithinDeadlineShare: 0.4,
      removals: 4,
      // 2 h, 4 h, 10 h, 30 h: the median interpolates 4 h and 10 h; the 90th percentile sits 70% from 10 h to 30 h.
      medianSecondsToRemoval: 25_200,
      p90SecondsToRemoval: 86_400,
      overdue: 1,
      escalated: 1,
      reuploads: 1
    })
    t.match(body.platforms.find((p: { platform: string }) => p.platform === 'vk'), {
      notices: 1, due: 1, removedWithinDeadline: 1, removedWithinDeadlineShare: 1, medianSecondsToRemoval: 3600, p90SecondsToRemoval: 3600, overdue: 0, reuploads: 0
    })
    t.same(body.platforms.find((p: { platform: string }) => p.platform === 'tiktok'), {
      platform: 'tiktok',
      notices: 0,
      byStatus: zeroStatuses,
      due: 0,
      removedWithinDeadline: 0,
      removedWithinDeadlineShare: null,
      removals: 0,
      medianSecondsToRemoval: null,
      p90SecondsToRemoval: null,
      overdue: 0,
      escalated: 0,
      reuploads: 0
    })
  })

  await t.test('one platform, and a period that cuts the data', async (t) => {
    const only = (await stats(`?from=${FROM}&to=${TO}&platform=vk`)).json()
    t.same(only.platforms.map((p: { platform: string }) => p.platform), ['vk'])
    // 11 January to 13 January: n2 and n3 issued; due are n1 (11th) and n2 (12th).
    const cut = (await stats('?from=2025-01-11T00:00:00Z&to=2025-01-13T00:00:00Z&platform=telegram')).json().platforms[0]
    t.match(cut, { notices: 2, due: 2, removedWithinDeadline: 1, removals: 1, medianSecondsToRemoval: 108_000, overdue: 1, escalated: 1 })
  })

  await t.test('CSV: a header and one row per platform', async (t) => {
    const res = await stats(`?from=${FROM}&to=${TO}&format=csv`, authority)
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present')
    t.equal(res.headers['content-disposition'], 'attachment; filename="stats-20250101T000000Z-20250201T000000Z.csv"')
    const [header, ...rows] = parseCsv(res.body)
    t.same(header.slice(0, 3), ['platform', 'notices', 'issued'])
    t.ok(header.includes('reuploads'))
    t.equal(rows.length, (await stats(`?from=${FROM}&to=${TO}`)).json().platforms.length)
    const tg = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'telegram')![i]]))
    t.match(tg, {
      notices: '6',
      removed: '4',
      escalated: '1',
      withdrawn: '1',
      due: '5',
      removedWithinDeadline: '2',
      removedWithinDeadlineShare: '0.4',
      medianSecondsToRemoval: '25200',
      p90SecondsToRemoval: '86400',
      overdue: '1',
      reuploads: '1'
    })
    const tiktok = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === 'tiktok')![i]]))
    t.equal(tiktok.removedWithinDeadlineShare, '', 'nothing due: an empty cell, not zero')
  })

  await t.test('defaults: the 30 days up to now', async (t) => {
    const before = Date.now()
    const body = (await stats('')).json()
    const to = Date.parse(body.to)
    t.ok(to >= before && to <= Date.now())
    t.equal(to - Date.parse(body.from), 30 * 24 * HOUR)
    t.equal(body.platforms.find((p: { platform: string }) => p.platform === 'telegram').notices, 0, 'the backdated month is outside')
  })

  await t.test('errors: from not before to, bad dates, bad format, unknown platform', async (t) => {
    for (const query of [`?from=${TO}&to=${FROM}`, `?from=${FROM}&to=${FROM}`, '?from=last-week', '?format=xml', '?platform=myspace', '?extra=1']) {
      const res = await stats(query)
      t.equal(res.statusCode, 400, query)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    }
    t.match((await stats(`?from=${TO}&to=${FROM}`)).json(), { errors: [{ pointer: 'querystring:/from' }] })
  })

  await t.test('security: authorities and auditors only', async (t) => {
    t.equal((await stats('', telegram)).statusCode, 403)
    t.equal((await stats('', ctx.adminKey)).statusCode, 403)
    t.equal((await stats('', '')).statusCode, 401)
  })
})
