// Reads a submission file (CSV with a header, or NDJSON) into report bodies of at most 1000 items, each with an
// Idempotency-Key derived from its content, so that running the same file again replays instead of duplicating.
import crypto from 'node:crypto'
import path from 'node:path'
import { canonicalJson } from '../domain/canonical-json.ts'
import type { Data, paths } from '../client/types.ts'

export type ReportBody = paths['/v1/reports']['post']['requestBody']['content']['application/json']
type ItemBody = ReportBody['items'][number]
export type ReportAnswer = Data<'/v1/reports', 'post'>

/** What every item of a report shares; given per row, or once as flags (a row's own value wins). */
export interface SharedFields {
  externalRef?: string
  category?: string
  legalBasis?: string
  statementOfReasons?: string
  urgency?: string
  territorialScope?: string[]
  contentType?: string
}

export interface Chunk {
  body: ReportBody
  /** The file's line of each item, in order, to name a refused item by its line. */
  lines: number[]
  idempotencyKey: string
}

export class InputError extends Error {}

export const MAX_ITEMS_PER_REPORT = 1000

const ALIASES: Record<string, string> = {
  url: 'url', contenttype: 'contentType', category: 'category', legalbasis: 'legalBasis',
  statementofreasons: 'statementOfReasons', reasons: 'statementOfReasons', urgency: 'urgency',
  externalref: 'externalRef', territorialscope: 'territorialScope', capturedat: 'capturedAt',
  evidenceref: 'evidenceRef', sha256: 'sha256', md5: 'md5', pdq: 'pdq'
}
const canonicalName = (name: string): string | undefined => ALIASES[name.toLowerCase().replace(/[^a-z0-9]/g, '')]

type Row = Record<string, unknown>

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. Answers each record's first line. */
export function parseCsv (text: string): Array<{ line: number, fields: string[] }> {
  const records: Array<{ line: number, fields: string[] }> = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const endRecord = (): void => {
    fields.push(field)
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }
  for (; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (c === '"') quoted = false
      else { if (c === '\n') line++; field += c }
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') { fields.push(field); field = '' } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else field += c
  }
  if (quoted) throw new InputError(`line ${recordLine}: a quoted field is not closed`)
  if (field !== '' || fields.length > 0) endRecord()
  return records
}

function readRows (text: string, format: 'csv' | 'ndjson'): Array<{ line: number, row: Row }> {
  if (format === 'ndjson') {
    const rows: Array<{ line: number, row: Row }> = []
    text.split('\n').forEach((raw, index) => {
      if (raw.trim() === '') return
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch {
        throw new InputError(`line ${index + 1}: not a JSON object`)
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`line ${index + 1}: not a JSON object`)
      const row: Row = {}
      for (const [key, v] of Object.entries(value)) {
        if (key === 'hashes' && typeof v === 'object' && v !== null) Object.assign(row, v)
        else row[canonicalName(key) ?? key] = v
      }
      rows.push({ line: index + 1, row })
    })
    return rows
  }
  const [header, ...records] = parseCsv(text)
  if (header === undefined) return []
  const columns = header.fields.map((name) => canonicalName(name.trim()))
  if (!columns.includes('url')) throw new InputError(`line ${header.line}: the header names no url column`)
  return records.map(({ line, fields }) => {
    const row: Row = {}
    columns.forEach((name, i) => {
      const value = fields[i]?.trim()
      if (name !== undefined && value !== undefined && value !== '') row[name] = value
    })
    return { line, row }
  })
}

export function formatOf (file: string, text: string, given?: string): 'csv' | 'ndjson' {
  if (given === 'csv' || given === 'ndjson') return given
  if (given !== undefined) throw new InputError(`unknown format ${given} (csv or ndjson)`)
  const ext = path.extname(file).toLowerCase()
  if (ext === '.csv') return 'csv'
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson'
  return text.trimStart().startsWith('{') ? 'ndjson' : 'csv'
}

const scopeOf = (value: unknown): string[] | undefined => {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.map(String)
  return String(value).split(/[\s;,]+/).filter(Boolean)
}

/**
 * Groups the rows by what their report shares (in the order the file first names each group) and cuts each group
 * into reports of at most `chunkSize` items. A chunk's key is a hash of its body and its place in the file: the
 * same file gives the same keys, so the gateway replays what it already took (it keeps keys for 24 hours).
 */
export function planSubmission (file: string, text: string, shared: SharedFields, options: { format?: string, chunkSize?: number } = {}): Chunk[] {
  const chunkSize = options.chunkSize ?? MAX_ITEMS_PER_REPORT
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_ITEMS_PER_REPORT) throw new InputError(`--chunk-size must be 1 to ${MAX_ITEMS_PER_REPORT}`)
  const rows = readRows(text, formatOf(file, text, options.format))
  if (rows.length === 0) throw new InputError('the file holds no items')
  const defaultRef = path.basename(file).replace(/\.[^.]*$/, '')
  const groups = new Map<string, { fields: Omit<ReportBody, 'items'>, items: ItemBody[], lines: number[] }>()
  for (const { line, row } of rows) {
    const pick = (name: keyof SharedFields): unknown => row[name] ?? shared[name]
    const missing = (['category', 'legalBasis', 'statementOfReasons'] as const).filter((name) => pick(name) === undefined)
    if (row.url === undefined) missing.unshift('url' as never)
    if (missing.length > 0) throw new InputError(`line ${line}: no ${missing.join(', ')} (give a column, or a flag for all)`)
    const territorialScope = scopeOf(row.territorialScope) ?? shared.territorialScope
    const fields = {
      externalRef: String(pick('externalRef') ?? defaultRef),
      category: String(pick('category')),
      legalBasis: String(pick('legalBasis')),
      statementOfReasons: String(pick('statementOfReasons')),
      urgency: String(pick('urgency') ?? 'normal'),
      ...(territorialScope === undefined ? {} : { territorialScope })
    } as Omit<ReportBody, 'items'>
    const hashes = Object.fromEntries((['sha256', 'md5', 'pdq'] as const).filter((k) => row[k] !== undefined).map((k) => [k, String(row[k])]))
    const item = {
      url: String(row.url),
      contentType: String(pick('contentType') ?? 'other'),
      ...(Object.keys(hashes).length > 0 ? { hashes } : {}),
      ...(row.capturedAt === undefined ? {} : { capturedAt: String(row.capturedAt) }),
      ...(row.evidenceRef === undefined ? {} : { evidenceRef: String(row.evidenceRef) })
    } as ItemBody
    const key = canonicalJson(fields)
    const group = groups.get(key) ?? { fields, items: [], lines: [] }
    groups.set(key, group)
    group.items.push(item)
    group.lines.push(line)
  }
  const chunks: Chunk[] = []
  for (const group of groups.values()) {
    for (let start = 0; start < group.items.length; start += chunkSize) {
      const body = { ...group.fields, items: group.items.slice(start, start + chunkSize) } as ReportBody
      const digest = crypto.createHash('sha256').update(canonicalJson({ position: chunks.length, body })).digest('base64url')
      chunks.push({ body, lines: group.lines.slice(start, start + chunkSize), idempotencyKey: `takedown-submit-${digest}` })
    }
  }
  return chunks
}
