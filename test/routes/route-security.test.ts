// No key, a wrong key, a refused role, another platform's liaison: the same cases for every route of the contract.
import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { covers, protectedOperations, runCommonRouteTests, type SecuredRoute } from '../helpers/route-security.ts'

const NOBODY = '00000000-0000-4000-8000-000000000000'
const PNG = { 'content-type': 'image/png' }

t.test('every protected route refuses callers it does not serve', async (t) => {
  const ctx = await build(t)
  const keys = await actors(ctx, 'telegram', 'vk')
  const notice = await issueNotice(ctx, keys.authority, ['https://t.me/security_channel/1'])
  // An escalated notice has a blocking order against its platform.
  await ctx.pool.query("update notices set status = 'overdue' where id = $1", [notice.id])
  const escalated = await ctx.call(keys.authority, { method: 'POST', url: `/v1/notices/${notice.id}/transitions`, headers: { 'if-match': '"1"' }, payload: { action: 'escalate' } })
  t.equal(escalated.statusCode, 200, 'the notice is escalated')
  const { rows: [order] } = await ctx.pool.query<{ id: string }>('select id from blocking_orders where notice_id = $1', [notice.id])
  const readers = ['authority', 'auditor', 'liaison'] as const
  const everyone = ['admin', 'authority', 'auditor', 'liaison'] as const
  const owners = ['authority', 'liaison'] as const

  const routes: SecuredRoute[] = [
    { method: 'POST', url: '/v1/clients', roles: ['admin'], payload: { name: 'x', role: 'auditor' } },
    { method: 'GET', url: '/v1/clients', roles: ['admin'] },
    { method: 'GET', url: `/v1/clients/${NOBODY}`, roles: ['admin'] },
    { method: 'POST', url: `/v1/clients/${NOBODY}/revoke`, roles: ['admin'] },
    { method: 'GET', url: '/v1/platforms', roles: everyone },
    { method: 'GET', url: '/v1/platforms/telegram', roles: everyone },
    { method: 'PATCH', url: '/v1/platforms/telegram', roles: ['admin'], payload: { languages: ['ru'] } },
    { method: 'GET', url: '/v1/legal-bases', roles: everyone },
    { method: 'GET', url: '/v1/legal-bases/kz-online-platforms-9', roles: everyone },
    { method: 'POST', url: '/v1/legal-bases', roles: ['admin'], payload: { id: 'x-1', citation: 'x', title: { kk: 'x', ru: 'x', en: 'x' }, text: { kk: 'x', ru: 'x', en: 'x' } } },
    { method: 'PATCH', url: '/v1/legal-bases/kz-online-platforms-9', roles: ['admin'], payload: { citation: 'x' } },
    { method: 'POST', url: '/v1/reports', roles: ['authority'], payload: { items: [] } },
    { method: 'GET', url: '/v1/reports', roles: ['authority', 'auditor'] },
    { method: 'GET', url: `/v1/reports/${notice.reportId}`, roles: ['authority', 'auditor'] },
    { method: 'GET', url: '/v1/notices', roles: readers },
    { method: 'GET', url: `/v1/notices/${notice.id}`, roles: readers, platform: 'telegram' },
    { method: 'GET', url: `/v1/notices/${notice.id}/document?format=text`, roles: readers, platform: 'telegram' },
    { method: 'GET', url: `/v1/notices/${notice.id}/signature`, roles: readers, platform: 'telegram' },
    { method: 'GET', url: `/v1/notices/${notice.id}/events`, roles: readers, platform: 'telegram' },
    {
      method: 'POST',
      url: `/v1/notices/${notice.id}/transitions`,
      roles: ['authority', 'liaison'],
      platform: 'telegram',
      headers: { 'if-match': '"2"' },
      payload: { action: 'remove' },
      // Removing is the platform's action; the authority's own on an escalated notice is to withdraw it.
      asRole: { authority: { payload: { action: 'withdraw', reason: 'The material was taken down elsewhere.' } } }
    },
    { method: 'GET', url: '/v1/events', roles: readers },
    { method: 'GET', url: '/v1/audit', roles: ['auditor', 'admin'] },
    { method: 'GET', url: '/v1/audit/verify', roles: ['auditor', 'admin'] },
    { method: 'GET', url: '/v1/audit/checkpoints/latest', roles: ['auditor', 'admin'] },
    { method: 'GET', url: '/v1/blocking-orders', roles: readers },
    { method: 'GET', url: '/v1/blocking-orders/export', roles: ['authority', 'auditor'] },
    { method: 'GET', url: `/v1/blocking-orders/${order.id}`, roles: readers, platform: 'telegram' },
    { method: 'GET', url: '/v1/stats', roles: ['authority', 'auditor'] },
    { method: 'POST', url: '/v1/hash-bank/match', roles: ['liaison', 'authority'], payload: { hashes: [{ type: 'md5', value: '0'.repeat(32) }] } },
    { method: 'GET', url: `/v1/hash-bank/entries/${NOBODY}`, roles: everyone },
    { method: 'POST', url: `/v1/hash-bank/entries/${NOBODY}/retire`, roles: ['admin', 'authority'] },
    { method: 'GET', url: '/v1/hash-bank/changes', roles: ['liaison', 'authority', 'auditor'] },
    { method: 'POST', url: '/v1/hash-bank/imports?name=list', roles: ['admin', 'authority'], headers: { 'content-type': 'text/csv' }, payload: 'type,value\n' },
    { method: 'POST', url: `/v1/hash-bank/media?noticeId=${notice.id}`, roles: ['authority'], headers: PNG, payload: Buffer.from('not an image') },
    { method: 'POST', url: '/v1/media/hashes', roles: ['authority', 'liaison'], headers: PNG, payload: Buffer.from('not an image') },
    { method: 'GET', url: '/metrics', roles: ['admin', 'auditor'] },
    { method: 'GET', url: `/v1/notices/${notice.id}/deliveries`, roles: readers, platform: 'telegram' },
    { method: 'POST', url: `/v1/deliveries/${NOBODY}/redeliver`, roles: ['authority'] },
    { method: 'POST', url: `/v1/notices/${notice.id}/response-link/revoke`, roles: ['authority'] },
    // Webhook endpoints answer their owner only: another client's (or none) is 404 to everyone else.
    { method: 'POST', url: '/v1/webhook-endpoints', roles: owners, payload: { url: 'https://hooks.example.com/security', eventTypes: ['*'] } },
    { method: 'GET', url: '/v1/webhook-endpoints', roles: owners },
    { method: 'GET', url: `/v1/webhook-endpoints/${NOBODY}`, roles: owners },
    { method: 'PATCH', url: `/v1/webhook-endpoints/${NOBODY}`, roles: owners, payload: { description: 'x' } },
    { method: 'DELETE', url: `/v1/webhook-endpoints/${NOBODY}`, roles: owners },
    { method: 'POST', url: `/v1/webhook-endpoints/${NOBODY}/rotate-secret`, roles: owners, payload: {} }
  ]

  t.test('the cases cover every operation the contract protects', async (t) => {
    const missing = (await protectedOperations(ctx)).filter((operation) => !routes.some((route) => covers(route, operation)))
    t.same(missing, [])
  })
  runCommonRouteTests(t, ctx, keys, routes)
})
