// Measures how many notice renderings per second each format (text, HTML, PDF) sustains, for a small and a large
// notice; the baseline, in the same run, is bare pdfkit writing the same notice's lines one after another with the
// same embedded fonts and no layout (the PDF engine's own cost, which no letter can go under).
// Goals (exit code 1 on a miss): the 200-item notice renders in under 10 ms as text or HTML and under 500 ms as a PDF
// letter, and the letter keeps at least 0.33x the baseline's renders a second for each notice (its layout costs at
// most twice what the engine spends writing the same lines).
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import PDFDocument from 'pdfkit'
import { renderHtml } from '../src/render/html.ts'
import type { NoticeDocument } from '../src/domain/notices/notice-document.ts'
import { renderPdf } from '../src/render/pdf.ts'
import { renderText } from '../src/render/text.ts'
import { goal, verdict } from './goal.ts'

const DURATION_MS = Number(process.argv[2] ?? 2000)
const LARGE_MS_GOAL: Record<string, number> = { text: 10, html: 10, pdf: 500 }
const PDF_RATIO_GOAL = 0.33

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

// The baseline's fonts, parsed once as the letter's are (src/render/pdf.ts), from pdfkit's own fontkit.
const require = createRequire(import.meta.url)
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create: (data: Buffer) => unknown }
const dejavu = fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))) as Buffer
const dejavuBold = fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))) as Buffer

/** Every string of the document, in order: what the baseline writes. */
function linesOf (doc: NoticeDocument): string[] {
  const lines = [doc.title, ...doc.letterhead]
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph' || block.kind === 'heading') lines.push(block.text)
    else if (block.kind === 'fields') for (const row of block.rows) lines.push(`${row.label}: ${row.value}`)
    else if (block.kind === 'table') for (const row of [block.columns, ...block.rows]) lines.push(row.join('  '))
    else if (block.kind === 'list') lines.push(...block.items)
  }
  return lines
}

async function barePdf (lines: string[]): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', font: dejavu as unknown as string })
  pdf.registerFont('bold', dejavuBold as unknown as string)
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))))
  pdf.font('bold').fontSize(12).text(lines[0])
  pdf.font(dejavu as unknown as string).fontSize(10)
  for (const line of lines.slice(1)) pdf.text(line)
  pdf.end()
  return await done
}

const rows: Array<Record<string, string>> = []
const perSecond = new Map<string, number>()
for (const items of [5, 200]) {
  const doc = notice(items)
  const lines = linesOf(doc)
  const formats: Array<[string, () => unknown]> = [
    ['baseline: bare pdfkit', async () => await barePdf(lines)],
    ['text', () => renderText(doc)],
    ['html', () => renderHtml(doc)],
    ['pdf', async () => await renderPdf(doc)]
  ]
  for (const [format, render] of formats) {
    const measured = await measure(render)
    perSecond.set(`${items} ${format}`, measured.perSecond)
    rows.push({ items: String(items), format, 'renders/s': measured.perSecond.toFixed(measured.perSecond < 100 ? 1 : 0), 'ms/render': (1000 / measured.perSecond).toFixed(2), bytes: String(measured.bytes) })
  }
}
console.table(rows)
for (const format of ['text', 'html', 'pdf']) {
  const ms = 1000 / perSecond.get(`200 ${format}`)!
  goal(ms < LARGE_MS_GOAL[format], `${format}, 200 items: ${ms.toFixed(2)} ms a render (goal < ${LARGE_MS_GOAL[format]} ms)`)
}
for (const items of [5, 200]) {
  const ratio = perSecond.get(`${items} pdf`)! / perSecond.get(`${items} baseline: bare pdfkit`)!
  goal(ratio >= PDF_RATIO_GOAL, `pdf, ${items} items: ${ratio.toFixed(2)}x the baseline's renders a second (goal >= ${PDF_RATIO_GOAL}x)`)
}
console.log('(a shared machine: the rates move with its other work)')
verdict()
