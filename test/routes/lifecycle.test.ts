import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { EXTREMISM } from '../fixtures/reports.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { allEventsNumbered, eventually } from '../helpers/eventually.ts'

t.test('the notice lifecycle over HTTP', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram, vk } } = await actors(ctx, 'telegram', 'vk')

  async function newNotice (urls = ['https://t.me/life_channel/1', 'https://t.me/life_channel/2']) {
    return (await issueNotice(ctx, authority, urls, { ...EXTREMISM, externalRef: 'LIFE-1' })).id
  }
  const act = (key: string, id: string, etag: string | undefined, payload: object) => call(key, {
    method: 'POST', url: `/v1/notices/${id}/transitions`, payload, headers: etag === undefined ? {} : { 'if-match': etag }
  })

  t.test('a liaison fetching an issued notice as a document or a signature has it delivered too', async (t) => {
    for (const path of ['/document?format=pdf', '/document', '/signature']) {
      const id = await newNotice([`https://t.me/life_channel/${path.length}0${path.charCodeAt(2)}`])
      t.equal((await call(auditor, { method: 'GET', url: `/v1/notices/${id}${path}` })).statusCode, 200)
      t.equal((await call(auditor, { method: 'GET', url: `/v1/notices/${id}` })).json().status, 'issued', `an auditor's read is not a delivery (${path})`)
      t.equal((await call(telegram, { method: 'GET', url: `/v1/notices/${id}${path}` })).statusCode, 200)
      const after = (await call(auditor, { method: 'GET', url: `/v1/notices/${id}` })).json()
      t.match(after, { status: 'delivered', version: 2 }, path)
    }
  })

  t.test('a liaison\'s first read delivers the notice; then acknowledge and remove item by item', async (t) => {
    const id = await newNotice()
    const byAuthority = await call(authority, { method: 'GET', url: `/v1/notices/${id}` })
    t.equal(byAuthority.json().status, 'issued', 'an authority read is not a delivery')
    const first = await call(telegram, { method: 'GET', url: `/v1/notices/${id}` })
    t.equal(first.json().status, 'delivered')
    t.equal(first.json().version, 2)
    t.equal(first.headers.etag, '"2"')
    const ack = await act(telegram, id, '"2"', { action: 'acknowledge', note: 'looking into it' })
    t.equal(ack.statusCode, 200, ack.body)
    t.equal(ack.json().status, 'acknowledged')
    const [one, two] = ack.json().items.map((i: { id: string }) => i.id)
    const partial = await act(telegram, id, ack.headers.etag as string, { action: 'remove', items: [one] })
    t.equal(partial.json().status, 'partially_removed')
    t.match(partial.json().items, [{ id: one, outcome: 'removed' }, { id: two, outcome: 'pending' }])
    const rest = await act(telegram, id, partial.headers.etag as string, { action: 'remove' })
    t.equal(rest.json().status, 'removed')
    const close = await act(authority, id, rest.headers.etag as string, { action: 'close' })
    t.equal(close.json().status, 'closed')
    const history = await call(auditor, { method: 'GET', url: `/v1/notices/${id}/events` })
    t.same(history.json().data.map((e: { to: string }) => e.to), ['issued', 'delivered', 'acknowledged', 'partially_removed', 'removed', 'closed'])
    t.match(history.json().data[2], { action: 'acknowledge', from: 'delivered', version: 3, note: 'looking into it', actor: { role: 'liaison' } })
  })

  t.test('preconditions: 428 without If-Match, 412 when stale', async (t) => {
    const id = await newNotice(['https://t.me/life_channel/3'])
    const missing = await act(telegram, id, undefined, { action: 'acknowledge' })
    t.equal(missing.statusCode, 428)
    t.equal(missing.json().code, 'precondition_required')
    const stale = await act(telegram, id, '"7"', { action: 'acknowledge' })
    t.equal(stale.statusCode, 412)
    t.equal(stale.json().code, 'precondition_failed')
  })

  t.test('an action the status does not allow is a 409 listing the allowed ones; wrong role 403; another platform 404', async (t) => {
    const id = await newNotice(['https://t.me/life_channel/4'])
    const close = await act(authority, id, '"1"', { action: 'close' })
    t.equal(close.statusCode, 409)
    t.match(close.json(), { code: 'notice_transition_not_allowed', type: /\/problems\/notice_transition_not_allowed$/, currentStatus: 'issued' })
    t.same(close.json().allowed, ['withdraw'])
    const liaisonWithdraw = await act(telegram, id, '"1"', { action: 'withdraw', reason: 'x' })
    t.equal(liaisonWithdraw.statusCode, 403)
    t.equal(liaisonWithdraw.json().code, 'notice_action_forbidden', 'the role may call the operation, not take this action')
    const other = await act(vk, id, '"1"', { action: 'acknowledge' })
    t.equal(other.statusCode, 404)
    t.equal((await call(vk, { method: 'GET', url: `/v1/notices/${id}/events` })).statusCode, 404)
    const auditorAct = await act(auditor, id, '"1"', { action: 'acknowledge' })
    t.equal(auditorAct.statusCode, 403)
    t.equal(auditorAct.json().code, 'forbidden', 'the role may not call the operation at all')
    const noKey = await act('', id, '"1"', { action: 'acknowledge' })
    t.equal(noKey.statusCode, 401)
    const reject = await act(telegram, id, '"1"', { action: 'reject' })
    t.equal(reject.statusCode, 422, 'reject needs a reason')
    t.equal(reject.json().code, 'notice_transition_invalid')
    const bad = await act(telegram, id, '"1"', { action: 'explode' })
    t.equal(bad.statusCode, 400)
    t.equal(bad.json().code, 'validation_failed')
  })

  t.test('two liaisons acting at once: exactly one wins, the other gets 412', async (t) => {
    const id = await newNotice(['https://t.me/life_channel/5'])
    const second = await ctx.clientKey('liaison', 'telegram')
    const results = await Promise.all([
      act(telegram, id, '"1"', { action: 'acknowledge' }),
      act(second, id, '"1"', { action: 'reject', reason: 'not illegal here' })
    ])
    t.same(results.map((r) => r.statusCode).sort(), [200, 412])
  })

  t.test('escalation creates a blocking order; later removal lifts it', async (t) => {
    const id = await newNotice(['https://t.me/life_channel/6'])
    const rejected = await act(telegram, id, '"1"', { action: 'reject', reason: 'we disagree' })
    const escalated = await act(authority, id, rejected.headers.etag as string, { action: 'escalate' })
    t.equal(escalated.json().status, 'escalated')
    const orders = await ctx.pool.query('select decision_number, status from blocking_orders where notice_id = $1', [id])
    t.match(orders.rows, [{ status: 'active', decision_number: /^KZ-\d{4}-BO-\d{6}$/ }])
    const removed = await act(telegram, id, escalated.headers.etag as string, { action: 'remove' })
    t.equal(removed.json().status, 'removed')
    const after = await ctx.pool.query('select status, lifted_at from blocking_orders where notice_id = $1', [id])
    t.match(after.rows, [{ status: 'lifted' }])
  })

  t.test('the feed is ordered, scoped per liaison, and long-polls', async (t) => {
    const own = [await newNotice(['https://t.me/life_channel/70']), await newNotice(['https://vk.com/wall-1_70']), await newNotice(['https://t.me/life_channel/71'])]
    await allEventsNumbered(ctx.pool, ctx.app.sequencer)
    const all = await call(auditor, { method: 'GET', url: '/v1/events?after=0&limit=500' })
    t.equal(all.statusCode, 200)
    const seqs = all.json().data.map((e: { sequence: number }) => e.sequence)
    t.same(seqs, [...seqs].sort((a, b) => a - b))
    t.ok(own.every((id) => all.json().data.some((e: { noticeId: string }) => e.noticeId === id)), 'the feed holds this subtest\'s notices')
    const mine = await call(vk, { method: 'GET', url: '/v1/events?after=0&limit=500' })
    t.equal(mine.json().data.filter((e: { platform: string }) => e.platform !== 'vk').length, 0)
    t.ok(mine.json().data.some((e: { noticeId: string }) => e.noticeId === own[1]), 'a liaison sees its own platform\'s events')
    // Notice A comes once the poll waits; notice B once A has been seen, or after 8 s. A poll that wakes on new
    // events holds A without B; one that slept through its whole 20 s wait would hold both. Polls that wake
    // earlier, on events still being numbered, are read past.
    let last = all.json().lastSequence
    let releaseB!: () => void
    const gateB = new Promise<void>((resolve) => { releaseB = resolve })
    const timerB = setTimeout(releaseB, 8000)
    const createdB = gateB.then(() => newNotice(['https://t.me/life_channel/98']))
    const createdA = eventually(async () => ctx.app.sequencer.listenerCount('advanced') > 0).then(() => newNotice(['https://t.me/life_channel/99']))
    let withA: Array<{ noticeId: string, type: string }> = []
    for (let found = false; !found;) {
      const polled = await call(auditor, { method: 'GET', url: `/v1/events?after=${last}&wait=20` })
      withA = polled.json().data
      last = polled.json().lastSequence
      const idA = await createdA
      found = withA.some((e) => e.noticeId === idA)
    }
    releaseB()
    clearTimeout(timerB)
    const idA = await createdA
    const idB = await createdB
    t.same(withA.filter((e) => e.noticeId === idA || e.noticeId === idB).map((e) => [e.noticeId, e.type]), [[idA, 'notice.created']], 'woke on the first new event')
    t.not(idA, idB)
  })

  t.test('the feed and a notice\'s history filter by updatedSince', async (t) => {
    await newNotice(['https://t.me/life_channel/80'])
    await newNotice(['https://t.me/life_channel/81'])
    await allEventsNumbered(ctx.pool, ctx.app.sequencer)
    // Events still being numbered come after every sequence read here, so the comparison stops at the last one.
    const all: Array<{ sequence: number, at: string, noticeId: string }> = (await call(auditor, { method: 'GET', url: '/v1/events?after=0&limit=500' })).json().data
    const lastRead = all[all.length - 1].sequence
    const since = all[Math.floor(all.length / 2)].at
    const expected = all.filter((e) => e.at >= since).map((e) => e.sequence)
    const recent = await call(auditor, { method: 'GET', url: `/v1/events?after=0&limit=500&updatedSince=${encodeURIComponent(since)}` })
    t.equal(recent.statusCode, 200)
    const recentSequences = recent.json().data.map((e: { sequence: number }) => e.sequence)
    t.same(recentSequences.filter((s: number) => s <= lastRead), expected, 'exactly the events at or after the time, in feed order')
    t.ok(expected.length > 0 && expected.length < all.length)
    const future = new Date(Date.now() + 3_600_000).toISOString()
    t.same((await call(auditor, { method: 'GET', url: `/v1/events?updatedSince=${encodeURIComponent(future)}` })).json().data, [])
    const id = all[0].noticeId
    const history = (await call(auditor, { method: 'GET', url: `/v1/notices/${id}/events` })).json().data as Array<{ at: string }>
    t.ok(history.length > 0)
    const later = await call(auditor, { method: 'GET', url: `/v1/notices/${id}/events?updatedSince=${encodeURIComponent(history[history.length - 1].at)}` })
    t.same(later.json().data, history.filter((e) => e.at >= history[history.length - 1].at))
    t.same((await call(auditor, { method: 'GET', url: `/v1/notices/${id}/events?updatedSince=${encodeURIComponent(future)}` })).json().data, [])
    for (const url of ['/v1/events?updatedSince=yesterday', `/v1/notices/${id}/events?updatedSince=1`, `/v1/notices/${id}/events?since=x`]) {
      t.equal((await call(auditor, { method: 'GET', url })).statusCode, 400, url)
    }
  })

  t.test('security and bad input on the feed, the history and the audit trail', async (t) => {
    for (const url of ['/v1/events', '/v1/audit', '/v1/audit/verify']) t.equal((await call(null, { method: 'GET', url })).statusCode, 401, url)
    t.equal((await call(ctx.adminKey, { method: 'GET', url: '/v1/events' })).statusCode, 403, 'admins do not read the feed')
    t.equal((await call(authority, { method: 'GET', url: '/v1/audit' })).statusCode, 403, 'authorities do not read the audit trail')
    for (const url of ['/v1/events?after=-1', '/v1/events?wait=31', '/v1/events?limit=0', '/v1/audit?after=x', '/v1/events?since=1']) {
      const res = await call(auditor, { method: 'GET', url })
      t.equal(res.statusCode, 400, url)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', url)
    }
    t.equal((await call(auditor, { method: 'GET', url: '/v1/notices/00000000-0000-4000-8000-000000000000/events' })).statusCode, 404)
  })

  t.test('the audit trail verifies, and names an entry altered behind its back', async (t) => {
    const id = await newNotice(['https://t.me/life_channel/90'])
    t.equal((await act(telegram, id, '"1"', { action: 'acknowledge' })).statusCode, 200)
    // Entries are sealed a moment after their commit.
    await eventually(async () => (await ctx.pool.query('select count(*) filter (where position is null)::int as unsealed, count(*)::int as n from audit_entries')).rows
      .every((r: { unsealed: number, n: number }) => r.unsealed === 0 && r.n > 5))
    const verify = await call(auditor, { method: 'GET', url: '/v1/audit/verify' })
    t.equal(verify.statusCode, 200)
    t.match(verify.json(), { intact: true, firstBroken: null })
    t.ok(verify.json().checked > 5)
    const refused = await ctx.pool.query("update audit_entries set action = 'x' where position = 3").catch((e: Error) => e)
    t.match(String(refused), /append-only/)
    await ctx.pool.query('alter table audit_entries disable trigger audit_entries_guard')
    await ctx.pool.query('update audit_entries set change = \'{"forged": true}\' where position = 3')
    await ctx.pool.query('alter table audit_entries enable trigger audit_entries_guard')
    const broken = await call(auditor, { method: 'GET', url: '/v1/audit/verify' })
    t.match(broken.json(), { intact: false, firstBroken: { position: 3, reason: 'digest' }, checked: 2 })
    t.equal((await call(telegram, { method: 'GET', url: '/v1/audit/verify' })).statusCode, 403)
  })
})
