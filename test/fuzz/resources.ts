// What the fuzzer sends to: callers of every role, and resources that exist (clients, reports with their notices
// and items, a blocking order, legal bases, hash-bank entries, webhook endpoints and the notices' deliveries), so that requests naming an id reach the handler's
// work instead of stopping at 404. Made through the API, as a client would, before the run.
import type { TestContext } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { issueNotices } from '../fixtures/notices.ts'
import { issueResponseLink, linkKeyOf } from '../../src/use-cases/response-links.ts'

/**
 * Ids that exist, by where they go: a path parameter by the collection segment before it (`notices` for
 * /v1/notices/{id}/...), a query or header parameter by its name (`noticeId`, `if-match`).
 */
export type KnownIds = Record<string, readonly string[]>

export interface FuzzTargets {
  /** Keys of each role (two platforms' liaisons), no key, and a key the gateway does not know. */
  keys: Array<string | null>
  known: KnownIds
}

/** Where a parameter's known ids are kept (see KnownIds). */
export function knownKey (path: string, parameter: { name: string, in: string }): string {
  if (parameter.in === 'header') return parameter.name.toLowerCase()
  if (parameter.in !== 'path') return parameter.name
  const segments = path.split('/')
  const at = segments.indexOf(`{${parameter.name}}`)
  return at > 0 ? segments[at - 1] : parameter.name
}

const SHA = (n: number): string => n.toString(16).padStart(64, '0')

export async function fuzzTargets (
  ctx: Pick<TestContext, 'call' | 'clientKey' | 'adminKey' | 'pool' | 'db' | 'app'>
): Promise<FuzzTargets> {
  const { admin, authority, auditor, liaison } = await actors(ctx, 'telegram', 'vk')
  const ok = (what: string, res: { statusCode: number, body: string }): void => {
    if (res.statusCode >= 300) throw new Error(`fuzz setup: ${what} failed: ${res.statusCode} ${res.body.slice(0, 300)}`)
  }
  // Clients the run may revoke or read: not the callers' own, so a revoke does not silence the run.
  const clients: string[] = []
  for (const role of ['auditor', 'authority'] as const) {
    const res = await ctx.call(admin, { method: 'POST', url: '/v1/clients', payload: { name: `fuzz target ${role}`, role } })
    ok('a client', res)
    clients.push(res.json().id as string)
  }
  // Reports over two platforms, each issuing a notice per platform.
  const reports: string[] = []
  for (let n = 1; n <= 3; n++) {
    const notices = await issueNotices(ctx, authority, [`https://t.me/fuzzchannel/${n}`, `https://vk.com/wall-${n}_${n}`], { externalRef: `FUZZ-${n}` })
    reports.push(notices[0].reportId)
  }
  // One notice escalated, for a blocking order.
  const { rows: [escalate] } = await ctx.pool.query<{ id: string }>(
    "update notices set status = 'overdue' where id = (select id from notices where platform = 'telegram' order by id limit 1) returning id")
  const version = (await ctx.call(authority, { method: 'GET', url: `/v1/notices/${escalate.id}` })).headers.etag as string
  ok('an escalation', await ctx.call(authority, {
    method: 'POST', url: `/v1/notices/${escalate.id}/transitions`, headers: { 'if-match': version }, payload: { action: 'escalate' }
  }))
  ok('a legal basis', await ctx.call(admin, {
    method: 'POST',
    url: '/v1/legal-bases',
    payload: { id: 'fuzz-basis-1', citation: 'Art. 1', title: { kk: 'a', ru: 'b', en: 'c' }, text: { kk: 'a', ru: 'b', en: 'c' } }
  }))
  const csv = ['type,value', ...[1, 2, 3].map((n) => `sha256,${SHA(n)}`), `md5,${'a'.repeat(32)}`].join('\n') + '\n'
  ok('a hash list', await ctx.call(authority, {
    method: 'POST', url: '/v1/hash-bank/imports?name=fuzz-list', headers: { 'content-type': 'text/csv' }, payload: csv
  }))

  // Webhook endpoints of each kind of owner (a liaison's, an authority's): each answers only its owner.
  for (const [key, url] of [[liaison.telegram, 'https://hooks.example.com/fuzz-liaison'], [authority, 'https://hooks.example.com/fuzz-authority']]) {
    ok('a webhook endpoint', await ctx.call(key, { method: 'POST', url: '/v1/webhook-endpoints', payload: { url, eventTypes: ['*'] } }))
  }

  const ids = async (sql: string): Promise<string[]> => (await ctx.pool.query<{ id: string }>(sql)).rows.map((r) => String(r.id))
  const notices = await ids('select id from notices order by id')
  const known: KnownIds = {
    clients,
    reports,
    notices,
    noticeId: notices,
    itemId: await ids('select id from notice_items order by id'),
    'blocking-orders': await ids('select id from blocking_orders order by id'),
    'legal-bases': await ids('select id from legal_bases order by id'),
    platforms: await ids('select slug as id from platforms order by slug'),
    entries: await ids('select id from hash_bank_entries order by id'),
    'webhook-endpoints': await ids('select id from webhook_endpoints order by id'),
    // A response link per notice, as their e-mails carry them (the page is the liaison's, without a key).
    respond: await Promise.all(notices.map(async (id) => {
      const [{ platform }] = (await ctx.pool.query<{ platform: string }>('select platform from notices where id = $1', [id])).rows
      return await issueResponseLink(ctx.db, linkKeyOf(ctx.app.delivery.box), { id, platform })
    })),
    deliveries: await ids('select delivery_id as id from deliveries order by id'),
    // The versions the notices are at, so that some lifecycle actions are taken instead of refused as stale.
    'if-match': ['"1"', '"2"', '"3"']
  }
  for (const [key, values] of Object.entries(known)) if (values.length === 0) throw new Error(`fuzz setup: no ${key} was made`)
  return { keys: [admin, authority, auditor, liaison.telegram, liaison.vk, null, 'tdk_not-a-real-key'], known }
}
