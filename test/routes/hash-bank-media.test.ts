import t from 'tap'
import sharp from 'sharp'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { removedNotice, vector, vectorBytes } from '../helpers/hash-bank.ts'
import { eventually } from '../helpers/eventually.ts'
import { HashBankIndex } from '../../src/hash-bank/index-service.ts'
import { matchHashes } from '../../src/use-cases/hash-bank/match.ts'
import { hashMedia } from '../../src/media/decode-image.ts'

const ORIGINAL = 'dih/bridge-1-original.jpg'

async function cropBorders (bytes: Buffer, fraction: number): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(bytes).metadata()
  const dx = Math.round(width * fraction)
  const dy = Math.round(height * fraction)
  return sharp(bytes).extract({ left: dx, top: dy, width: width - 2 * dx, height: height - 2 * dy }).jpeg({ quality: 85 }).toBuffer()
}

t.test('media hashing and banked media', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram: liaison } } = await actors(ctx, 'telegram')
  const hashes = (key: string | null, body: Buffer | string, contentType: string) =>
    call(key, { method: 'POST', url: '/v1/media/hashes', headers: { 'content-type': contentType }, payload: body })

  t.test('a PNG vector hashes exactly as the reference', async (t) => {
    for (const file of ['pen-and-coaster.png', 'misc/c.png']) {
      const expected = vector(file)
      const res = await hashes(liaison, vectorBytes(file), 'image/png')
      t.equal(res.statusCode, 200, res.body)
      t.same(res.json(), { sha256: expected.sha256, md5: expected.md5, pdq: { hash: expected.pdq, quality: expected.quality } }, file)
    }
  })

  t.test('not an image: 415; a damaged one: 422; too large: 413', async (t) => {
    const text = await hashes(authority, 'just some text', 'text/plain')
    t.equal(text.statusCode, 415)
    t.equal(text.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.equal((await hashes(authority, '{"a":1}', 'application/json')).statusCode, 415)
    t.equal((await hashes(authority, 'plain words', 'image/png')).statusCode, 415, 'declared an image, but is not one')
    t.equal((await hashes(authority, Buffer.from('<svg/>'), 'image/svg+xml')).statusCode, 415)
    const jpeg = vectorBytes(ORIGINAL)
    const truncated = await hashes(authority, jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg')
    t.equal(truncated.statusCode, 422, truncated.body)
    const large = await hashes(authority, Buffer.alloc(20 * 1024 * 1024 + 1), 'image/png')
    t.equal(large.statusCode, 413)
    t.equal(large.headers['content-type'], 'application/problem+json; charset=utf-8')
  })

  t.test('security: no key 401; auditors and admins may not hash media', async (t) => {
    const png = vectorBytes('pen-and-coaster.png')
    t.equal((await hashes(null, png, 'image/png')).statusCode, 401)
    t.equal((await hashes(auditor, png, 'image/png')).statusCode, 403)
    t.equal((await hashes(ctx.adminKey, png, 'image/png')).statusCode, 403)
  })

  t.test('a cropped re-upload matches once the removed image is banked with its crops', async (t) => {
    const original = vector(ORIGINAL)
    const notice = await removedNotice(ctx, authority, { hashes: { sha256: original.sha256, pdq: original.pdq } })
    const cropped = await hashes(liaison, await cropBorders(vectorBytes(ORIGINAL), 0.05), 'image/jpeg')
    const query = { hashes: [{ type: 'pdq', value: cropped.json().pdq.hash, quality: cropped.json().pdq.quality }] }
    const before = await call(liaison, { method: 'POST', url: '/v1/hash-bank/match', payload: query })
    t.same(before.json().results[0].matches, [], 'PDQ alone misses a 5% crop')

    const banked = await call(authority, {
      method: 'POST',
      url: `/v1/hash-bank/media?noticeId=${notice.noticeId}&itemId=${notice.itemId}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: vectorBytes(ORIGINAL)
    })
    t.equal(banked.statusCode, 201, banked.body)
    const body = banked.json()
    t.match(body, { sha256: original.sha256, md5: original.md5, noticeId: notice.noticeId, itemId: notice.itemId })
    t.same(body.crops.map((c: { percent: number }) => c.percent), [96, 92, 90, 88, 84, 80, 75, 70])
    t.same(body.entries.map((e: { type: string, labels: string[] }) => `${e.type}:${e.labels.join(',')}`).sort(),
      ['md5:', 'pdq:', ...[70, 75, 80, 84, 88, 90, 92, 96].map((p) => `pdq:crop:${p}`), 'sha256:'], 'digests, PDQ and eight crops; the report\'s own hashes deduplicated')

    // PDQ additions reach the in-memory index by its poll (at once unless an older transaction is still open).
    const after = await eventually(async () => {
      const res = await call(liaison, { method: 'POST', url: '/v1/hash-bank/match', payload: query })
      return res.json().results[0].matches.length > 0 && res
    })
    const [hit] = after.json().results[0].matches
    t.match(hit, { kind: 'pdq', labels: [/^crop:/], notice: { id: notice.noticeId } })
    t.ok(hit.distance <= 31)

    const again = await call(authority, { method: 'POST', url: `/v1/hash-bank/media?noticeId=${notice.noticeId}&itemId=${notice.itemId}`, headers: { 'content-type': 'image/jpeg' }, payload: vectorBytes(ORIGINAL) })
    t.equal(again.statusCode, 201)
    t.equal(again.json().entries.length, 11, 'banking the same image again adds nothing')
  })

  t.test('banking media takes an Idempotency-Key: a retry replays, another image under the same key is 422', async (t) => {
    const notice = await removedNotice(ctx, authority, { hashes: { sha256: vector(ORIGINAL).sha256 } })
    const bankIt = (bytes: Buffer) => call(authority, {
      method: 'POST',
      url: `/v1/hash-bank/media?noticeId=${notice.noticeId}`,
      headers: { 'content-type': 'image/jpeg', 'idempotency-key': `bank-${notice.noticeId}` },
      payload: bytes
    })
    const first = await bankIt(vectorBytes(ORIGINAL))
    t.equal(first.statusCode, 201, first.body)
    const retry = await bankIt(vectorBytes(ORIGINAL))
    t.equal(retry.statusCode, 201)
    t.equal(retry.headers['idempotent-replayed'], 'true')
    t.same(retry.json(), first.json())
    const other = await bankIt(await cropBorders(vectorBytes(ORIGINAL), 0.1))
    t.equal(other.statusCode, 422, 'different bytes under the same key')
  })

  t.test('media-derived variants match a mirrored re-upload exactly through its orientation', async (t) => {
    const bank = new HashBankIndex(ctx.db, { pollIntervalMs: 60_000 })
    t.teardown(() => bank.close())
    const mirrored = await hashMedia(vectorBytes('dih/bridge-5-flipx.jpg'))
    const [result] = await matchHashes(bank, ctx.db, [{ type: 'pdq', value: mirrored.pdq.hash, quality: mirrored.pdq.quality, variants: mirrored.variants }], { role: 'authority', platform: null })
    const best = result.matches[0]
    t.match(best, { orientation: 'flipX' })
    t.ok(best.distance <= 16, `distance ${best.distance}, well within 31`)
  })

  t.test('banking media: unknown notice 404, item of another notice 422, notice not removed 409, liaisons 403', async (t) => {
    const png = vectorBytes('pen-and-coaster.png')
    const post = (key: string, query: string) => call(key, { method: 'POST', url: `/v1/hash-bank/media?${query}`, headers: { 'content-type': 'image/png' }, payload: png })
    t.equal((await post(authority, 'noticeId=00000000-0000-4000-8000-000000000000')).statusCode, 404)
    const open = await removedNotice(ctx, authority, { status: 'issued', bank: false })
    const other = await removedNotice(ctx, authority, {})
    t.equal((await post(authority, `noticeId=${other.noticeId}&itemId=${open.itemId}`)).statusCode, 422)
    const refused = await post(authority, `noticeId=${open.noticeId}`)
    t.equal(refused.statusCode, 409)
    t.equal((await post(liaison, `noticeId=${other.noticeId}`)).statusCode, 403)
    const whole = await post(authority, `noticeId=${other.noticeId}`)
    t.equal(whole.statusCode, 201)
    t.equal(whole.json().itemId, null)
    const count = await ctx.pool.query('select count(*)::int as n from hash_bank_entries where notice_id = $1', [open.noticeId])
    t.equal(count.rows[0].n, 0, 'nothing banked for a notice that is not removed')
  })
})
