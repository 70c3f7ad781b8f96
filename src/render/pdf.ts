// Renders a notice document as a formal A4 PDF letter with DejaVu Sans embedded, so Kazakh and Russian text print.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { fitColumns, signatureLine, wrap } from './document.ts'
import type { Block, NoticeDocument } from '../domain/notices/notice-document.ts'
import { stripBidi } from '../lib/text-controls.ts'

const CM = 72 / 2.54
const MARGIN = 2 * CM
const FOOTER = 26 // room kept free above the bottom margin for the footer
const PAD = 3
const REGULAR = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
type Face = typeof REGULAR | typeof BOLD

// Parsing DejaVu's layout tables costs most of a small notice's rendering time, so the fonts are parsed once and the
// parsed fonts handed to every document (pdfkit accepts any object with fontkit's interface). fontkit is resolved
// from pdfkit's own location so that it is the very copy pdfkit itself uses.
// pdfkit's typings know only file names and buffers as font sources, hence the one cast below.
type ParsedFont = Buffer
let fonts: { regular: ParsedFont, bold: ParsedFont } | undefined

function loadFonts (): { regular: ParsedFont, bold: ParsedFont } {
  if (fonts === undefined) {
    const require = createRequire(import.meta.url)
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create: (data: Buffer) => unknown }
    const parse = (file: string): ParsedFont =>
      fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as ParsedFont
    fonts = { regular: parse('DejaVuSans.ttf'), bold: parse('DejaVuSans-Bold.ttf') }
  }
  return fonts
}

/** A cell's lines; a link cell is one URL, drawn at its own (smaller) size so that it stays on one line. */
interface Cell { lines: string[], face: Face, size?: number, link?: string }

/** The smallest size a URL is drawn at to keep it on one line; a longer one wraps, still one link. */
const MIN_LINK_SIZE = 4
const LINK_COLUMN_SHARE = 0.66

// Tracks the writing position and breaks pages itself: all text is drawn line by line without pdfkit's own
// wrapping, so nothing (a marker, a table row's border) can end up on a different page from its text.
class Writer {
  readonly pdf: PDFKit.PDFDocument
  readonly left = MARGIN
  readonly top = MARGIN
  readonly width: number
  readonly bottom: number
  y = MARGIN
  onPage: (() => void) | undefined

  constructor (pdf: PDFKit.PDFDocument) {
    this.pdf = pdf
    this.width = pdf.page.width - 2 * MARGIN
    this.bottom = pdf.page.height - MARGIN - FOOTER
  }

  use (face: Face, size: number): number {
    this.pdf.font(face).fontSize(size)
    return this.pdf.currentLineHeight(true)
  }

  measure = (text: string): number => this.pdf.widthOfString(stripBidi(text))

  newPage (): void {
    this.pdf.addPage()
    this.y = this.top
    this.onPage?.()
  }

  // pdfkit reorders nothing and draws a bidirectional control as a box (and pdftotext stops reading the line at
  // it), so they are left out: in the PDF they could never reorder anything anyway.
  text (shown: string, x: number, y: number, link?: string): void {
    const line = stripBidi(shown)
    if (line === '') return
    if (link === undefined) this.pdf.text(line, x, y, { lineBreak: false })
    else {
      this.pdf.fillColor('#1a0dab').text(
        line, x, y, { lineBreak: false, link, underline: false }
      ).fillColor('#000000')
    }
  }

  flow (text: string, face: Face, size: number, indent = 0, marker?: string): void {
    const lh = this.use(face, size)
    const lines = wrap(text, this.width - indent, this.measure, true)
    lines.forEach((line, i) => {
      if (this.y + lh > this.bottom) this.newPage()
      if (i === 0 && marker !== undefined) this.text(marker, this.left, this.y)
      this.text(line, this.left + indent, this.y)
      this.y += lh
    })
  }

  // A row moves whole to the next page when it fits there, and is split across pages only when taller than a page.
  row (cells: Cell[], xs: number[], widths: number[], size: number, boxed: boolean, fill?: string): void {
    const lh = this.use(REGULAR, size)
    const total = Math.max(1, ...cells.map((c) => c.lines.length))
    let offset = 0
    let fresh = false
    while (offset < total) {
      const room = Math.floor((this.bottom - this.y - 2 * PAD) / lh)
      if (!fresh && (room < 1 || (offset === 0 && room < total))) {
        this.newPage()
        fresh = true
        continue
      }
      const n = Math.max(1, Math.min(room, total - offset))
      const height = n * lh + 2 * PAD
      if (boxed) {
        xs.forEach((x, i) => this.pdf.rect(x, this.y, widths[i], height))
        if (fill !== undefined) this.pdf.fillAndStroke(fill, '#888888')
        else this.pdf.stroke('#888888')
        this.pdf.fillColor('#000000')
      }
      cells.forEach((cell, i) => {
        const clh = cell.size === undefined ? lh : this.use(cell.face, cell.size)
        this.use(cell.face, cell.size ?? size)
        const x = xs[i] + (boxed ? PAD : 0)
        const lines = cell.size === undefined ? cell.lines.slice(offset, offset + n) : offset === 0 ? cell.lines : []
        lines.forEach((line, l) => this.text(line, x, this.y + PAD + l * clh, cell.link))
      })
      this.y += height
      offset += n
      fresh = false
    }
  }
}

function wrapCells (w: Writer, texts: string[], widths: number[], face: Face, size: number): Cell[] {
  w.use(face, size)
  return texts.map((t, i) => ({ lines: wrap(t, widths[i] - 2 * PAD, w.measure, true), face }))
}

function positions (w: Writer, widths: number[]): number[] {
  let x = w.left
  return widths.map((width) => {
    const at = x
    x += width
    return at
  })
}

function fields (w: Writer, rows: Array<{ label: string, value: string }>): void {
  const size = 10
  w.use(BOLD, size)
  const natural = Math.max(0, ...rows.map((r) => w.measure(r.label))) + 2 * PAD + 8
  const widths = [Math.min(natural, w.width * 0.38), 0]
  widths[1] = w.width - widths[0]
  const xs = positions(w, widths)
  for (const r of rows) {
    const [label] = wrapCells(w, [r.label], widths, BOLD, size)
    const [, value] = wrapCells(w, ['', r.value], widths, REGULAR, size)
    w.row([label, value], xs, widths, size, false)
  }
}

/**
 * A URL cell: at the table's size if it fits on one line, else at the size that makes it fit (down to
 * MIN_LINK_SIZE), so that copying it out of the PDF gives the whole URL; every line is a link to all of it.
 */
function linkCell (w: Writer, url: string, width: number, size: number): Cell {
  const room = width - 2 * PAD
  w.use(REGULAR, size)
  const natural = w.measure(url)
  if (natural <= room || url === '') {
    return { lines: wrap(url, room, w.measure, true), face: REGULAR, link: url || undefined }
  }
  const fitted = Math.max(MIN_LINK_SIZE, Math.floor(size * room / natural * 10) / 10)
  w.use(REGULAR, fitted)
  return { lines: wrap(url, room, w.measure, true), face: REGULAR, size: fitted, link: url }
}

/** The URL column takes what it needs first, up to a little over half the line; the others share the rest. */
function widthsWithLinks (natural: number[], linkColumn: number, available: number): number[] {
  const link = Math.min(natural[linkColumn], available * LINK_COLUMN_SHARE)
  const others = fitColumns(natural.filter((_, i) => i !== linkColumn), available - link)
  others.splice(linkColumn, 0, link)
  return others
}

function table (w: Writer, columns: string[], rows: string[][], linkColumn?: number): void {
  const size = 8.5
  const cellsOf = (row: string[]): string[] => columns.map((_, i) => row[i] ?? '')
  w.use(BOLD, size)
  const natural = columns.map((c) => w.measure(c) + 2 * PAD + 1)
  w.use(REGULAR, size)
  for (const row of rows) {
    cellsOf(row).forEach((c, i) => {
      natural[i] = Math.max(natural[i], w.measure(c) + 2 * PAD + 1)
    })
  }
  const widths = linkColumn === undefined ? fitColumns(natural, w.width) : widthsWithLinks(natural, linkColumn, w.width)
  const xs = positions(w, widths)
  const head = wrapCells(w, columns, widths, BOLD, size)
  const header = (): void => w.row(head, xs, widths, size, true, '#eeeeee')
  // The header must not stay alone at the foot of a page: it needs room for at least one line of the first row.
  const lh = w.use(REGULAR, size)
  if (w.y + (Math.max(1, ...head.map((c) => c.lines.length)) + 1) * lh + 4 * PAD > w.bottom) w.newPage()
  header()
  w.onPage = header
  for (const row of rows) {
    const cells = wrapCells(w, cellsOf(row), widths, REGULAR, size)
    if (linkColumn !== undefined) cells[linkColumn] = linkCell(w, cellsOf(row)[linkColumn], widths[linkColumn], size)
    w.row(cells, xs, widths, size, true)
  }
  w.onPage = undefined
}

function block (w: Writer, b: Block): void {
  switch (b.kind) {
    case 'heading': {
      // Keeps a heading with at least two lines of what follows it.
      if (w.y + 4 * w.use(BOLD, 11.5) > w.bottom) w.newPage()
      else w.y += 4
      w.flow(b.text, BOLD, 11.5)
      w.y += 2
      return
    }
    case 'paragraph':
      return w.flow(b.text, REGULAR, 10)
    case 'fields':
      return fields(w, b.rows)
    case 'list': {
      w.use(REGULAR, 10)
      const indent = w.measure(b.ordered ? `${b.items.length}.` : '•') + 8
      b.items.forEach((item, i) => {
        if (i > 0) w.y += 2
        w.flow(item, REGULAR, 10, indent, b.ordered ? `${i + 1}.` : '•')
      })
      return
    }
    case 'table':
      return table(w, b.columns, b.rows, b.linkColumn)
  }
}

function footer (w: Writer, doc: NoticeDocument, page: number, pages: number): void {
  const { pdf } = w
  // Drawn below Writer.bottom, which is safe because lineBreak: false keeps pdfkit from opening pages of its own.
  const y = pdf.page.height - MARGIN - FOOTER + 8
  pdf.moveTo(w.left, y).lineTo(w.left + w.width, y).lineWidth(0.5).stroke('#888888')
  const label = doc.pageLabel(page, pages)
  let size = 7.5
  w.use(REGULAR, size)
  const labelWidth = w.measure(label)
  w.text(label, w.left + w.width - labelWidth, y + 4)
  const sig = signatureLine(doc.signature)
  const widest = Math.max(w.measure(sig) + labelWidth + 12, w.measure(doc.signature.fingerprint))
  if (widest > w.width) size = size * w.width / widest
  const lh = w.use(REGULAR, size)
  w.text(sig, w.left, y + 4)
  w.text(doc.signature.fingerprint, w.left, y + 4 + Math.max(lh, 9))
}

export async function renderPdf (doc: NoticeDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts()
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // Without a font here pdfkit parses Helvetica's metrics for every document only to leave them unused.
    font: regular as unknown as string,
    lang: doc.lang,
    displayTitle: true,
    // pdfkit derives the file ID from CreationDate, so a given issuedAt makes the bytes reproducible.
    info: { Title: doc.title, Author: doc.letterhead[0] ?? '', CreationDate: doc.issuedAt ?? new Date() }
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  pdf.registerFont(REGULAR, regular)
  pdf.registerFont(BOLD, bold)
  const w = new Writer(pdf)

  doc.letterhead.forEach((line, i) => w.flow(line, i === 0 ? BOLD : REGULAR, i === 0 ? 10.5 : 9))
  if (doc.letterhead.length > 0) {
    w.y += 4
    pdf.moveTo(w.left, w.y).lineTo(w.left + w.width, w.y).lineWidth(1).stroke('#000000')
    w.y += 12
  }
  w.flow(doc.title, BOLD, 15)
  w.y += 8
  for (const b of doc.blocks) {
    block(w, b)
    w.y += 6
  }

  const { start, count } = pdf.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i)
    footer(w, doc, i - start + 1, count)
  }
  pdf.end()
  return await done
}
