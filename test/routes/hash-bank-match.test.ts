import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { flipBits, removedNotice, vector } from '../helpers/hash-bank.ts'
import { hammingDistance } from '../../src/domain/matching/pdq.ts'

const SHA = 'ab'.repeat(32)
const MD5 = 'cd'.repeat(16)
const ORIGINAL = vector('dih/bridge-1-original.jpg')
const MIRRORED = vector('dih/bridge-5-flipx.jpg')
const UNRELATED = vector('pen-and-coaster.png')

t.test('hash-bank match', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { telegram, tiktok } } = await actors(ctx, 'telegram', 'tiktok')
  const banked = await removedNotice(ctx, authority, { hashes: { sha256: SHA.toUpperCase(), md5: MD5, pdq: ORIGINAL.pdq } })
  const match = (key: string | null, hashes: unknown[]) => call(key, { method: 'POST', url: '/v1/hash-bank/match', payload: { hashes } })

  t.test('a removed notice banks its items\' sha256, md5 and pdq', async (t) => {
    t.equal(banked.added, 3)
  })

  t.test('exact kinds match by value, in lower case, with the notice that banked them', async (t) => {
    const res = await match(authority, [{ type: 'sha256', value: SHA.toUpperCase() }, { type: 'md5', value: MD5 }, { type: 'md5', value: 'ee'.repeat(16) }])
    t.equal(res.statusCode, 200, res.body)
    const { results } = res.json()
    t.equal(results.length, 3)
    t.match(results[0], { type: 'sha256', value: SHA, matches: [{ kind: 'sha256', distance: 0, orientation: null, category: 'terrorism', source: 'notice', notice: { id: banked.noticeId, referenceNumber: banked.referenceNumber } }] })
    t.match(results[1], { type: 'md5', matches: [{ kind: 'md5', distance: 0 }] })
    t.same(results[2].matches, [], 'an unknown hash matches nothing')
    t.notOk('skipped' in results[2])
  })

  t.test('a near-duplicate PDQ (a few bits flipped) matches at its distance', async (t) => {
    const near = flipBits(ORIGINAL.pdq, [0, 17, 100, 200, 255])
    const res = await match(authority, [{ type: 'pdq', value: near }, { type: 'pdq', value: flipBits(ORIGINAL.pdq, Array.from({ length: 40 }, (_, i) => i * 6)) }])
    const [hit, far] = res.json().results
    t.match(hit.matches, [{ kind: 'pdq', distance: 5, orientation: 'original', notice: { referenceNumber: banked.referenceNumber } }])
    t.same(far.matches, [], '40 bits away is beyond the threshold of 31')
  })

  t.test('a mirrored re-upload matches through an orientation', async (t) => {
    t.ok(hammingDistance(MIRRORED.pdq, ORIGINAL.pdq) > 31, 'the mirror is far from the original as such')
    const res = await match(tiktok, [{ type: 'pdq', value: MIRRORED.pdq }])
    const [result] = res.json().results
    t.equal(result.matches.length, 1)
    t.match(result.matches[0], { kind: 'pdq', orientation: 'flipX', entryId: String })
    t.ok(result.matches[0].distance <= 31)
  })

  t.test('an unrelated image matches nothing', async (t) => {
    const res = await match(authority, [{ type: 'pdq', value: UNRELATED.pdq, quality: 100 }])
    t.same(res.json().results[0].matches, [])
  })

  t.test('a PDQ with quality under 50 is skipped, not matched', async (t) => {
    const res = await match(authority, [{ type: 'pdq', value: ORIGINAL.pdq, quality: 49 }, { type: 'pdq', value: ORIGINAL.pdq, quality: 50 }, { type: 'pdq', value: ORIGINAL.pdq }])
    const [low, enough, unknown] = res.json().results
    t.same(low, { type: 'pdq', value: ORIGINAL.pdq, matches: [], skipped: 'low_quality' })
    t.equal(enough.matches.length, 1)
    t.equal(unknown.matches.length, 1, 'a hash given without quality is trusted')
  })

  t.test('provenance: a liaison sees the notice only for its own platform', async (t) => {
    const own = (await match(telegram, [{ type: 'sha256', value: SHA }])).json().results[0].matches[0]
    t.match(own, { notice: { id: banked.noticeId, referenceNumber: banked.referenceNumber } })
    const other = (await match(tiktok, [{ type: 'sha256', value: SHA }])).json().results[0].matches[0]
    t.equal(other.notice, null, 'another platform\'s notice is hidden')
    t.match(other, { category: 'terrorism', source: 'notice', distance: 0, entryId: own.entryId })
    const entry = await call(tiktok, { method: 'GET', url: `/v1/hash-bank/entries/${own.entryId}` })
    t.equal(entry.statusCode, 200)
    t.match(entry.json(), { notice: null, platform: null, noticeItemId: null, value: SHA })
    const mine = await call(telegram, { method: 'GET', url: `/v1/hash-bank/entries/${own.entryId}` })
    t.match(mine.json(), { notice: { id: banked.noticeId }, platform: 'telegram', noticeItemId: banked.itemId })
  })

  t.test('results come one per input, in order, duplicates included', async (t) => {
    const hashes = [{ type: 'md5', value: MD5 }, { type: 'sha256', value: SHA }, { type: 'md5', value: MD5 }]
    const { results } = (await match(authority, hashes)).json()
    t.same(results.map((r: { type: string }) => r.type), ['md5', 'sha256', 'md5'])
    t.equal(results[2].matches.length, 1)
  })

  t.test('malformed values are a 422 naming each; schema violations are 400', async (t) => {
    const res = await match(authority, [{ type: 'sha256', value: 'abc' }, { type: 'md5', value: 'zz'.repeat(16) }, { type: 'sha256', value: SHA, quality: 80 }])
    t.equal(res.statusCode, 422)
    t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8')
    t.same(res.json().errors.map((e: { pointer: string }) => e.pointer), ['/hashes/0/value', '/hashes/1/value', '/hashes/2/quality'])
    const cases: Array<[string, unknown]> = [
      ['unknown field', { hashes: [{ type: 'md5', value: MD5, note: 'x' }] }],
      ['unknown type', { hashes: [{ type: 'sha1', value: MD5 }] }],
      ['number value', { hashes: [{ type: 'md5', value: 12 }] }],
      ['empty batch', { hashes: [] }],
      ['more than 1000', { hashes: Array.from({ length: 1001 }, () => ({ type: 'md5', value: MD5 })) }],
      ['unknown top-level field', { hashes: [{ type: 'md5', value: MD5 }], extra: true }]
    ]
    for (const [name, payload] of cases) {
      const r = await call(authority, { method: 'POST', url: '/v1/hash-bank/match', payload: payload as object })
      t.equal(r.statusCode, 400, name)
    }
  })

  t.test('a full batch of 1000 is answered', async (t) => {
    const hashes = Array.from({ length: 1000 }, (_, i) => i % 2 === 0 ? { type: 'md5', value: MD5 } : { type: 'pdq', value: flipBits(ORIGINAL.pdq, [i % 256]) })
    const res = await match(authority, hashes)
    t.equal(res.statusCode, 200)
    t.ok(res.json().results.every((r: { matches: unknown[] }) => r.matches.length === 1))
  })

  t.test('security: no key 401, auditors and admins may not match', async (t) => {
    t.equal((await match(null, [{ type: 'md5', value: MD5 }])).statusCode, 401)
    t.equal((await match(auditor, [{ type: 'md5', value: MD5 }])).statusCode, 403)
    t.equal((await match(ctx.adminKey, [{ type: 'md5', value: MD5 }])).statusCode, 403)
    t.equal((await call(null, { method: 'GET', url: '/v1/hash-bank/entries/00000000-0000-4000-8000-000000000000' })).statusCode, 401)
    t.equal((await call(auditor, { method: 'GET', url: '/v1/hash-bank/entries/00000000-0000-4000-8000-000000000000' })).statusCode, 404)
  })
})
