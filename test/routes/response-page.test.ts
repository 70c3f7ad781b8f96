// The response page: every e-mail links to its notice's page (the same link on a retried send, a new one after the
// authority revokes it), the page shows the notice and offers what the lifecycle allows, and each answer is the
// same transition, version check and audit entry as the API's; forms from elsewhere, stale forms, revoked links and
// closed notices change nothing.
import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { eventually } from '../helpers/eventually.ts'
import { formBody, formFields, waitForLinks } from '../helpers/response-page.ts'
import { issueResponseLink, linkKeyOf } from '../../src/use-cases/response-links.ts'

const PUBLIC_URL = 'https://takedown.example.gov.kz'

t.test('the response page', async (t) => {
  const ctx = await build(t, { DELIVERY_CONCURRENCY: '2', PUBLIC_URL })
  const { call, app } = ctx
  const { authority, auditor, liaison } = await actors(ctx, 'telegram')

  let serial = 0
  /** A notice of these URLs, once its e-mail went out (and so delivered it): its id, reference and link's path. */
  const issued = async (urls: string[]) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: reportPayload(urls, { externalRef: `PAGE-${++serial}` }) })
    if (res.statusCode !== 201) throw new Error(`report refused: ${res.body}`)
    const notice = res.json().notices[0] as { id: string, referenceNumber: string }
    const [link] = await waitForLinks(ctx.config.DATA_DIR, notice.referenceNumber)
    await eventually(async () => (await noticeOf(notice.id)).status === 'delivered')
    return { ...notice, link, path: new URL(link).pathname }
  }
  const noticeOf = async (id: string) => (await call(auditor, { method: 'GET', url: `/v1/notices/${id}` })).json()
  const eventsOf = async (id: string) => (await call(auditor, { method: 'GET', url: `/v1/notices/${id}/events` })).json().data as Array<Record<string, any>>
  /** The notice's audit entries, as stored (the trail's sealing, which the API's list waits for, runs apart). */
  const auditOf = async (id: string) => (await ctx.pool.query(
    'select action, actor_id as "actorId", actor_role as "actorRole", change from audit_entries where target_id = $1 order by id', [id]
  )).rows as Array<Record<string, any>>
  /** The link a send of the notice's e-mail would carry now (what sendEmailDelivery asks for each message). */
  const linkNow = async (id: string) =>
    `${PUBLIC_URL}/respond/${await issueResponseLink(ctx.db, linkKeyOf(app.delivery.box), { id, platform: 'telegram' })}`
  const page = (path: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: path, headers })
  const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => app.inject({
    method: 'POST', url: path, payload: formBody(fields), headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers }
  })
  const fieldsOf = async (path: string, action: string) => formFields((await page(path)).body, action)

  t.test('every e-mail links to the page, and a send again carries the same link', async (t) => {
    const notice = await issued(['https://t.me/page_links/1'])
    t.match(notice.link, new RegExp(`^${PUBLIC_URL}/respond/[A-Za-z0-9_-]{43}$`), 'an absolute link under PUBLIC_URL')
    const again = await issueResponseLink(ctx.db, linkKeyOf(app.delivery.box), { id: notice.id, platform: 'telegram' })
    t.equal(`${PUBLIC_URL}/respond/${again}`, notice.link, 'asked again, the link is the same')
    const stored = await ctx.pool.query('select token_hash from response_links where notice_id = $1', [notice.id])
    t.equal(stored.rowCount, 1, 'one link row')
    t.notOk(JSON.stringify(stored.rows).includes(again), 'the token itself is not stored')
    t.equal(await linkNow(notice.id), notice.link, 'a retried send carries the same link')
  })

  t.test('the page shows the notice and the actions its status allows, changes nothing, and runs no script', async (t) => {
    const notice = await issued(['https://t.me/page_view/1', 'https://t.me/page_view/2'])
    const before = await noticeOf(notice.id)
    const res = await page(notice.path)
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^text\/html; charset=utf-8/)
    t.equal(res.headers['cache-control'], 'no-store')
    const csp = String(res.headers['content-security-policy'])
    t.match(csp, /default-src 'none'/)
    t.match(csp, /form-action 'self'/)
    t.match(csp, /frame-ancestors 'none'/)
    t.notMatch(csp, /unsafe-inline|unsafe-eval|script-src/, 'no inline code of any kind is allowed')
    t.notMatch(res.body, /<script/i, 'no script at all')
    t.match(res.body, notice.referenceNumber)
    t.match(res.body, `datetime="${before.deadline}"`, 'the deadline')
    for (const item of before.items) t.match(res.body, `value="${item.id}"`, 'each item can be checked')
    t.match(res.body, /<section class="letter" lang="(kk|ru|en)">/, 'the letters, in their languages')
    for (const action of ['acknowledge', 'remove', 'restrict', 'reject', 'cannot_comply']) t.match(res.body, `data-action="${action}"`, `offers ${action}`)
    t.notMatch(res.body, /data-action="deliver"/)
    t.equal((await noticeOf(notice.id)).version, before.version, 'viewing it changed nothing')
    t.equal((await page('/respond/' + 'A'.repeat(43))).statusCode, 404, 'an unknown token: 404')
    t.equal((await page('/respond/nonsense')).statusCode, 404, 'a malformed one too')
  })

  t.test('an answer is the API\'s transition, with the version check and an audit entry naming the link', async (t) => {
    const notice = await issued(['https://t.me/page_ack/1'])
    const form = await fieldsOf(notice.path, 'acknowledge')
    const version = (await noticeOf(notice.id)).version
    const res = await post(notice.path, { ...form, note: 'Seen by the legal team.' })
    t.equal(res.statusCode, 200, res.body.slice(0, 300))
    t.match(res.body, /Recorded: acknowledge\. The notice is now acknowledged\./)
    const after = await noticeOf(notice.id)
    t.equal(after.status, 'acknowledged')
    t.equal(after.version, version + 1)
    const event = (await eventsOf(notice.id)).find((e) => e.action === 'acknowledge')!
    t.same(event.actor, { ...event.actor, role: 'liaison', id: null }, 'the platform\'s liaison, with no client of its own')
    t.equal(event.note, 'Seen by the legal team.')
    const entry = (await auditOf(notice.id)).find((e) => e.action === 'notice.acknowledge')!
    t.same([entry.actorRole, entry.actorId], ['liaison', null])
    t.equal(entry.change.via, 'response-link', 'the audit shows it came through the link')
    t.type(entry.change.responseLink, 'string')

    const stale = await post(notice.path, { ...form, action: 'restrict' })
    t.equal(stale.statusCode, 409, 'the form of an older version')
    t.match(stale.body, /The notice changed/)
    t.equal((await noticeOf(notice.id)).version, version + 1, 'changed nothing')
  })

  t.test('removed for some items, then the rest; refusals as the API refuses', async (t) => {
    const notice = await issued(['https://t.me/page_remove/1', 'https://t.me/page_remove/2'])
    const items = (await noticeOf(notice.id)).items as Array<{ id: string }>
    const form = await fieldsOf(notice.path, 'remove')
    const empty = await post(notice.path, { ...form, scope: 'checked' })
    t.equal(empty.statusCode, 422, 'no item checked is refused, not read as all')
    t.match(empty.body, /list at least one item/)
    const bare = await post(notice.path, { ...form, action: 'reject' })
    t.equal(bare.statusCode, 422, 'reject without a reason')
    t.equal((await noticeOf(notice.id)).status, 'delivered', 'neither changed anything')
    const some = await post(notice.path, { ...form, scope: 'checked', items: [items[0].id] })
    t.equal(some.statusCode, 200, some.body.slice(0, 300))
    let after = await noticeOf(notice.id)
    t.equal(after.status, 'partially_removed')
    t.same(after.items.map((i: { outcome: string }) => i.outcome), ['removed', 'pending'])
    const rest = await post(notice.path, await fieldsOf(notice.path, 'remove'))
    t.equal(rest.statusCode, 200, rest.body.slice(0, 300))
    after = await noticeOf(notice.id)
    t.equal(after.status, 'removed')
    t.match((await page(notice.path)).body, /No action is open to the platform in this status/, 'removed: no form left')

    // The authority closes it: the link expires with the notice.
    const closed = await call(authority, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, payload: { action: 'close' }, headers: { 'if-match': `"${after.version}"` } })
    t.equal(closed.statusCode, 200, closed.body.slice(0, 300))
    t.equal((await page(notice.path)).statusCode, 410, 'a closed notice\'s link: 410')
    t.equal((await post(notice.path, { action: 'acknowledge', version: '1', csrf: 'x' })).statusCode, 410)
  })

  t.test('the same answer through the page and through the API leaves the same notice', async (t) => {
    const byPage = await issued(['https://t.me/page_same/1'])
    const byApi = await issued(['https://t.me/page_same/2'])
    const fields = { action: 'cannot_comply', reason: 'insufficient_information', detail: 'The post is not found.' }
    t.equal((await post(byPage.path, { ...(await fieldsOf(byPage.path, 'cannot_comply')), ...fields })).statusCode, 200)
    const read = await call(liaison.telegram, { method: 'GET', url: `/v1/notices/${byApi.id}` })
    t.equal((await call(liaison.telegram, { method: 'POST', url: `/v1/notices/${byApi.id}/transitions`, payload: fields, headers: { 'if-match': String(read.headers.etag) } })).statusCode, 200)
    const [a, b] = [await noticeOf(byPage.id), await noticeOf(byApi.id)]
    t.same([a.status, a.version, a.deadline === null], [b.status, b.version, b.deadline === null])
    const pick = (e: Record<string, any>) => ({ action: e.action, from: e.fromStatus ?? e.from, to: e.toStatus ?? e.to, reason: e.reason, detail: e.detail })
    t.same(pick((await eventsOf(byPage.id)).at(-1)!), pick((await eventsOf(byApi.id)).at(-1)!), 'the same event')
  })

  t.test('a form from another site, without its token, or of another notice changes nothing', async (t) => {
    const notice = await issued(['https://t.me/page_csrf/1'])
    const other = await issued(['https://t.me/page_csrf/2'])
    const form = await fieldsOf(notice.path, 'acknowledge')
    const version = (await noticeOf(notice.id)).version
    const refusals: Array<[string, Promise<{ statusCode: number }>]> = [
      ['no form token', post(notice.path, { action: 'acknowledge', version: form.version })],
      ['a wrong form token', post(notice.path, { ...form, csrf: form.csrf.slice(1) + 'A' })],
      ['a foreign Origin', post(notice.path, form, { origin: 'https://attacker.example' })],
      ['a cross-site fetch', post(notice.path, form, { 'sec-fetch-site': 'cross-site' })],
      ['a same-site (other subdomain) fetch', post(notice.path, form, { 'sec-fetch-site': 'same-site' })],
      ['another notice\'s form', post(notice.path, await fieldsOf(other.path, 'acknowledge'))]
    ]
    for (const [what, answer] of refusals) {
      const res = await answer
      t.equal(res.statusCode, 403, what)
    }
    t.equal((await app.inject({ method: 'POST', url: notice.path, payload: form })).statusCode, 415, 'JSON is not a form')
    t.equal((await post(notice.path, { ...form, action: 'fly' })).statusCode, 400, 'an unknown action')
    t.equal((await noticeOf(notice.id)).version, version, 'the notice is as it was')
    t.equal((await noticeOf(other.id)).version, (await noticeOf(other.id)).version)
    t.equal((await noticeOf(other.id)).status, 'delivered', 'and so is the other')
    const ok = await post(notice.path, form, { origin: PUBLIC_URL })
    t.equal(ok.statusCode, 200, 'the page\'s own form, posted from its public address, is taken')
  })

  t.test('the authority revokes a link; the next e-mail carries a new one', async (t) => {
    const notice = await issued(['https://t.me/page_revoke/1'])
    const form = await fieldsOf(notice.path, 'acknowledge')
    const url = `/v1/notices/${notice.id}/response-link/revoke`
    t.equal((await call(liaison.telegram, { method: 'POST', url })).statusCode, 403, 'not the liaison')
    const revoked = await call(authority, { method: 'POST', url })
    t.equal(revoked.statusCode, 200, revoked.body.slice(0, 300))
    t.same(revoked.json(), { revoked: 1 })
    t.same((await call(authority, { method: 'POST', url })).json(), { revoked: 0 }, 'nothing left to revoke')
    t.equal((await call(authority, { method: 'POST', url: `/v1/notices/${crypto.randomUUID()}/response-link/revoke` })).statusCode, 404)
    const gone = await page(notice.path)
    t.equal(gone.statusCode, 410)
    t.match(gone.body, /revoked/)
    t.equal((await post(notice.path, form)).statusCode, 410, 'its form is refused')
    t.equal((await noticeOf(notice.id)).status, 'delivered')
    const revocation = (await auditOf(notice.id)).find((e) => e.action === 'notice.response-link-revoked')!
    t.equal(revocation.actorRole, 'authority', 'audited as the authority\'s')
    const fresh = await linkNow(notice.id)
    t.not(fresh, notice.link, 'the next e-mail carries a new link')
    t.equal((await page(new URL(fresh).pathname)).statusCode, 200, 'which works')
    t.equal((await page(notice.path)).statusCode, 410, 'and the old one stays revoked')
  })
})
