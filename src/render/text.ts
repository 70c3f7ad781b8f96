// Renders a notice document as a plain-text letter for an e-mail body.
import { columns, fitColumns, signatureLine, wrap } from './document.ts'
import type { Block, FieldRow, NoticeDocument } from '../domain/notices/notice-document.ts'
import { closeBidi } from '../lib/text-controls.ts'

// RFC 5322 recommends lines of at most 78 characters.
const WIDTH = 78
const GAP = '  '
const MAX_LABEL = 28

export function renderText (doc: NoticeDocument): string {
  const out: string[] = []
  for (const line of doc.letterhead) out.push(...wrapped(line, WIDTH))
  if (doc.letterhead.length > 0) out.push('')
  const title = wrapped(doc.title, WIDTH)
  out.push(...title, '='.repeat(Math.max(...title.map(columns))), '')
  for (const block of doc.blocks) out.push(...renderBlock(block), '')
  out.push('-'.repeat(WIDTH), ...wrapped(signatureLine(doc.signature) + ':', WIDTH), doc.signature.fingerprint)
  return out.map((line) => line.trimEnd()).join('\n') + '\n'
}

function renderBlock (block: Block): string[] {
  switch (block.kind) {
    case 'heading': {
      const lines = wrapped(block.text, WIDTH)
      return [...lines, '-'.repeat(Math.max(...lines.map(columns)))]
    }
    case 'paragraph':
      return wrapped(block.text, WIDTH)
    case 'fields':
      return fields(block.rows)
    case 'list':
      return list(block.ordered, block.items)
    case 'table':
      return table(block.columns, block.rows)
  }
}

// Each line closes the bidirectional controls it opens (an isolated value wrapped over lines included), so that
// what one value's line holds cannot reorder the cell or the words beside it.
function wrapped (text: string, width: number): string[] {
  return wrap(text, width, columns, false).map(closeBidi)
}

function pad (text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)))
}

// Lines of `second` continue under `first` when the label wraps or the value runs longer.
function hanging (first: string[], firstWidth: number, second: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    out.push(pad(first[i] ?? '', firstWidth) + (second[i] ?? ''))
  }
  return out
}

function fields (rows: FieldRow[]): string[] {
  const labelWidth = Math.min(MAX_LABEL, Math.max(0, ...rows.map((r) => columns(r.label) + 1))) + GAP.length
  const out: string[] = []
  for (const row of rows) {
    const label = wrapped(row.label + ':', labelWidth - GAP.length)
    out.push(...hanging(label, labelWidth, wrapped(row.value, WIDTH - labelWidth)))
  }
  return out
}

function list (ordered: boolean, items: string[]): string[] {
  const markerWidth = ordered ? String(items.length).length + 2 : 2
  const out: string[] = []
  items.forEach((item, i) => {
    const marker = ordered ? `${i + 1}.` : '-'
    out.push(...hanging([marker], markerWidth, wrapped(item, WIDTH - markerWidth)))
  })
  return out
}

function longestWord (text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(columns))
}

function table (headers: string[], rows: string[][]): string[] {
  const cell = (row: string[], i: number): string => row[i] ?? ''
  const natural = headers.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(cell(r, i)))))
  const available = WIDTH - GAP.length * (headers.length - 1)
  // A table that fits keeps its natural widths: stretching it to the full line only spreads the columns apart.
  const widths = natural.reduce((a, b) => a + b, 0) <= available
    ? natural
    : fitColumns(natural, available).map(Math.floor)
  const minimum = headers.map((h, i) => Math.max(longestWord(h), ...rows.map((r) => longestWord(cell(r, i)))))
  // Breaking a URL across columns would make it unusable, so a table too wide for that becomes a list of records.
  if (widths.some((w, i) => w < minimum[i])) return records(headers, rows)
  const line = (row: string[]): string[] => {
    const cells = headers.map((_, i) => wrapped(cell(row, i), widths[i]))
    const height = Math.max(...cells.map((c) => c.length))
    const out: string[] = []
    for (let l = 0; l < height; l++) out.push(cells.map((c, i) => pad(c[l] ?? '', widths[i])).join(GAP))
    return out
  }
  return [...line(headers), widths.map((w) => '-'.repeat(w)).join(GAP), ...rows.flatMap(line)]
}

function records (headers: string[], rows: string[][]): string[] {
  return rows.flatMap((row, r) => {
    const group = fields(headers.map((label, i) => ({ label, value: row[i] ?? '' })))
    return r === 0 ? group : ['', ...group]
  })
}
