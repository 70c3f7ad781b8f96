import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, type ReportItem, type ReportFields } from '../fixtures/reports.ts'
import { allEventsNumbered, eventually } from '../helpers/eventually.ts'

const HOUR = 3_600_000

const report = (items: ReportItem[], extra: Partial<ReportFields> = {}) => reportPayload(items, { externalRef: 'CASE-NOTICES-1', ...extra })

const THREE_PLATFORMS = [
  { url: 'https://t.me/somechannel/123', contentType: 'text' },
  { url: 'https://www.tiktok.com/@someone/video/7234567890123456789', contentType: 'video' },
  { url: 'https://vk.com/wall-1_2', contentType: 'text' },
  { url: 'https://t.me/somechannel/124', contentType: 'image' }
]

/** The reference year is the calendar year in Astana (UTC+5) at the time of issue. */
const yearOf = (iso: string) => new Date(Date.parse(iso) + 5 * HOUR).getUTCFullYear()

t.test('notices', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram: telegramLiaison } } = await actors(ctx, 'telegram')

  const submit = async (items: ReportItem[], extra: Partial<ReportFields> = {}) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report(items, extra) })
    if (res.statusCode !== 201) throw new Error(`report refused: ${res.statusCode} ${res.body}`)
    return res.json()
  }

  const first = await submit(THREE_PLATFORMS, { territorialScope: ['KZ'] })
  const byPlatform = (r: { notices: Array<{ id: string, platform: string, referenceNumber: string }> }, platform: string) => r.notices.find((n) => n.platform === platform)!

  t.test('a report spanning three platforms gives one notice per platform, listed in the report', async (t) => {
    t.equal(first.notices.length, 3)
    t.same(first.notices.map((n: { platform: string }) => n.platform).sort(), ['telegram', 'tiktok', 'vk'])
    const year = new Date(Date.now() + 5 * HOUR).getUTCFullYear()
    t.equal(byPlatform(first, 'telegram').referenceNumber, `KZ-${year}-TG-000001`)
    t.equal(byPlatform(first, 'tiktok').referenceNumber, `KZ-${year}-TT-000001`)
    t.equal(byPlatform(first, 'vk').referenceNumber, `KZ-${year}-VK-000001`)
    const read = await call(auditor, { method: 'GET', url: `/v1/reports/${first.id}` })
    t.same(read.json().notices, first.notices, 'reading the report lists the same notices')
  })

  t.test('a notice carries every mandatory field', async (t) => {
    const res = await call(auditor, { method: 'GET', url: `/v1/notices/${byPlatform(first, 'telegram').id}` })
    t.equal(res.statusCode, 200, res.body)
    const n = res.json()
    t.equal(n.id, byPlatform(first, 'telegram').id)
    t.equal(n.referenceNumber, `KZ-${yearOf(n.issuedAt)}-TG-000001`)
    t.equal(n.platform, 'telegram')
    t.equal(n.status, 'issued')
    t.equal(n.version, 1)
    t.equal(n.reportId, first.id)
    t.match(n.issuer, { name: /\S/, contactPoint: /\S/ })
    t.equal(n.issuer.name, ctx.config.ISSUER_NAME)
    t.equal(n.issuer.contactPoint, ctx.config.ISSUER_CONTACT)
    t.match(n.addressee, {
      platform: 'telegram',
      platformName: 'Telegram',
      legalEntity: { name: 'Telegram FZ-LLC', country: 'AE', address: /Dubai/ },
      legalRepresentative: { name: /\S/, email: /@/ }
    })
    t.ok(Date.parse(n.issuedAt) <= Date.now() && Date.parse(n.issuedAt) > Date.now() - 60_000, 'issued just now')
    t.equal(n.urgency, 'normal')
    t.equal(Date.parse(n.deadline) - Date.parse(n.issuedAt), 24 * HOUR, 'normal deadline is issuedAt + 24 h')
    t.equal(n.items.length, 2, 'both telegram items, and only those')
    t.same(n.items.map((i: { position: number }) => i.position), [0, 3])
    t.match(n.items[0], {
      url: 'https://t.me/somechannel/123',
      canonicalUrl: 'https://t.me/somechannel/123',
      identifiers: { channel: 'somechannel', message: '123' },
      contentType: 'text',
      outcome: 'pending'
    })
    t.match(n.items[1], { identifiers: { channel: 'somechannel', message: '124' }, contentType: 'image' })
    t.equal(n.category, 'terrorism')
    t.match(n.dsa, { category: /\S/ })
    t.ok('keyword' in n.dsa)
    t.match(n.legalBasis, { id: 'kz-online-platforms-9', citation: /On Online Platforms and Online Advertising.*Article 9/, title: { kk: /\S/, ru: /\S/, en: /\S/ } })
    t.equal(n.statementOfReasons, 'The material calls for violence against civilians.')
    t.same(n.territorialScope, ['KZ'])
    t.same(n.redress, { deadlineDays: ctx.config.REDRESS_DAYS })
    t.same(n.preservation, { periodMonths: ctx.config.PRESERVATION_MONTHS })
    t.same(n.languages, ['en', 'ru', 'kk'], 'the platform\'s declared languages, then the state languages')
    t.same(n.reuploadOf, [])
    t.match(n.signature, { keyId: ctx.signer.kid, algorithm: 'EdDSA', fingerprint: /^[0-9A-F]{4}( [0-9A-F]{4}){7}$/ })

    const tiktok = (await call(auditor, { method: 'GET', url: `/v1/notices/${byPlatform(first, 'tiktok').id}` })).json()
    t.match(tiktok.items, [{ canonicalUrl: 'https://www.tiktok.com/@/video/7234567890123456789', identifiers: { videoId: '7234567890123456789' } }])
    t.match(tiktok.addressee.legalEntity, { name: 'TikTok Pte. Ltd.' })
    t.same(tiktok.languages, ['en', 'kk', 'ru'])
    const vk = (await call(auditor, { method: 'GET', url: `/v1/notices/${byPlatform(first, 'vk').id}` })).json()
    t.match(vk.items, [{ identifiers: { ownerId: '-1', postId: '2' } }])
    t.same(vk.languages, ['ru', 'kk'])
  })

  t.test('an urgent report gets the platform\'s urgent deadline (1 h)', async (t) => {
    const urgent = await submit([{ url: 'https://t.me/urgentchannel/5', contentType: 'text' }], { urgency: 'urgent' })
    const n = (await call(auditor, { method: 'GET', url: `/v1/notices/${urgent.notices[0].id}` })).json()
    t.equal(n.urgency, 'urgent')
    t.equal(Date.parse(n.deadline) - Date.parse(n.issuedAt), 1 * HOUR)
    t.equal(n.referenceNumber, `KZ-${yearOf(n.issuedAt)}-TG-000002`, 'the next telegram serial')
  })

  t.test('ETag and If-None-Match give 304', async (t) => {
    const url = `/v1/notices/${byPlatform(first, 'vk').id}`
    const res = await call(auditor, { method: 'GET', url })
    t.ok(res.headers.etag)
    const again = await call(auditor, { method: 'GET', url, headers: { 'if-none-match': res.headers.etag as string } })
    t.equal(again.statusCode, 304)
    t.equal(again.body, '')
    const other = await call(auditor, { method: 'GET', url, headers: { 'if-none-match': 'W/"something-else"' } })
    t.equal(other.statusCode, 200)
  })

  t.test('lists filter by platform, status and updatedSince', async (t) => {
    await submit([{ url: 'https://t.me/lists_own/1', contentType: 'text' }, { url: 'https://vk.com/wall-31_1', contentType: 'text' }])
    await submit([{ url: 'https://t.me/lists_own/2', contentType: 'text' }, { url: 'https://vk.com/wall-31_2', contentType: 'text' }])
    const all = (await call(auditor, { method: 'GET', url: '/v1/notices?limit=500' })).json()
    t.ok(all.data.length >= 4)
    t.equal(all.nextCursor, null)
    const telegram = (await call(auditor, { method: 'GET', url: '/v1/notices?platform=telegram' })).json()
    t.ok(telegram.data.length >= 2)
    t.ok(telegram.data.every((n: { platform: string }) => n.platform === 'telegram'))
    t.equal(telegram.data.length, all.data.filter((n: { platform: string }) => n.platform === 'telegram').length)
    const issued = (await call(auditor, { method: 'GET', url: '/v1/notices?status=issued&limit=500' })).json()
    t.equal(issued.data.length, all.data.length, 'every notice is issued')
    const none = await call(auditor, { method: 'GET', url: '/v1/notices?status=withdrawn' })
    t.equal(none.statusCode, 200)
    t.same(none.json().data, [])
    // A notice moved on in its lifecycle (set directly: transitions are not what this file tests).
    const moved = await submit([{ url: 'https://t.me/moved/1', contentType: 'text' }])
    await ctx.pool.query("update notices set status = 'delivered' where id = $1", [moved.notices[0].id])
    const delivered = (await call(auditor, { method: 'GET', url: '/v1/notices?status=delivered' })).json()
    t.same(delivered.data.map((n: { id: string }) => n.id), [moved.notices[0].id])
    t.equal(delivered.data[0].status, 'delivered')
    const stillIssued = (await call(auditor, { method: 'GET', url: '/v1/notices?status=issued&limit=500' })).json()
    t.notOk(stillIssued.data.some((n: { id: string }) => n.id === moved.notices[0].id), 'the status filter leaves it out')
    const both = (await call(auditor, { method: 'GET', url: '/v1/notices?status=delivered&platform=vk' })).json()
    t.same(both.data, [], 'filters combine')
    const future = (await call(auditor, { method: 'GET', url: '/v1/notices?updatedSince=2999-01-01T00:00:00Z' })).json()
    t.same(future.data, [])
    const past = (await call(auditor, { method: 'GET', url: '/v1/notices?updatedSince=2000-01-01T00:00:00Z&limit=500' })).json()
    t.equal(past.data.length, all.data.length + 1)
    const since = new Date().toISOString()
    // What comes next must fall strictly after `since`, at the API's millisecond precision.
    await eventually(async () => new Date().toISOString() > since)
    const later = await submit([{ url: 'https://vk.com/wall-1_99', contentType: 'text' }])
    const recent = (await call(auditor, { method: 'GET', url: `/v1/notices?updatedSince=${encodeURIComponent(since)}` })).json()
    t.same(recent.data.map((n: { id: string }) => n.id), [later.notices[0].id], 'only what changed since')
    t.equal((await call(auditor, { method: 'GET', url: '/v1/notices?platform=myspace' })).statusCode, 400)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/notices?status=lost' })).statusCode, 400)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/notices?updatedSince=yesterday' })).statusCode, 400)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/notices?cursor=bogus' })).statusCode, 400)
  })

  t.test('cursor pagination visits every notice once', async (t) => {
    for (let i = 0; i < 4; i++) await submit([{ url: `https://t.me/pages/${i + 1}`, contentType: 'text' }, { url: `https://vk.com/wall-7_${i + 1}`, contentType: 'text' }])
    const all = (await call(auditor, { method: 'GET', url: '/v1/notices?limit=500' })).json().data.map((n: { id: string }) => n.id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await call(auditor, { method: 'GET', url: `/v1/notices?limit=3${cursor ? `&cursor=${cursor}` : ''}` })
      t.equal(res.statusCode, 200)
      const body: { data: Array<{ id: string }>, nextCursor: string | null } = res.json()
      t.ok(body.data.length <= 3)
      seen.push(...body.data.map((n: { id: string }) => n.id))
      cursor = body.nextCursor
      pages++
    } while (cursor !== null && pages < 50)
    t.equal(new Set(seen).size, seen.length, 'no duplicates')
    t.same(seen, all, 'every notice, in issue order')
    t.equal(pages, Math.ceil(all.length / 3))
    // The same with a filter.
    const tg: string[] = []
    cursor = null
    do {
      const body: { data: Array<{ id: string }>, nextCursor: string | null } = (await call(auditor, { method: 'GET', url: `/v1/notices?platform=telegram&limit=2${cursor ? `&cursor=${cursor}` : ''}` })).json()
      tg.push(...body.data.map((n) => n.id))
      cursor = body.nextCursor
    } while (cursor !== null)
    t.equal(new Set(tg).size, tg.length)
    t.same(tg, (await call(auditor, { method: 'GET', url: '/v1/notices?platform=telegram&limit=500' })).json().data.map((n: { id: string }) => n.id))
  })

  t.test('a platform deadline edited by an admin applies to the next notice', async (t) => {
    const patch = await call(ctx.adminKey, { method: 'PATCH', url: '/v1/platforms/tiktok', payload: { deadlines: { normalHours: 48, urgentHours: 3 } } })
    t.equal(patch.statusCode, 200, patch.body)
    t.same(patch.json().deadlines, { normalHours: 48, urgentHours: 3 })
    const normal = await submit([{ url: 'https://www.tiktok.com/@someone/video/1111', contentType: 'video' }])
    const n = (await call(auditor, { method: 'GET', url: `/v1/notices/${normal.notices[0].id}` })).json()
    t.equal(Date.parse(n.deadline) - Date.parse(n.issuedAt), 48 * HOUR)
    const urgent = await submit([{ url: 'https://www.tiktok.com/@someone/video/2222', contentType: 'video' }], { urgency: 'urgent' })
    const u = (await call(auditor, { method: 'GET', url: `/v1/notices/${urgent.notices[0].id}` })).json()
    t.equal(Date.parse(u.deadline) - Date.parse(u.issuedAt), 3 * HOUR)
    const old = (await call(auditor, { method: 'GET', url: `/v1/notices/${byPlatform(first, 'tiktok').id}` })).json()
    t.equal(Date.parse(old.deadline) - Date.parse(old.issuedAt), 24 * HOUR, 'notices already issued keep their deadline')
    const tg = await submit([{ url: 'https://t.me/otherchannel/8', contentType: 'text' }])
    const other = (await call(auditor, { method: 'GET', url: `/v1/notices/${tg.notices[0].id}` })).json()
    t.equal(Date.parse(other.deadline) - Date.parse(other.issuedAt), 24 * HOUR, 'other platforms are untouched')
  })

  t.test('security', async (t) => {
    const vkId = byPlatform(first, 'vk').id
    const tgId = byPlatform(first, 'telegram').id
    const missing = '00000000-0000-4000-8000-000000000000'
    const endpoints = (id: string) => [`/v1/notices/${id}`, `/v1/notices/${id}/document`, `/v1/notices/${id}/signature`]

    t.test('no key: 401 on every notice endpoint', async (t) => {
      for (const url of ['/v1/notices', ...endpoints(tgId), `/v1/notices/${tgId}/document?format=pdf`]) {
        const res = await call(null, { method: 'GET', url })
        t.equal(res.statusCode, 401, url)
        t.match(res.headers['www-authenticate'], /^Bearer/, url)
      }
      const bad = await call('not-a-real-key-0123456789', { method: 'GET', url: '/v1/notices' })
      t.equal(bad.statusCode, 401)
    })

    t.test('an admin gets 403', async (t) => {
      for (const url of ['/v1/notices', ...endpoints(tgId)]) {
        t.equal((await call(ctx.adminKey, { method: 'GET', url })).statusCode, 403, url)
      }
    })

    t.test('a liaison sees only its own platform', async (t) => {
      const list = await call(telegramLiaison, { method: 'GET', url: '/v1/notices?limit=500' })
      t.equal(list.statusCode, 200)
      t.ok(list.json().data.length > 0)
      t.ok(list.json().data.every((n: { platform: string }) => n.platform === 'telegram'), 'only telegram notices')
      const asked = await call(telegramLiaison, { method: 'GET', url: '/v1/notices?platform=vk' })
      t.equal(asked.statusCode, 200)
      t.same(asked.json(), { data: [], nextCursor: null }, 'asking for vk gives nothing')
      const own = await call(telegramLiaison, { method: 'GET', url: '/v1/notices?platform=telegram&limit=500' })
      t.same(own.json().data.map((n: { id: string }) => n.id), list.json().data.map((n: { id: string }) => n.id))
      for (const url of endpoints(tgId)) t.equal((await call(telegramLiaison, { method: 'GET', url })).statusCode, 200, url)
      for (const [foreign, absent] of endpoints(vkId).map((url, i) => [url, endpoints(missing)[i]])) {
        const a = await call(telegramLiaison, { method: 'GET', url: foreign })
        const b = await call(telegramLiaison, { method: 'GET', url: absent })
        t.equal(a.statusCode, 404, foreign)
        t.equal(b.statusCode, 404, absent)
        t.equal(a.headers['content-type'], b.headers['content-type'])
        const strip = (body: Record<string, unknown>) => ({ ...body, detail: String(body.detail).replace(vkId, 'ID').replace(missing, 'ID'), instance: undefined })
        t.same(strip(a.json()), strip(b.json()), `a vk notice looks exactly like a missing one: ${foreign}`)
      }
    })

    t.test('auditors and authorities read every notice', async (t) => {
      for (const key of [auditor, authority]) {
        for (const id of first.notices.map((n: { id: string }) => n.id)) {
          for (const url of endpoints(id)) t.equal((await call(key, { method: 'GET', url })).statusCode, 200, url)
        }
        const list = (await call(key, { method: 'GET', url: '/v1/notices?limit=500' })).json()
        t.same(new Set(list.data.map((n: { platform: string }) => n.platform)), new Set(['telegram', 'tiktok', 'vk']))
      }
    })

    t.test('a malformed id is 400, a missing one 404', async (t) => {
      t.equal((await call(auditor, { method: 'GET', url: '/v1/notices/not-a-uuid' })).statusCode, 400)
      t.equal((await call(auditor, { method: 'GET', url: `/v1/notices/${missing}` })).statusCode, 404)
    })
  })

  t.test('an unchanged list or feed answers If-None-Match with 304, for that caller only, until something changes', async (t) => {
    const vkLiaison = await ctx.clientKey('liaison', 'vk')
    await submit([{ url: 'https://vk.com/wall-1_900', contentType: 'text' }])
    const get = (key: string, url: string, tag?: string) => call(key, { method: 'GET', url, headers: tag ? { 'if-none-match': tag } : {} })
    // A liaison's first read delivers its notices, itself a change; numbering follows commits by a moment.
    const settled = (key: string, url: string) => eventually(async () => {
      const tag = (await get(key, url)).headers.etag as string
      return (await get(key, url, tag)).statusCode === 304 && tag
    })
    const list = '/v1/notices?platform=vk&limit=50'
    await get(vkLiaison, list)
    await allEventsNumbered(ctx.pool, ctx.app.sequencer)
    const listTag = await settled(vkLiaison, list)
    const feedTag = await settled(vkLiaison, '/v1/events?after=0')
    const again = await get(vkLiaison, list, listTag)
    t.equal(again.statusCode, 304)
    t.equal(again.body, '')
    t.equal(again.headers.etag, listTag)
    t.equal((await get(vkLiaison, list, `W/"other", ${listTag}`)).statusCode, 304, 'a tag among several')
    t.equal((await get(vkLiaison, '/v1/events?after=0', feedTag)).statusCode, 304, 'the feed too')
    t.equal((await get(auditor, list, listTag)).statusCode, 200, 'another caller sees other notices under the same URL')
    t.equal((await get(vkLiaison, '/v1/notices?platform=vk&limit=49', listTag)).statusCode, 200, 'another query')
    t.equal((await get(vkLiaison, '/v1/notices?limit=0', listTag)).statusCode, 400, 'a query never answered is still validated')

    // A change on another platform is nothing new to the liaison, nor to a list of its platform; it is to the whole list.
    const everything = '/v1/notices?limit=50'
    const auditorTag = await settled(auditor, everything)
    const auditorVkTag = await settled(auditor, list)
    await submit([{ url: 'https://t.me/elsewhere/1', contentType: 'text' }])
    await allEventsNumbered(ctx.pool, ctx.app.sequencer)
    t.equal((await get(vkLiaison, list, listTag)).statusCode, 304, 'the liaison\'s list stands')
    t.equal((await get(vkLiaison, '/v1/events?after=0', feedTag)).statusCode, 304, 'and its feed')
    t.equal((await get(auditor, list, auditorVkTag)).statusCode, 304, 'a list filtered to the platform stands')
    t.equal((await get(auditor, everything, auditorTag)).statusCode, 200, 'the whole list moved')

    const added = await submit([{ url: 'https://vk.com/wall-1_901', contentType: 'text' }])
    const changed = await eventually(async () => {
      const res = await get(vkLiaison, list, listTag)
      return res.statusCode === 200 && res
    })
    t.not(changed.headers.etag, listTag)
    t.ok(changed.json().data.some((n: { id: string }) => n.id === byPlatform(added, 'vk').id), 'the new notice is listed')
    t.equal((await get(vkLiaison, '/v1/events?after=0', feedTag)).statusCode, 200, 'the feed moved too')
  })
})
