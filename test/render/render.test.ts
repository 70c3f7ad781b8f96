// Checks that the text, HTML and PDF renderings of a notice carry every piece of its content.
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { columns, fitColumns, wrap } from '../../src/render/document.ts'
import type { NoticeDocument } from '../../src/domain/notices/notice-document.ts'
import { renderHtml } from '../../src/render/html.ts'
import { renderPdf } from '../../src/render/pdf.ts'
import { renderText } from '../../src/render/text.ts'

const run = promisify(execFile)

const KAZAKH = 'Құзыретті орган әлеуметтік желідегі заңсыз ақпаратты өшіруді талап етеді; ұсыныс үшін ғана, һәм оның іс нөмірі көрсетілген.'
const KAZAKH_CAPITALS = 'ӘРІПТЕР: Ә Ғ Қ Ң Ө Ұ Ү Һ І'
const RUSSIAN = 'Уполномоченный орган требует удалить материалы, нарушающие законодательство Республики Казахстан.'
const FINGERPRINT = 'SHA256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
const HOSTILE = '<script>alert("x")</script> O\'Brien & Co'

const FIELDS = [
  { label: 'Reference number', value: 'KZ-2026-TG-000123' },
  { label: 'Addressee', value: 'Telegram FZ-LLC, legal representative in Kazakhstan' },
  { label: 'Issued at', value: '2026-03-01 10:00 (UTC+5)' },
  { label: 'Deadline', value: '2026-03-02 10:00 (UTC+5)' },
  { label: 'Category', value: 'terrorism' },
  { label: 'Contact point', value: HOSTILE }
]

function notice (items: number): NoticeDocument {
  return {
    lang: 'kk',
    title: 'Removal notice KZ-2026-TG-000123',
    letterhead: ['Ministry of Culture and Information of the Republic of Kazakhstan', 'Astana, Mangilik El 8'],
    blocks: [
      { kind: 'heading', text: KAZAKH_CAPITALS },
      { kind: 'paragraph', text: KAZAKH },
      { kind: 'paragraph', text: RUSSIAN },
      { kind: 'fields', rows: FIELDS },
      { kind: 'heading', text: 'Items' },
      {
        kind: 'table',
        columns: ['#', 'URL', 'Type', 'Identifiers'],
        rows: Array.from({ length: items }, (_, i) =>
          [String(i + 1), `https://t.me/kz_channel_${i + 1}/${1000 + i}`, 'video', `channel kz_channel_${i + 1}, message ${1000 + i}`])
      },
      { kind: 'heading', text: 'Redress' },
      { kind: 'list', ordered: true, items: ['Contest within 10 days at the issuing authority.', 'Then before the court.'] },
      { kind: 'list', ordered: false, items: ['Preserve the removed material for 6 months.'] }
    ],
    signature: { label: 'Электрондық қолтаңба', algorithm: 'Ed25519', keyId: 'notice-2026-01', fingerprint: FINGERPRINT },
    pageLabel: (page, pages) => `Бет ${page} / ${pages}`
  }
}

async function pdfText (pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'render-test-'))
  try {
    const file = join(dir, 'notice.pdf')
    await writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const squash = (s: string): string => s.replace(/\s+/g, ' ')

t.test('the Kazakh fixture exercises every Kazakh-specific letter', async (t) => {
  for (const letter of 'әғқңөұүһі') t.ok(KAZAKH.includes(letter), letter)
  for (const letter of 'ӘҒҚҢӨҰҮҺІ') t.ok(KAZAKH_CAPITALS.includes(letter), letter)
})

t.test('wrap keeps words whole unless told to break them', async (t) => {
  t.same(wrap('aa bb cc', 5, columns, false), ['aa bb', 'cc'])
  t.same(wrap('https://example.org/very/long', 10, columns, false), ['https://example.org/very/long'])
  const broken = wrap('https://example.org/very/long', 10, columns, true)
  t.equal(broken.join(''), 'https://example.org/very/long')
  t.ok(broken.every((l) => columns(l) <= 10))
  t.same(wrap('one\n\ntwo', 20, columns, false), ['one', '', 'two'])
  t.same(fitColumns([10, 10], 40), [20, 20])
  t.same(fitColumns([5, 100, 100], 105), [5, 50, 50])
})

t.test('text: carries every field, the content and the fingerprint, wrapped and aligned', async (t) => {
  const text = renderText(notice(5))
  for (const { label, value } of FIELDS) {
    t.ok(text.includes(`${label}:`), label)
    t.ok(text.includes(value), value)
  }
  t.ok(squash(text).includes(KAZAKH))
  t.ok(squash(text).includes(RUSSIAN))
  t.ok(text.includes(FINGERPRINT))
  t.ok(text.includes('Ed25519') && text.includes('notice-2026-01'))
  for (const line of text.split('\n')) {
    if (!line.includes('https://')) t.ok(columns(line) <= 78, `within 78 columns: ${line}`)
  }
  const starts = FIELDS.map(({ label, value }) => {
    const line = text.split('\n').find((l) => l.startsWith(`${label}:`)) ?? ''
    return line.indexOf(value.split(' ')[0])
  })
  t.equal(new Set(starts).size, 1, 'field values start in one column')
})

t.test('text: a table that fits is aligned, one too wide becomes records with whole URLs', async (t) => {
  const base = notice(0)
  const narrow = renderText({ ...base, blocks: [{ kind: 'table', columns: ['#', 'Status'], rows: [['1', 'removed'], ['22', 'overdue']] }] })
  t.match(narrow, /^# {3}Status\n-- {2}-+\n1 {3}removed\n22 {2}overdue$/m)
  const url = 'https://www.tiktok.com/@some_account_name/video/7345678901234567890?lang=kk'
  const wide = renderText({ ...base, blocks: [{ kind: 'table', columns: ['#', 'URL', 'Type'], rows: [['1', url, 'video'], ['2', url, 'account']] }] })
  t.match(wide, /^#: {5}1\nURL: {3}https:\/\/www\.tiktok\.com\S+\nType: {2}video\n\n#: {5}2\n/m)
  t.ok(wide.includes(`URL:   ${url}\n`), 'URL kept whole')
})

t.test('html: a standalone, escaped document that carries every value', async (t) => {
  const html = renderHtml(notice(5))
  t.ok(html.startsWith('<!DOCTYPE html>'))
  t.match(html, /<html lang="kk">/)
  t.match(html, /<meta charset="utf-8">/)
  t.notOk(html.includes('<script>'), 'no raw script tag')
  t.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co'))
  t.notMatch(html, /(src|href)=/, 'no external resources')
  for (const { label, value } of FIELDS.slice(0, -1)) {
    t.ok(html.includes(label), label)
    t.ok(html.includes(value), value)
  }
  t.ok(html.includes(KAZAKH) && html.includes(RUSSIAN) && html.includes(FINGERPRINT))
  t.ok(html.includes('https://t.me/kz_channel_5/1004'))
  for (const tag of ['html', 'head', 'body', 'main', 'table', 'thead', 'tbody', 'dl', 'ol', 'ul', 'footer']) {
    const open = html.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0
    const close = html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0
    t.equal(open, close, `<${tag}> balanced`)
  }
})

t.test('html: hostile text in the title, letterhead and labels is escaped too', async (t) => {
  const base = notice(1)
  const html = renderHtml({
    ...base,
    title: HOSTILE,
    letterhead: [HOSTILE],
    blocks: [{ kind: 'table', columns: [HOSTILE], rows: [[HOSTILE]] }, { kind: 'list', ordered: false, items: [HOSTILE] }],
    signature: { ...base.signature, label: HOSTILE, fingerprint: HOSTILE },
    pageLabel: (p, n) => `</style><script>${p}/${n}`
  })
  t.notOk(html.includes('<script>'))
  t.notOk(html.includes('</style><'))
  t.notOk(html.replace(/<style>[^]*<\/style>/, '').includes('O\'Brien'))
})

t.test('pdf: Kazakh, Russian, every field value, the fingerprint and the page label', async (t) => {
  const pdf = await renderPdf(notice(5))
  t.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
  const text = await pdfText(pdf)
  t.ok(squash(text).includes(KAZAKH), 'Kazakh sentence')
  t.ok(text.includes(KAZAKH_CAPITALS), 'Kazakh capitals')
  t.ok(squash(text).includes(RUSSIAN), 'Russian sentence')
  for (const { label, value } of FIELDS) {
    t.ok(text.includes(label), label)
    t.ok(squash(text).includes(value), value)
  }
  t.ok(text.includes(FINGERPRINT))
  t.ok(text.includes('Электрондық қолтаңба (Ed25519, notice-2026-01)'))
  t.ok(text.includes('Бет 1 / 1'))
  t.ok(text.includes('https://t.me/kz_channel_5/1004'))
})

t.test('pdf: a 200-item table breaks across pages with a label and fingerprint on each', async (t) => {
  const text = await pdfText(await renderPdf(notice(200)))
  const pages = text.split('\f').filter((p) => p.trim() !== '')
  t.ok(pages.length >= 3, `${pages.length} pages`)
  pages.forEach((page, i) => {
    t.ok(page.includes(`Бет ${i + 1} / ${pages.length}`), `label on page ${i + 1}`)
    t.ok(page.includes(FINGERPRINT), `fingerprint on page ${i + 1}`)
    t.ok(page.includes('Identifiers'), `table header repeated on page ${i + 1}`)
  })
  for (let i = 1; i <= 200; i++) t.ok(text.includes(`https://t.me/kz_channel_${i}/${999 + i} `), `row ${i}`)
  t.ok(text.includes('Preserve the removed material for 6 months.'))
})

t.test('pdf: a cell taller than a page is split across pages, not lost', async (t) => {
  const base = notice(0)
  const long = Array.from({ length: 6000 }, (_, i) => `w${i}`).join(' ')
  const text = await pdfText(await renderPdf({ ...base, blocks: [{ kind: 'table', columns: ['A', 'B'], rows: [['x', long]] }] }))
  t.ok(text.split('\f').filter((p) => p.trim() !== '').length >= 2)
  for (const word of ['w0', 'w3000', 'w5999']) t.match(text, new RegExp(`\\b${word}\\b`), word)
})

t.test('pdf: the same document with an issue date renders to the same bytes', async (t) => {
  const issuedAt = new Date('2026-03-01T05:00:00Z')
  const a = await renderPdf({ ...notice(5), issuedAt })
  const b = await renderPdf({ ...notice(5), issuedAt })
  t.ok(a.equals(b), 'same bytes')
  t.ok(a.includes('D:20260301050000Z'), 'CreationDate is the issue date')
})

t.test('pdf: URLs are whole when copied and each is a link to itself', async (t) => {
  const urls = [
    'https://t.me/kz_channel/1842',
    'https://www.facebook.com/permalink.php?story_fbid=pfbid0123456789abcdefghijklmnopqrstuvwxyz&id=100064712345678',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&index=12'
  ]
  const base = notice(0)
  const doc: NoticeDocument = {
    ...base,
    blocks: [{
      kind: 'table',
      columns: ['#', 'Item', 'URL', 'Type', 'Re-upload of'],
      rows: urls.map((url, i) => [String(i + 1), `Post ${i + 1} of a channel with a rather long descriptive name`, url, 'Video', '—']),
      linkColumn: 2
    }]
  }
  const pdf = await renderPdf(doc)
  const lines = (await pdfText(pdf)).split('\n')
  for (const url of urls) {
    t.ok(lines.some((line) => line.includes(url)), `whole on one line: ${url}`)
    // pdfkit writes each link annotation's target as a PDF string; '&' and '?' need no escaping there.
    t.ok(pdf.includes(`/URI (${url})`), `a link annotation: ${url}`)
  }
  t.notOk(pdf.includes('/URI (Video)'), 'only the URL column links')
})
