// Every write leaves its audit entry, committed with it; a liaison's first read of a page delivers the whole page.
import t from 'tap'
import { build, type TestContext } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { issueNotices } from '../fixtures/notices.ts'
import { auditDigest } from '../../src/domain/audit-chain.ts'

interface AuditRow { action: string, target_type: string, target_id: string, actor_id: string | null, actor_role: string, change: Record<string, unknown>, digest: string }

async function auditOf (ctx: TestContext, targetId: string): Promise<AuditRow[]> {
  const { rows } = await ctx.pool.query<AuditRow>(
    'select action, target_type, target_id, actor_id, actor_role, change, digest from audit_entries where target_id = $1 order by id', [targetId])
  return rows
}

t.test('audited writes', async (t) => {
  const ctx = await build(t)
  const keys = await actors(ctx, 'telegram', 'vk')
  const { call } = ctx

  t.test('a platform edit writes its audit entry with the new version', async (t) => {
    const res = await call(keys.admin, { method: 'PATCH', url: '/v1/platforms/vk', payload: { deadlines: { normalHours: 48, urgentHours: 6 } } })
    t.equal(res.statusCode, 200, res.body)
    const entries = await auditOf(ctx, 'vk')
    t.equal(entries.length, 1)
    t.match(entries[0], { action: 'platform.updated', target_type: 'platform', actor_role: 'admin', change: { deadlines: { normalHours: 48, urgentHours: 6 }, version: res.json().version } })
    t.equal(entries[0].digest, auditDigest(entries[0].change))
    const missing = await call(keys.admin, { method: 'PATCH', url: '/v1/platforms/nowhere', payload: { languages: ['ru'] } })
    t.equal(missing.statusCode, 404)
    t.same(await auditOf(ctx, 'nowhere'), [], 'a refused edit leaves no entry')
  })

  t.test('legal-basis creation and edit write their audit entries', async (t) => {
    const body = { id: 'kz-test-audit-1', citation: 'Art. 1', title: { kk: 'a', ru: 'b', en: 'c' }, text: { kk: 'd', ru: 'e', en: 'f' } }
    t.equal((await call(keys.admin, { method: 'POST', url: '/v1/legal-bases', payload: body })).statusCode, 201)
    const edited = await call(keys.admin, { method: 'PATCH', url: `/v1/legal-bases/${body.id}`, payload: { citation: 'Art. 1(2)' } })
    t.equal(edited.statusCode, 200, edited.body)
    const entries = await auditOf(ctx, body.id)
    t.same(entries.map((e) => e.action), ['legal-basis.created', 'legal-basis.updated'])
    t.same(entries[0].change, body)
    t.same(entries[1].change, { citation: 'Art. 1(2)', version: edited.json().version })
  })

  t.test('an import writes one audit entry naming what it stored; a refused one writes none', async (t) => {
    const csv = `type,value\nsha256,${'1'.repeat(64)}\nmd5,${'2'.repeat(32)}\nmd5,bad\n`
    const res = await call(keys.authority, { method: 'POST', url: '/v1/hash-bank/imports?name=audit-list', headers: { 'content-type': 'text/csv' }, payload: csv })
    t.equal(res.statusCode, 201, res.body)
    const entries = await auditOf(ctx, res.json().id)
    t.equal(entries.length, 1)
    t.match(entries[0], { action: 'hash-bank.imported', target_type: 'hash-bank-import', actor_role: 'authority', change: { name: 'audit-list', lines: 3, added: 2, rejected: 1 } })
    const strict = await call(keys.authority, { method: 'POST', url: '/v1/hash-bank/imports?name=audit-strict&mode=strict', headers: { 'content-type': 'text/csv' }, payload: csv })
    t.equal(strict.statusCode, 422)
    const { rows } = await ctx.pool.query("select count(*)::int as n from audit_entries where action = 'hash-bank.imported' and change->>'name' = 'audit-strict'")
    t.equal(rows[0].n, 0)
  })

  t.test('retiring an entry writes one audit entry; retiring it again writes none', async (t) => {
    const csv = `type,value\nsha256,${'3'.repeat(64)}\n`
    const imported = await call(keys.authority, { method: 'POST', url: '/v1/hash-bank/imports?name=audit-retire', headers: { 'content-type': 'text/csv' }, payload: csv })
    t.equal(imported.statusCode, 201, imported.body)
    const { rows: [entry] } = await ctx.pool.query<{ id: string }>("select id from hash_bank_entries where source = 'audit-retire'")
    for (const attempt of [1, 2]) {
      const res = await call(keys.authority, { method: 'POST', url: `/v1/hash-bank/entries/${entry.id}/retire`, payload: { reason: 'false positive' } })
      t.equal(res.statusCode, 200, `attempt ${attempt}`)
    }
    const entries = await auditOf(ctx, entry.id)
    t.equal(entries.length, 1)
    t.match(entries[0], { action: 'hash-bank.entry-retired', target_type: 'hash-bank-entry', change: { type: 'sha256', reason: 'false positive' } })
  })

  t.test('a liaison\'s first read of a list delivers its whole page: one event and one audit entry per notice', async (t) => {
    const urls = Array.from({ length: 5 }, (_, i) => `https://t.me/page_delivery/${i + 1}`)
    const issued = []
    for (const url of urls) issued.push(...await issueNotices(ctx, keys.authority, [url, `https://vk.com/wall-1_${issued.length + 900}`], { externalRef: 'PAGE-DELIVERY' }))
    const telegramIds = issued.filter((n) => n.platform === 'telegram').map((n) => n.id)
    const vkIds = issued.filter((n) => n.platform === 'vk').map((n) => n.id)
    t.equal(telegramIds.length, 5)

    const page = await call(keys.liaison.telegram, { method: 'GET', url: '/v1/notices?status=issued&limit=500' })
    t.equal(page.statusCode, 200)
    const served = page.json().data as Array<{ id: string, status: string, version: number }>
    t.same(served.map((n) => n.id).filter((id) => telegramIds.includes(id)).sort(), [...telegramIds].sort())
    t.ok(served.every((n) => n.status === 'delivered' && n.version === 2), 'the page is answered as delivered')

    const events = await ctx.pool.query<{ notice_id: string, action: string, from_status: string, to_status: string, version: number, actor_role: string }>(
      "select notice_id, action, from_status, to_status, version, actor_role from notice_events where type = 'notice.transitioned' and notice_id = any($1) order by id", [telegramIds])
    t.equal(events.rows.length, 5)
    t.ok(events.rows.every((e) => e.action === 'deliver' && e.from_status === 'issued' && e.to_status === 'delivered' && e.version === 2 && e.actor_role === 'liaison'))
    for (const id of telegramIds) {
      const entries = await auditOf(ctx, id)
      const deliver = entries.filter((e) => e.action === 'notice.deliver')
      t.equal(deliver.length, 1, `one audit entry for ${id}`)
      t.same(deliver[0].change, { action: 'deliver', from: 'issued', to: 'delivered', version: 2, items: [], reason: null, detail: null, note: null })
      t.equal(deliver[0].digest, auditDigest(deliver[0].change))
    }
    const stored = await ctx.pool.query<{ id: string, status: string, version: number }>('select id, status, version from notices where id = any($1)', [[...telegramIds, ...vkIds]])
    t.ok(stored.rows.filter((r) => telegramIds.includes(r.id)).every((r) => r.status === 'delivered' && r.version === 2))
    t.ok(stored.rows.filter((r) => vkIds.includes(r.id)).every((r) => r.status === 'issued' && r.version === 1), 'another platform\'s notices are untouched')

    const again = await call(keys.liaison.telegram, { method: 'GET', url: '/v1/notices?limit=500' })
    t.ok((again.json().data as Array<{ id: string, version: number }>).filter((n) => telegramIds.includes(n.id)).every((n) => n.version === 2), 'a second read delivers nothing more')
    const count = await ctx.pool.query("select count(*)::int as n from audit_entries where action = 'notice.deliver' and target_id = any($1)", [telegramIds])
    t.equal(count.rows[0].n, 5)
  })
})
