// Measures how many notice renderings per second each format (text, HTML, PDF) sustains, for a small and a large notice.
import { renderHtml } from '../src/render/html.ts'
import type { NoticeDocument } from '../src/domain/notices/notice-document.ts'
import { renderPdf } from '../src/render/pdf.ts'
import { renderText } from '../src/render/text.ts'

const DURATION_MS = Number(process.argv[2] ?? 2000)

function notice (items: number): NoticeDocument {
  return {
    lang: 'kk',
    title: 'Removal notice KZ-2026-TG-000123',
    letterhead: ['Қазақстан Республикасы Мәдениет және ақпарат министрлігі', 'Астана, Мәңгілік Ел, 8', 'notices@example.kz'],
    blocks: [
      { kind: 'paragraph', text: 'Құзыретті орган әлеуметтік желідегі заңсыз ақпаратты өшіруді талап етеді; ұсыныс үшін ғана, һәм оның іс нөмірі көрсетілген.' },
      {
        kind: 'fields',
        rows: [
          { label: 'Reference number', value: 'KZ-2026-TG-000123' },
          { label: 'Addressee', value: 'Telegram FZ-LLC, legal representative in Kazakhstan' },
          { label: 'Issued at', value: '2026-03-01 10:00 (UTC+5)' },
          { label: 'Deadline', value: '2026-03-02 10:00 (UTC+5)' },
          { label: 'Category', value: 'terrorism' },
          { label: 'Legal basis', value: 'Law of the Republic of Kazakhstan "On Mass Media", Art. 41-1' },
          { label: 'Territorial scope', value: 'Republic of Kazakhstan' }
        ]
      },
      { kind: 'heading', text: 'Statement of reasons' },
      { kind: 'paragraph', text: 'The material calls for violence against a group of persons and glorifies terrorist acts. '.repeat(4) },
      { kind: 'heading', text: 'Items' },
      {
        kind: 'table',
        columns: ['#', 'URL', 'Type', 'Identifiers'],
        rows: Array.from({ length: items }, (_, i) =>
          [String(i + 1), `https://t.me/kz_channel_${i + 1}/${1000 + i}`, 'video', `channel kz_channel_${i + 1}, message ${1000 + i}`])
      },
      { kind: 'heading', text: 'Redress' },
      { kind: 'list', ordered: true, items: ['Contest within 10 days at the issuing authority.', 'Then before the court.'] }
    ],
    signature: { label: 'Электрондық қолтаңба', algorithm: 'Ed25519', keyId: 'notice-2026-01', fingerprint: 'SHA256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    pageLabel: (page, pages) => `Бет ${page} / ${pages}`,
    issuedAt: new Date('2026-03-01T05:00:00Z')
  }
}

async function measure (render: () => unknown): Promise<{ perSecond: number, bytes: number }> {
  const first = await render()
  for (let i = 0; i < 3; i++) await render()
  let runs = 0
  const start = performance.now()
  while (performance.now() - start < DURATION_MS) {
    await render()
    runs++
  }
  const bytes = typeof first === 'string' ? Buffer.byteLength(first) : (first as Buffer).length
  return { perSecond: runs / ((performance.now() - start) / 1000), bytes }
}

const rows: Array<Record<string, string>> = []
for (const items of [5, 200]) {
  const doc = notice(items)
  const formats: Array<[string, () => unknown]> = [
    ['text', () => renderText(doc)],
    ['html', () => renderHtml(doc)],
    ['pdf', async () => await renderPdf(doc)]
  ]
  for (const [format, render] of formats) {
    const { perSecond, bytes } = await measure(render)
    rows.push({ items: String(items), format, 'renders/s': perSecond.toFixed(perSecond < 100 ? 1 : 0), 'ms/render': (1000 / perSecond).toFixed(2), bytes: String(bytes) })
  }
}
console.table(rows)
