// Reads line-based text files the same way wherever the gateway or its command line takes one: hash-list imports
// (src/domain/matching/hash-list-parser.ts) and `takedown submit` files (src/cli/submit-input.ts), CSV and JSON
// lines alike.
//
// The rules (README, "The client and the command line", says them too):
// - A byte-order mark at the start is dropped. Lines end with LF or CRLF.
// - One record is one line, so a record's line number is the file's own and a reader can name or set aside any
//   line: a quoted field cannot hold a line break, and an unclosed quote spoils its own line, not the rest of the
//   file.
// - Blank lines (spaces only) and comments (lines whose first non-blank character is #) are skipped; they still
//   count in the line numbers.
// - CSV: fields are separated by commas and trimmed. A field may be quoted ("a, b"), which lets it hold commas;
//   inside quotes "" stands for one quote. A quote anywhere else, or text after a closing quote, makes the line
//   malformed.
// - CSV: the first record is the header. Its names are matched without regard to case, spaces, '-' and '_'; an
//   empty name, a name the reader does not know or a column named twice refuses the header, so a misspelt column
//   is never dropped in silence. Every later record has exactly as many fields as the header.

export interface TextLine {
  /** 1-based, counting every line of the file (blank lines and comments too). */
  line: number
  /** The line without its line end. */
  text: string
}

// Any character at or below a space may be blank; '#' (35) opens a comment. Anything else starts a record at once.
const skipped = (text: string): boolean => {
  const c = text.charCodeAt(0)
  if (c > 32 && c !== 35 && c !== 0xa0 && c !== 0xfeff) return false
  const rest = text.trimStart()
  return rest === '' || rest.charCodeAt(0) === 35
}

/** The lines holding records: without the byte-order mark, line ends, blank lines and comments. */
export function * recordLines (text: string): Generator<TextLine> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 0
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    let body = text.slice(start, end)
    start = end + 1
    line++
    if (body.charCodeAt(body.length - 1) === 13) body = body.slice(0, -1)
    if (!skipped(body)) yield { line, text: body }
  }
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t'

/** The trimmed fields of one CSV line, or why the line is malformed. */
export function csvFields (line: string): string[] | string {
  // Most lines of a large list hold no quote: one split, no scanning.
  if (!line.includes('"')) return line.split(',').map((cell) => cell.trim())
  const cells: string[] = []
  let i = 0
  for (;;) {
    let j = i
    while (isSpace(line[j])) j++
    if (line[j] === '"') {
      let cell = ''
      let k = j + 1
      for (;;) {
        const q = line.indexOf('"', k)
        if (q === -1) return 'a quoted field is not closed (a field cannot hold a line break)'
        cell += line.slice(k, q)
        if (line[q + 1] !== '"') {
          k = q + 1
          break
        }
        cell += '"'
        k = q + 2
      }
      while (isSpace(line[k])) k++
      cells.push(cell.trim())
      if (k === line.length) return cells
      if (line[k] !== ',') return `text after the closing quote of field ${cells.length}`
      i = k + 1
    } else {
      const comma = line.indexOf(',', i)
      const cell = line.slice(i, comma === -1 ? line.length : comma)
      if (cell.includes('"')) {
        return `a quote inside unquoted field ${cells.length + 1} (quote the whole field and double the quote)`
      }
      cells.push(cell.trim())
      if (comma === -1) return cells
      i = comma + 1
    }
  }
}

/** How a header name is compared: 'Legal Basis', 'legal_basis' and 'legalBasis' are one name. */
export const columnKey = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * The header's columns as the reader's own names, in the file's order, or why the header is refused. `nameOf`
 * maps a column key (columnKey) to the reader's name, undefined for a column it does not know; `known` says, in
 * the refusal, which columns it takes.
 */
export function csvHeader (
  cells: readonly string[], nameOf: (key: string) => string | undefined, known: string
): string[] | string {
  const names: string[] = []
  const unknown: string[] = []
  for (const [i, cell] of cells.entries()) {
    if (cell === '') return `column ${i + 1} of the header has no name`
    const name = nameOf(columnKey(cell))
    if (name === undefined) unknown.push(cell)
    else if (names.includes(name)) return `the column ${name} is named twice in the header`
    else names.push(name)
  }
  if (unknown.length > 0) return `unknown column(s) ${unknown.join(', ')}: ${known}`
  return names
}
