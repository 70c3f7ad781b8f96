// A notice's letters speak one language each: the issuer's name, the signatory and the legal basis's citation are
// in the letter's language, and the citations are kept per language in the catalogue.
import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { LEGAL_BASES } from '../../src/domain/notices/legal-bases.ts'

const squash = (s: string): string => s.replace(/\s+/g, ' ')

t.test('letters', async (t) => {
  const ctx = await build(t, {
    ISSUER_NAME: 'Ministry of Information',
    ISSUER_NAME_RU: 'Министерство информации',
    ISSUER_NAME_KK: 'Ақпарат министрлігі',
    SIGNATORY_NAME: 'A. Seitkali',
    SIGNATORY_POSITION: 'Director of the Department',
    SIGNATORY_POSITION_RU: 'Директор департамента',
    SIGNATORY_POSITION_KK: 'Департамент директоры'
  })
  const { authority, liaison } = await actors(ctx, 'telegram')
  const basis = LEGAL_BASES.find((b) => b.id === 'kz-online-platforms-9')!

  t.test('each language version names the issuer, signatory and citation in that language only', async (t) => {
    const notice = await issueNotice(ctx, authority, ['https://t.me/letters_channel/1'])
    const expected = {
      en: ['Ministry of Information', 'Director of the Department', basis.citations.en],
      ru: ['Министерство информации', 'Директор департамента', basis.citations.ru],
      kk: ['Ақпарат министрлігі', 'Департамент директоры', basis.citations.kk]
    } as const
    for (const lang of ['en', 'ru', 'kk'] as const) {
      const res = await ctx.call(liaison.telegram, { method: 'GET', url: `/v1/notices/${notice.id}/document?format=text&lang=${lang}` })
      t.equal(res.statusCode, 200)
      const text = squash(res.body)
      for (const wanted of expected[lang]) t.match(text, squash(wanted), `${lang}: ${wanted}`)
      t.match(text, 'A. Seitkali')
      if (lang !== 'en') {
        t.notMatch(text, 'Ministry of Information', `${lang}: no English issuer name`)
        t.notMatch(text, squash(basis.citation), `${lang}: no English citation`)
      }
    }
  })

  t.test('the catalogue keeps a citation per language, and gives the one citation where none were', async (t) => {
    const got = await ctx.call(liaison.telegram, { method: 'GET', url: `/v1/legal-bases/${basis.id}` })
    t.same(got.json().citations, basis.citations)
    const plain = await ctx.call(ctx.adminKey, {
      method: 'POST',
      url: '/v1/legal-bases',
      payload: { id: 'kz-test-plain', citation: 'Act 1, Article 2', title: { kk: 'т', ru: 'т', en: 't' }, text: { kk: 'м', ru: 'т', en: 't' } }
    })
    t.equal(plain.statusCode, 201)
    t.same(plain.json().citations, { kk: 'Act 1, Article 2', ru: 'Act 1, Article 2', en: 'Act 1, Article 2' })
    const edited = await ctx.call(ctx.adminKey, {
      method: 'PATCH',
      url: '/v1/legal-bases/kz-test-plain',
      payload: { citations: { kk: '1-акт, 2-бап', ru: 'Акт 1, статья 2', en: 'Act 1, Article 2' } }
    })
    t.equal(edited.statusCode, 200)
    t.equal(edited.json().citations.kk, '1-акт, 2-бап')
    const notice = await issueNotice(ctx, authority, ['https://t.me/letters_channel/2'], { legalBasis: 'kz-test-plain' })
    const kk = await ctx.call(liaison.telegram, { method: 'GET', url: `/v1/notices/${notice.id}/document?format=text&lang=kk` })
    t.match(squash(kk.body), '1-акт, 2-бап')
  })
})
