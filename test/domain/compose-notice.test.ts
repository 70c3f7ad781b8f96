// Checks the composed removal notices: golden renderings per platform and language, mandatory fields, templates.
// The golden files under test/golden/notices/ are what a platform receives. After an intended change of wording or
// layout, regenerate them with `UPDATE_GOLDEN=1 npx tap test/domain/compose-notice.test.ts`, then read the diff.
// Under CI (CI set, as CI services set it) UPDATE_GOLDEN is refused: rewriting before comparing passes whatever changed.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { composeNoticeDocument, formatTimestamp } from '../../src/domain/notices/compose-notice.ts'
import { NOTICE_LANGS, type NoticeContent, type NoticeLang } from '../../src/domain/notices/notice-content.ts'
import { ITEM_PATTERNS, LETTERS, nameItem, placeholdersOf, plural } from '../../src/domain/notices/notice-templates/index.ts'
import { PLATFORMS } from '../../src/domain/platforms.ts'
import { CATEGORIES, CONTENT_TYPES, URGENCIES } from '../../src/domain/vocabulary.ts'
import { escapeHtml, renderHtml } from '../../src/render/html.ts'
import { RENDERER_VERSION, renderNotice } from '../../src/render/notice.ts'
import { renderText } from '../../src/render/text.ts'
import { NOTICES, SIGNATURE, TELEGRAM_NOTICE } from '../fixtures/notices.ts'
import { HOSTILE } from '../helpers/hostile-text.ts'

const run = promisify(execFile)
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'golden', 'notices')
/** Whether to rewrite the golden files: only on request, and never under CI, where the rewrite would hide a change. */
function goldenUpdate (env: Record<string, string | undefined>): { update: boolean, refused: boolean } {
  const asked = env.UPDATE_GOLDEN !== undefined && env.UPDATE_GOLDEN !== '' && env.UPDATE_GOLDEN !== '0'
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false'
  return { update: asked && !ci, refused: asked && ci }
}
const { update: UPDATE, refused: REFUSED } = goldenUpdate(process.env)
const squash = (s: string): string => s.replace(/\s+/g, ' ')

function renderings (content: NoticeContent, lang: NoticeLang): { txt: string, html: string } {
  const doc = composeNoticeDocument(content, lang, SIGNATURE)
  return { txt: renderText(doc), html: renderHtml(doc) }
}

t.test('UPDATE_GOLDEN is refused under CI', async (t) => {
  t.same(goldenUpdate({ UPDATE_GOLDEN: '1', CI: 'true' }), { update: false, refused: true })
  t.same(goldenUpdate({ UPDATE_GOLDEN: '1', CI: '1' }), { update: false, refused: true })
  t.same(goldenUpdate({ UPDATE_GOLDEN: '1' }), { update: true, refused: false })
  t.same(goldenUpdate({ UPDATE_GOLDEN: '1', CI: 'false' }), { update: true, refused: false })
  t.same(goldenUpdate({ CI: 'true' }), { update: false, refused: false })
  t.notOk(REFUSED, 'UPDATE_GOLDEN=1 under CI: the golden files are compared, not rewritten; regenerate them outside CI')
})

t.test('text and HTML renderings match the golden files', async (t) => {
  if (UPDATE) await mkdir(GOLDEN, { recursive: true })
  for (const [platform, content] of NOTICES) {
    for (const lang of NOTICE_LANGS) {
      for (const [ext, body] of Object.entries(renderings(content, lang))) {
        const file = join(GOLDEN, `${platform}.${lang}.${ext}`)
        if (UPDATE) await writeFile(file, body)
        const golden = await readFile(file, 'utf8').catch(() => null)
        t.equal(body, golden, `${platform}.${lang}.${ext} (UPDATE_GOLDEN=1 regenerates it)`)
      }
    }
  }
})

// Every value the product requires a notice to carry, as it must appear in a rendering in that language.
function mandatoryValues (c: NoticeContent, lang: NoticeLang): string[] {
  const l = LETTERS[lang]
  const rep = c.addressee.legalRepresentative
  return [
    c.issuer.name, c.issuer.contactPoint, c.referenceNumber,
    c.addressee.platformName, c.addressee.legalEntity.name, c.addressee.legalEntity.address,
    ...(rep === null ? [l.noRepresentative] : [rep.name, rep.email]),
    formatTimestamp(c.issuedAt, lang), formatTimestamp(c.deadline, lang), l.urgencies[c.urgency],
    l.categories[c.category], c.dsa.category, ...(c.dsa.keyword === null ? [] : [c.dsa.keyword]),
    c.legalBasis.citation, c.legalBasis.title[lang], c.statementOfReasons,
    ...c.territorialScope.map((code) => l.countries[code] ?? code),
    ...c.items.flatMap((i) => [i.canonicalUrl, l.contentTypes[i.contentType], ...i.reuploadOf]),
    `${c.redress.deadlineDays} ${plural(lang, c.redress.deadlineDays, l.days)}`,
    `${c.preservation.periodMonths} ${plural(lang, c.preservation.periodMonths, l.months)}`,
    ...c.languages.map((code) => l.languageNames[code]),
    SIGNATURE.fingerprint, SIGNATURE.keyId, l.signature
  ]
}

t.test('every mandatory field appears in every language and format', async (t) => {
  for (const [platform, content] of NOTICES) {
    for (const lang of NOTICE_LANGS) {
      const { txt, html } = renderings(content, lang)
      for (const value of mandatoryValues(content, lang)) {
        t.ok(squash(txt).includes(squash(value)), `${platform}.${lang}.txt has ${value}`)
        t.ok(html.includes(escapeHtml(value)), `${platform}.${lang}.html has ${value}`)
      }
    }
  }
})

t.test('items are named in each platform\'s own terms', async (t) => {
  const expected: Record<string, Record<NoticeLang, string[]>> = {
    telegram: {
      en: ['Channel @sahra_media_kz, message No. 1842', 'Channel @sahra_media_kz, message No. 1857', 'Channel @sahra_media_kz, message No. 1901'],
      ru: ['Канал @sahra_media_kz, сообщение № 1842', 'Канал @sahra_media_kz, сообщение № 1857', 'Канал @sahra_media_kz, сообщение № 1901'],
      kk: ['@sahra_media_kz арнасы, № 1842 хабарлама', '@sahra_media_kz арнасы, № 1857 хабарлама', '@sahra_media_kz арнасы, № 1901 хабарлама']
    },
    tiktok: {
      en: ['Video 7312345678901234567', 'Share link ZMhvqK3aB', 'Video 7398765432109876543'],
      ru: ['Видео 7312345678901234567', 'Короткая ссылка ZMhvqK3aB', 'Видео 7398765432109876543'],
      kk: ['7312345678901234567 бейнесі', 'ZMhvqK3aB қысқа сілтемесі', '7398765432109876543 бейнесі']
    },
    vk: {
      en: ['Wall post -218456789_1534', 'Wall post -218456789_1561', 'Wall post -218456789_1602'],
      ru: ['Запись на стене -218456789_1534', 'Запись на стене -218456789_1561', 'Запись на стене -218456789_1602'],
      kk: ['-218456789_1534 қабырға жазбасы', '-218456789_1561 қабырға жазбасы', '-218456789_1602 қабырға жазбасы']
    }
  }
  for (const [platform, content] of NOTICES) {
    for (const lang of NOTICE_LANGS) {
      const doc = composeNoticeDocument(content, lang, SIGNATURE)
      const table = doc.blocks.find((b) => b.kind === 'table')
      t.same(table?.kind === 'table' ? table.rows.map((r) => r[1]) : null, expected[platform][lang], `${platform} ${lang}`)
      const { txt, html } = renderings(content, lang)
      for (const name of expected[platform][lang]) {
        t.ok(squash(txt).includes(name) && html.includes(escapeHtml(name)), `${platform}.${lang} renders ${name}`)
      }
    }
  }
})

t.test('an item no pattern fits is named by its canonical URL, and richer identifiers win', async (t) => {
  const url = 'https://t.me/+AbCdEfGhIjKl'
  t.equal(nameItem('en', 'telegram', { kind: 'message' }, url), `Material at ${url}`)
  t.equal(nameItem('kk', 'telegram', { kind: 'story' }, url), `${url} мекенжайындағы материал`)
  t.equal(nameItem('en', 'tiktok', { kind: 'video', videoId: '1', user: 'a' }, url), 'Video 1 by @a')
  t.equal(nameItem('ru', 'telegram', { channelId: '1770', message: '5' }, url), 'Закрытый канал 1770, сообщение № 5')
  t.equal(nameItem('en', 'vk', { kind: 'comment', ownerId: '-1', postId: '2', commentId: '3' }, url), 'Comment 3 on wall post -1_2')
})

t.test('timestamps read the same everywhere: UTC and Astana time, zero-padded', async (t) => {
  t.equal(formatTimestamp('2026-11-29T20:30:15Z', 'en'), '2026-11-29 20:30:15 UTC (2026-11-30 01:30:15 Astana time, UTC+5)')
  t.equal(formatTimestamp('2026-01-05T03:04:00+05:00', 'ru'), '2026-01-04 22:04 UTC (2026-01-05 03:04 по времени Астаны, UTC+5)')
  t.equal(formatTimestamp('2026-01-05T03:04:00Z', 'kk'), '2026-01-05 03:04 UTC (Астана уақытымен 2026-01-05 08:04, UTC+5)')
  t.throws(() => formatTimestamp('yesterday', 'en'))
})

t.test('counted periods agree with their numbers', async (t) => {
  const redress = (lang: NoticeLang, days: number): string => {
    const doc = composeNoticeDocument({ ...TELEGRAM_NOTICE, redress: { deadlineDays: days } }, lang, SIGNATURE)
    return squash(renderText(doc))
  }
  t.match(redress('ru', 1), /в течение 1 дня /)
  t.match(redress('ru', 3), /в течение 3 дней /)
  t.match(redress('ru', 21), /в течение 21 дня /)
  t.match(redress('en', 1), /within 1 day of/)
  t.match(redress('kk', 30), /30 күн ішінде/)
})

t.test('the salutation names the legal representative, or says there is none', async (t) => {
  const none = { ...TELEGRAM_NOTICE, addressee: { ...TELEGRAM_NOTICE.addressee, legalRepresentative: null } }
  for (const lang of NOTICE_LANGS) {
    t.ok(squash(renderings(TELEGRAM_NOTICE, lang).txt).includes('Telegram liaison (illustrative)'), lang)
    const txt = squash(renderings(none, lang).txt)
    t.ok(txt.includes(squash(LETTERS[lang].noRepresentative)), `${lang} says none is on record`)
    t.notOk(txt.includes('Telegram liaison'), lang)
  }
})

t.test('HTML escapes a hostile statement of reasons', async (t) => {
  const hostile = { ...TELEGRAM_NOTICE, statementOfReasons: '<script>alert("x")</script> & {issuer}' }
  for (const lang of NOTICE_LANGS) {
    const { html, txt } = renderings(hostile, lang)
    t.notOk(html.includes('<script>'), lang)
    t.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {issuer}'), lang)
    // Braces in content are never taken for template placeholders.
    t.ok(txt.includes('{issuer}'), lang)
  }
})

async function pdfText (pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'compose-notice-'))
  try {
    const file = join(dir, 'notice.pdf')
    await writeFile(file, pdf)
    const { stdout } = await run('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

t.test('Kazakh PDFs carry the reference, the citation, Kazakh letters, page labels and the fingerprint', async (t) => {
  for (const [platform, content] of NOTICES) {
    const rendered = await renderNotice(content, 'pdf', 'kk', SIGNATURE)
    t.equal(rendered.contentType, 'application/pdf')
    const text = squash(await pdfText(rendered.body as Buffer))
    t.ok(text.includes(content.referenceNumber), `${platform}: reference number`)
    t.ok(text.includes(squash(content.legalBasis.citation)), `${platform}: citation`)
    for (const letter of 'әғқңөұүһі') t.ok(text.includes(letter), `${platform}: letter ${letter}`)
    t.match(text, /Бет 1 \/ \d+/, `${platform}: page label`)
    t.ok(text.includes(SIGNATURE.fingerprint), `${platform}: fingerprint`)
  }
})

t.test('renderNotice answers each format with its media type, and PDFs are reproducible', async (t) => {
  const text = await renderNotice(TELEGRAM_NOTICE, 'text', 'ru', SIGNATURE)
  t.equal(text.contentType, 'text/plain; charset=utf-8')
  t.equal(text.body, renderings(TELEGRAM_NOTICE, 'ru').txt)
  const html = await renderNotice(TELEGRAM_NOTICE, 'html', 'en', SIGNATURE)
  t.equal(html.contentType, 'text/html; charset=utf-8')
  t.equal(html.body, renderings(TELEGRAM_NOTICE, 'en').html)
  const [a, b] = await Promise.all([1, 2].map(async () => await renderNotice(TELEGRAM_NOTICE, 'pdf', 'en', SIGNATURE)))
  t.ok(Buffer.isBuffer(a.body) && (a.body as Buffer).equals(b.body as Buffer), 'same content, same PDF bytes')
})

t.test('the templates cover every platform, kind, category, content type and urgency in every language', async (t) => {
  for (const lang of NOTICE_LANGS) {
    const l = LETTERS[lang]
    for (const c of CATEGORIES) t.ok(l.categories[c]?.trim(), `${lang} category ${c}`)
    for (const c of CONTENT_TYPES) t.ok(l.contentTypes[c]?.trim(), `${lang} content type ${c}`)
    for (const u of URGENCIES) t.ok(l.urgencies[u]?.trim(), `${lang} urgency ${u}`)
    for (const p of PLATFORMS) {
      const kinds = ITEM_PATTERNS[lang][p.slug]
      t.ok(Object.keys(kinds ?? {}).length > 0, `${lang} has item patterns for ${p.slug}`)
      // Same kinds and the same placeholders, pattern by pattern, as English: a translation may not drop an identifier.
      t.same(Object.keys(kinds), Object.keys(ITEM_PATTERNS.en[p.slug]), `${lang} ${p.slug} kinds`)
      for (const [kind, patterns] of Object.entries(kinds)) {
        const sets = (ps: readonly string[] | undefined): string[][] => (ps ?? []).map((x) => placeholdersOf(x).sort())
        t.same(sets(patterns), sets(ITEM_PATTERNS.en[p.slug][kind as keyof typeof kinds]), `${lang} ${p.slug} ${kind}`)
        for (const key of sets(patterns).flat()) t.ok(p.identifierKinds.includes(key), `${p.slug} has identifier ${key}`)
      }
    }
  }
})

t.test('every language fills the same placeholders in its letter, and Kazakh uses its own letters', async (t) => {
  const strings = (value: unknown, path = ''): Array<[string, string]> =>
    typeof value === 'string'
      ? [[path, value]]
      : Object.entries(value as object).flatMap(([k, v]) => strings(v, `${path}.${k}`))
  const en = new Map(strings(LETTERS.en))
  for (const lang of NOTICE_LANGS) {
    const own = strings(LETTERS[lang]).filter(([path]) => !/^\.(days|months)\./.test(path))
    for (const [path, text] of own) t.same(placeholdersOf(text).sort(), placeholdersOf(en.get(path) ?? '').sort(), `${lang}${path}`)
  }
  const kazakh = strings(LETTERS.kk).map(([, s]) => s).join(' ')
  for (const letter of 'әғқңөұүһі') t.ok(kazakh.includes(letter), `the Kazakh template uses ${letter}`)
})

t.test('each language names the issuer, the signatory and the citation in that language, and items their evidence', async (t) => {
  const content: NoticeContent = {
    ...TELEGRAM_NOTICE,
    issuer: {
      ...TELEGRAM_NOTICE.issuer,
      names: { en: 'Ministry of Information', ru: 'Министерство информации', kk: 'Ақпарат министрлігі' },
      signatory: { name: 'A. Seitkali', position: { en: 'Director of Department', ru: 'Директор департамента', kk: 'Департамент директоры' } }
    },
    legalBasis: {
      ...TELEGRAM_NOTICE.legalBasis,
      citations: { en: 'Law No. 18-VIII, Article 9', ru: 'Закон № 18-VIII, статья 9', kk: '№ 18-VIII Заң, 9-бап' }
    },
    items: TELEGRAM_NOTICE.items.map((item, i) => i === 0 ? { ...item, capturedAt: '2026-03-01T10:00:00.000Z', evidenceRef: 'EV-2026-0042' } : item)
  }
  const expected = {
    en: ['Ministry of Information', 'Director of Department', 'Law No. 18-VIII, Article 9'],
    ru: ['Министерство информации', 'Директор департамента', 'Закон № 18-VIII, статья 9'],
    kk: ['Ақпарат министрлігі', 'Департамент директоры', '№ 18-VIII Заң, 9-бап']
  }
  for (const lang of NOTICE_LANGS) {
    const { txt } = renderings(content, lang)
    for (const text of expected[lang]) t.match(squash(txt), text, `${lang}: ${text}`)
    for (const other of NOTICE_LANGS.filter((l) => l !== lang)) {
      for (const text of expected[other]) if (!expected[lang].includes(text)) t.notMatch(txt, text, `${lang} carries no ${other} text: ${text}`)
    }
    t.match(txt, 'A. Seitkali')
    t.match(txt, 'EV-2026-0042', `${lang}: the evidence reference`)
    t.match(squash(txt), squash(formatTimestamp('2026-03-01T10:00:00.000Z', lang)), `${lang}: the capture time`)
  }
  // Notices issued before names and citations per language keep their one name and citation.
  t.match(squash(renderings(TELEGRAM_NOTICE, 'kk').txt), squash(TELEGRAM_NOTICE.issuer.name))
  t.match(squash(renderings(TELEGRAM_NOTICE, 'kk').txt), squash(TELEGRAM_NOTICE.legalBasis.citation))
})

/**
 * What every letter's bytes hash to under each renderer version. Letters are kept once rendered (notice_renderings)
 * and served under RENDERER_VERSION, so a change to any letter must come with a new version, or the letters kept
 * under the old one would still be served. The digest covers every fixture notice in every language and format,
 * and one whose statement of reasons holds every hostile string, in the form the renderers neutralise.
 */
const RENDERINGS_DIGEST: Record<number, string> = {
  2: '27737b5bcaaa991a853d80194326454807ddc0b9728dcce2ed7ff368513da7ac'
}

t.test('a change to any letter comes with a new RENDERER_VERSION', async (t) => {
  const hostile = { ...TELEGRAM_NOTICE, statementOfReasons: Object.values(HOSTILE).join(' | ') }
  const digest = createHash('sha256')
  for (const content of [...NOTICES.map(([, c]) => c), hostile]) {
    for (const lang of NOTICE_LANGS) {
      for (const format of ['text', 'html', 'pdf'] as const) digest.update((await renderNotice(content, format, lang, SIGNATURE)).body)
    }
  }
  t.equal(digest.digest('hex'), RENDERINGS_DIGEST[RENDERER_VERSION],
    'the letters changed: if on purpose, raise RENDERER_VERSION (src/render/notice.ts) and record the new digest for it here')
})
