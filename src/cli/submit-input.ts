// Reads a submission file (CSV with a header, or NDJSON) into report bodies of at most 1000 items, each with an
// Idempotency-Key derived from its content, so that running the same file again replays instead of duplicating.
import crypto from 'node:crypto'
import path from 'node:path'
import { canonicalJson } from '../domain/canonical-json.ts'
import { columnKey, csvFields, csvHeader, recordLines } from '../domain/csv-reader.ts'
import { recogniseItems, type SubmittedItem } from '../domain/notices/report-intake.ts'
import { CONTENT_TYPES } from '../domain/vocabulary.ts'
import type { paths } from '../client/types.ts'

export type ReportBody = paths['/v1/reports']['post']['requestBody']['content']['application/json']
type ItemBody = ReportBody['items'][number]

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

/** A line set aside instead of sent: its number, its text as written and why the gateway would refuse it. */
export interface Reject {
  line: number
  text: string
  reason: string
}

export interface Plan {
  chunks: Chunk[]
  /** Empty unless the lines were set aside (planSubmission's `setAside`), in the file's order. */
  rejects: Reject[]
  format: 'csv' | 'ndjson'
  /** A CSV file's header line as written. */
  header: string | null
  /** The externalRef of rows that name none, without --external-ref: the file's name. */
  defaultRef: string
}

export class InputError extends Error {}

export const MAX_ITEMS_PER_REPORT = 1000

const ALIASES: Record<string, string> = {
  url: 'url',
  contenttype: 'contentType',
  category: 'category',
  legalbasis: 'legalBasis',
  statementofreasons: 'statementOfReasons',
  reasons: 'statementOfReasons',
  urgency: 'urgency',
  externalref: 'externalRef',
  territorialscope: 'territorialScope',
  capturedat: 'capturedAt',
  evidenceref: 'evidenceRef',
  sha256: 'sha256',
  md5: 'md5',
  pdq: 'pdq'
}
const canonicalName = (name: string): string | undefined => ALIASES[columnKey(name)]

type Row = Record<string, unknown>
/** A line of the file: the row it holds, or why it holds none. `text` is the line as written. */
type Read = { line: number, text: string, row: Row } | { line: number, text: string, problem: string }

const COLUMNS_HINT = 'the columns are url, contentType, category, legalBasis, statementOfReasons (or reasons), ' +
  'urgency, externalRef, territorialScope, capturedAt, evidenceRef, sha256, md5 and pdq'

/**
 * The file's rows, read as src/domain/csv-reader.ts reads every CSV and JSON-lines file (hash-list imports too):
 * BOM, LF or CRLF, one record a line, blank lines and # comments skipped, quoted fields, a header whose unknown
 * columns are refused. A file that cannot be read at all (no usable header) throws; a bad line is answered as a
 * problem of its own, for the caller to refuse or set aside.
 */
function readRows (text: string, format: 'csv' | 'ndjson'): { header: string | null, rows: Read[] } {
  const rows: Read[] = []
  if (format === 'ndjson') {
    for (const { line, text: raw } of recordLines(text)) {
      let value: unknown
      try {
        value = JSON.parse(raw)
      } catch {}
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        rows.push({ line, text: raw, problem: 'not a JSON object' })
        continue
      }
      const row: Row = {}
      for (const [key, v] of Object.entries(value)) {
        if (key === 'hashes' && typeof v === 'object' && v !== null) Object.assign(row, v)
        else row[canonicalName(key) ?? key] = v
      }
      rows.push({ line, text: raw, row })
    }
    return { header: null, rows }
  }
  let columns: string[] | null = null
  let header: string | null = null
  for (const { line, text: raw } of recordLines(text)) {
    const fields = csvFields(raw)
    if (columns === null) {
      const names = typeof fields === 'string'
        ? `the header is not valid CSV: ${fields}`
        : csvHeader(fields, (key) => ALIASES[key], COLUMNS_HINT)
      if (typeof names === 'string') throw new InputError(`line ${line}: ${names}`)
      if (!names.includes('url')) throw new InputError(`line ${line}: the header names no url column`)
      columns = names
      header = raw
    } else if (typeof fields === 'string') {
      rows.push({ line, text: raw, problem: fields })
    } else if (fields.length !== columns.length) {
      rows.push({ line, text: raw, problem: `expected ${columns.length} fields, found ${fields.length}` })
    } else {
      const row: Row = {}
      columns.forEach((name, i) => { if (fields[i] !== '') row[name] = fields[i] })
      rows.push({ line, text: raw, row })
    }
  }
  return { header, rows }
}

export function formatOf (file: string, text: string, given?: string): 'csv' | 'ndjson' {
  if (given === 'csv' || given === 'ndjson') return given
  if (given !== undefined) throw new InputError(`unknown format ${given} (csv or ndjson)`)
  const ext = path.extname(file).toLowerCase()
  if (ext === '.csv') return 'csv'
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson'
  const first = recordLines(text).next()
  return first.done !== true && first.value.text.trimStart().startsWith('{') ? 'ndjson' : 'csv'
}

const scopeOf = (value: unknown): string[] | undefined => {
  if (value === undefined) return undefined
  if (Array.isArray(value)) return value.map(String)
  return String(value).split(/[\s;,]+/).filter(Boolean)
}

/**
 * Why the gateway would refuse an item, found offline by its own check (src/domain/notices/report-intake.ts: URL
 * recognition, hash shapes, a capture time ahead of the clock) and its content types; else the item's canonical URL.
 */
function itemProblem (item: ItemBody, now: Date): { problem: string } | { canonicalUrl: string } {
  if (!(CONTENT_TYPES as readonly string[]).includes(item.contentType)) {
    return { problem: `contentType: must be one of ${CONTENT_TYPES.join(', ')}` }
  }
  const { items, problems } = recogniseItems([item as SubmittedItem], now)
  if (problems.length > 0) {
    return { problem: problems.map((p) => `${p.pointer.replace(/^\/items\/0\//, '')}: ${p.detail}`).join('; ') }
  }
  return { canonicalUrl: items[0].canonicalUrl }
}

interface Entry { item: ItemBody, line: number, text: string, canonicalUrl: string }

/**
 * Groups the rows by what their report shares (in the order the file first names each group) and cuts each group
 * into reports of at most `chunkSize` items. A chunk's key is a hash of its body and its place in the file: the
 * same file gives the same keys, so the gateway replays what it already took (it keeps keys for 24 hours).
 *
 * A line that cannot become an item stops the whole file (InputError) and an item the gateway would refuse is
 * sent, so it refuses its report; with `setAside`, both are set aside instead (the plan's rejects), as is a second
 * item naming the same material within one report, which would refuse that report too.
 */
export function planSubmission (
  file: string, text: string, shared: SharedFields,
  options: { format?: string, chunkSize?: number, setAside?: boolean, now?: Date } = {}
): Plan {
  const chunkSize = options.chunkSize ?? MAX_ITEMS_PER_REPORT
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_ITEMS_PER_REPORT) {
    throw new InputError(`--chunk-size must be 1 to ${MAX_ITEMS_PER_REPORT}`)
  }
  const setAside = options.setAside === true
  const now = options.now ?? new Date()
  const format = formatOf(file, text, options.format)
  const { header, rows } = readRows(text, format)
  if (rows.length === 0) throw new InputError('the file holds no items')
  const rejects: Reject[] = []
  const refuse = (read: { line: number, text: string }, reason: string): void => {
    if (!setAside) throw new InputError(`line ${read.line}: ${reason}`)
    rejects.push({ line: read.line, text: read.text, reason })
  }
  const defaultRef = path.basename(file).replace(/\.[^.]*$/, '')
  const groups = new Map<string, { fields: Omit<ReportBody, 'items'>, entries: Entry[] }>()
  for (const read of rows) {
    if ('problem' in read) {
      refuse(read, read.problem)
      continue
    }
    const { row } = read
    const pick = (name: keyof SharedFields): unknown => row[name] ?? shared[name]
    const missing = (['category', 'legalBasis', 'statementOfReasons'] as const)
      .filter((name) => pick(name) === undefined)
    if (row.url === undefined) missing.unshift('url' as never)
    if (missing.length > 0) {
      refuse(read, `no ${missing.join(', ')} (give a column, or a flag for all)`)
      continue
    }
    const territorialScope = scopeOf(row.territorialScope) ?? shared.territorialScope
    const fields = {
      externalRef: String(pick('externalRef') ?? defaultRef),
      category: String(pick('category')),
      legalBasis: String(pick('legalBasis')),
      statementOfReasons: String(pick('statementOfReasons')),
      urgency: String(pick('urgency') ?? 'normal'),
      ...(territorialScope === undefined ? {} : { territorialScope })
    } as Omit<ReportBody, 'items'>
    const hashes = Object.fromEntries((['sha256', 'md5', 'pdq'] as const)
      .filter((k) => row[k] !== undefined).map((k) => [k, String(row[k])]))
    const item = {
      url: String(row.url),
      contentType: String(pick('contentType') ?? 'other'),
      ...(Object.keys(hashes).length > 0 ? { hashes } : {}),
      ...(row.capturedAt === undefined ? {} : { capturedAt: String(row.capturedAt) }),
      ...(row.evidenceRef === undefined ? {} : { evidenceRef: String(row.evidenceRef) })
    } as ItemBody
    let canonicalUrl = ''
    if (setAside) {
      const checked = itemProblem(item, now)
      if ('problem' in checked) {
        refuse(read, checked.problem)
        continue
      }
      canonicalUrl = checked.canonicalUrl
    }
    const key = canonicalJson(fields)
    const group = groups.get(key) ?? { fields, entries: [] }
    groups.set(key, group)
    group.entries.push({ item, line: read.line, text: read.text, canonicalUrl })
  }
  const chunks: Chunk[] = []
  const close = (fields: Omit<ReportBody, 'items'>, entries: Entry[]): void => {
    const body = { ...fields, items: entries.map((e) => e.item) } as ReportBody
    const digest = crypto.createHash('sha256').update(canonicalJson({ position: chunks.length, body }))
      .digest('base64url')
    chunks.push({ body, lines: entries.map((e) => e.line), idempotencyKey: `takedown-submit-${digest}` })
  }
  for (const { fields, entries } of groups.values()) {
    let current: Entry[] = []
    const seen = new Map<string, number>() // canonical URL -> its line, within the current chunk
    for (const entry of entries) {
      const first = seen.get(entry.canonicalUrl)
      if (setAside && first !== undefined) {
        refuse(entry, `url: the same material as line ${first}: ${entry.canonicalUrl}`)
        continue
      }
      current.push(entry)
      seen.set(entry.canonicalUrl, entry.line)
      if (current.length === chunkSize) {
        close(fields, current)
        current = []
        seen.clear()
      }
    }
    if (current.length > 0) close(fields, current)
  }
  rejects.sort((a, b) => a.line - b.line)
  return { chunks, rejects, format, header, defaultRef }
}
