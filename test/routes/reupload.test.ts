import t from 'tap'
import crypto from 'node:crypto'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, type ReportItem } from '../fixtures/reports.ts'
import { vector } from '../helpers/hash-bank.ts'
import { eventually } from '../helpers/eventually.ts'

const ORIGINAL = vector('bridge-mods/aaa-orig.jpg')
const RESIZED = vector('bridge-mods/shrink-a-lot.jpg')
const MIRRORED = vector('dih/bridge-5-flipx.jpg')

const report = (ref: string, items: ReportItem[]) => reportPayload(items, { externalRef: ref, statementOfReasons: 'Propaganda image.' })

t.test('re-upload detection end to end', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, liaison: { telegram } } = await actors(ctx, 'telegram')

  const first = await call(authority, {
    method: 'POST',
    url: '/v1/reports',
    payload: report('RE-1', [{ url: 'https://t.me/first_channel/10', contentType: 'image', hashes: { sha256: ORIGINAL.sha256, md5: ORIGINAL.md5, pdq: ORIGINAL.pdq } }])
  })
  t.equal(first.statusCode, 201)
  const firstNotice = first.json().notices[0]
  t.equal(first.json().items[0].reupload, null, 'nothing is known yet')

  t.test('a URL already under an open notice is a duplicate, not a new notice', async (t) => {
    const again = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('RE-2', [{ url: 'https://t.me/s/First_Channel/10?utm_source=x', contentType: 'image' }]) })
    t.equal(again.statusCode, 201)
    t.same(again.json().items[0].duplicateOf, { id: firstNotice.id, referenceNumber: firstNotice.referenceNumber })
    t.same(again.json().notices, [], 'no second notice for the same material')
    const stored = await call(authority, { method: 'GET', url: `/v1/reports/${again.json().id}` })
    t.same(stored.json().items[0].duplicateOf, again.json().items[0].duplicateOf)
  })

  t.test('once removed, the material\'s hashes are in the bank', async (t) => {
    const read = await call(telegram, { method: 'GET', url: `/v1/notices/${firstNotice.id}` })
    const removed = await call(telegram, { method: 'POST', url: `/v1/notices/${firstNotice.id}/transitions`, headers: { 'if-match': read.headers.etag as string }, payload: { action: 'remove' } })
    t.equal(removed.json().status, 'removed')
    const banked = await ctx.pool.query('select type from hash_bank_entries where notice_id = $1 order by type', [firstNotice.id])
    t.same(banked.rows.map((r: { type: string }) => r.type), ['md5', 'pdq', 'sha256'])
    // The index takes a commit once every older transaction of this database has ended (background work may hold
    // one briefly), so it may be a poll behind.
    const index = ctx.app.hashBankIndex
    await eventually(async () => { await index.refresh(); return index.size === 1 })
  })

  for (const [name, copy, kind] of [['re-encoded and resized', RESIZED, 'pdq'], ['mirrored', MIRRORED, 'pdq'], ['byte-identical', ORIGINAL, 'sha256']] as const) {
    t.test(`a ${name} re-upload elsewhere is flagged with the first notice's number and made urgent`, async (t) => {
      const res = await call(authority, {
        method: 'POST',
        url: '/v1/reports',
        payload: report(`RE-${name}`, [{ url: `https://t.me/other_channel/${name.length}`, contentType: 'image', hashes: kind === 'pdq' ? { pdq: copy.pdq } : { sha256: copy.sha256 } }])
      })
      t.equal(res.statusCode, 201)
      const item = res.json().items[0]
      t.ok(item.reupload, 'marked as a re-upload')
      t.match(item.reupload.matches, [{ kind, notice: { referenceNumber: firstNotice.referenceNumber } }])
      t.same(item.reupload.notices.map((n: { referenceNumber: string }) => n.referenceNumber), [firstNotice.referenceNumber])
      const notice = await call(authority, { method: 'GET', url: `/v1/notices/${res.json().notices[0].id}` })
      t.equal(notice.json().urgency, 'urgent')
      t.same(notice.json().reuploadOf, [firstNotice.referenceNumber])
      const text = await call(authority, { method: 'GET', url: `/v1/notices/${res.json().notices[0].id}/document?format=text&lang=en` })
      t.match(text.body, firstNotice.referenceNumber, 'the rendering cites the earlier notice')
    })
  }

  t.test('a notice to another platform cites the earlier removal without its number, everywhere the liaison looks', async (t) => {
    const vk = await ctx.clientKey('liaison', 'vk')
    const res = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: report('RE-cross-platform', [{ url: 'https://vk.com/wall-1_77', contentType: 'image', hashes: { sha256: ORIGINAL.sha256 } }])
    })
    t.equal(res.statusCode, 201, res.body)
    t.same(res.json().items[0].reupload.notices.map((n: { referenceNumber: string }) => n.referenceNumber), [firstNotice.referenceNumber],
      'the authority, in the report, sees which notice it was')
    const noticeId = res.json().notices[0].id as string
    const tg = firstNotice.referenceNumber as string
    const today = new Date().toISOString().slice(0, 10)

    const read = await call(vk, { method: 'GET', url: `/v1/notices/${noticeId}` })
    t.equal(read.statusCode, 200)
    t.equal(read.json().urgency, 'urgent', 'still urgent: the material is known')
    t.same(read.json().reuploadOf, [], 'no other platform\'s number in reuploadOf')
    t.same(read.json().items[0].removedElsewhere, [{ removedAt: today, category: 'terrorism' }], 'only when and what category')
    t.notMatch(read.body, tg, 'the notice as read')
    const list = await call(vk, { method: 'GET', url: '/v1/notices?platform=vk' })
    t.equal(list.statusCode, 200)
    t.notMatch(list.body, tg, 'the list')
    for (const format of ['json', 'text', 'html'] as const) {
      for (const lang of format === 'json' ? ['en'] : ['en', 'ru', 'kk']) {
        const doc = await call(vk, { method: 'GET', url: `/v1/notices/${noticeId}/document?format=${format}&lang=${lang}` })
        t.equal(doc.statusCode, 200)
        t.notMatch(doc.body, tg, `the ${format} document (${lang})`)
        if (format === 'text' && lang === 'en') t.match(doc.body, 'removed earlier from another platform', 'the rendering says it was removed before')
      }
    }
    const signature = await call(vk, { method: 'GET', url: `/v1/notices/${noticeId}/signature` })
    t.equal(signature.statusCode, 200)
    const [header, payload, sig] = (signature.json().jws as string).split('.')
    t.notMatch(Buffer.from(payload, 'base64url').toString(), tg, 'the signed payload')
    const { keys } = (await call(null, { method: 'GET', url: '/.well-known/jwks.json' })).json()
    const key = crypto.createPublicKey({ key: keys.find((k: { kid: string }) => k.kid === signature.json().keyId), format: 'jwk' })
    t.ok(crypto.verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(sig, 'base64url')), 'and its signature verifies')
    const now = await call(vk, { method: 'GET', url: `/v1/notices/${noticeId}` })
    const acknowledged = await call(vk, { method: 'POST', url: `/v1/notices/${noticeId}/transitions`, headers: { 'if-match': now.headers.etag as string }, payload: { action: 'acknowledge' } })
    t.equal(acknowledged.statusCode, 200, acknowledged.body)
    t.notMatch(acknowledged.body, tg, 'the transition answer')
    const events = await call(vk, { method: 'GET', url: '/v1/events?after=0&limit=500' })
    t.notMatch(events.body, tg, 'the feed')

    const match = await call(vk, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'sha256', value: ORIGINAL.sha256 }] } })
    t.equal(match.statusCode, 200)
    t.match(match.json().results[0].matches, [{ notice: null, category: 'terrorism' }], 'the match API agrees: removed before, no number')
    const entryId = match.json().results[0].matches[0].entryId as string
    const entry = await call(vk, { method: 'GET', url: `/v1/hash-bank/entries/${entryId}` })
    t.match(entry.json(), { notice: null, platform: null, category: 'terrorism' })
    t.notMatch(match.body + entry.body, tg, 'nor the bank')
    const own = await call(telegram, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes: [{ type: 'sha256', value: ORIGINAL.sha256 }] } })
    t.match(own.json().results[0].matches, [{ notice: { referenceNumber: tg } }], 'its own platform\'s liaison sees the number')
  })

  t.test('a notice to the same platform cites its earlier notice by number, to its liaison too', async (t) => {
    const res = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: report('RE-same-platform', [{ url: 'https://t.me/third_channel/5', contentType: 'image', hashes: { sha256: ORIGINAL.sha256 } }])
    })
    const noticeId = res.json().notices[0].id as string
    const read = await call(telegram, { method: 'GET', url: `/v1/notices/${noticeId}` })
    t.same(read.json().reuploadOf, [firstNotice.referenceNumber])
    t.same(read.json().items[0].removedElsewhere, [])
    const doc = await call(telegram, { method: 'GET', url: `/v1/notices/${noticeId}/document?format=text&lang=ru` })
    t.match(doc.body, firstNotice.referenceNumber)
  })

  t.test('the same URL reported after removal is a re-upload at the same place', async (t) => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('RE-same-url', [{ url: 'https://t.me/first_channel/10', contentType: 'image' }]) })
    const item = res.json().items[0]
    t.equal(item.duplicateOf, null)
    t.same(item.reupload.notices, [{ id: firstNotice.id, referenceNumber: firstNotice.referenceNumber }])
    t.equal(res.json().notices.length, 1)
  })

  t.test('unrelated material is not flagged', async (t) => {
    const other = vector('pen-and-coaster.png')
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report('RE-unrelated', [{ url: 'https://t.me/other_channel/999', contentType: 'image', hashes: { pdq: other.pdq, sha256: other.sha256 } }]) })
    t.equal(res.json().items[0].reupload, null)
  })

  t.test('statistics count re-uploads against the platform', async (t) => {
    const stats = await call(authority, { method: 'GET', url: '/v1/stats?platform=telegram' })
    t.equal(stats.statusCode, 200)
    const row = stats.json().platforms.find((p: { platform: string }) => p.platform === 'telegram')
    t.equal(row.reuploads, 5, 'resized, mirrored, identical, the same URL again, and identical material on its own platform again')
  })
})
