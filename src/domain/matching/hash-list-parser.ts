// Parses imported hash lists (CSV with a header, or JSON lines) into columns, naming each malformed line by number.
// Lines are read by the reader `takedown submit` uses too (src/domain/csv-reader.ts: BOM, CRLF, blank lines and #
// comments, quoting, the header), so a file means the same to both.
import type { HashKind } from '../vocabulary.ts'
import { isHashKind, labelProblem, normaliseHashValue } from './hash-bank.ts'
import { encodeFeatures, featureProblems, normaliseFeatures, parseVpdqText, vpdqDigest } from './vpdq-match.ts'
import type { VpdqFeature } from './vpdq-types.ts'
import { csvFields, csvHeader, recordLines } from '../csv-reader.ts'

/** csv and ndjson lists of hashes; vpdq: one video hash in the reference's text format (frame,quality,pdq,time). */
export const LIST_FORMATS = ['csv', 'ndjson', 'vpdq'] as const
export type ListFormat = typeof LIST_FORMATS[number]

export interface LineError { line: number, detail: string }

/** Columns rather than row objects: a million-line list stays a few arrays. Labels are joined with ';'. */
export interface ParsedList {
  lines: number
  types: HashKind[]
  values: string[]
  qualities: Array<number | null>
  labels: string[]
  /** vpdq entries: each video's digest (its value), packed features and labels joined with ';'. */
  videos: Array<{ value: string, features: Uint8Array, labels: string }>
  /** Every malformed line is counted; only the first `maxErrors` are listed. */
  rejected: number
  errors: LineError[]
  /** Set when the list cannot be read at all (a CSV without a usable header); nothing in it is usable then. */
  fatal: LineError | null
}

const MAX_LINE_LENGTH = 4096
/** A JSON line holding a vpdq hash of 36,000 features (about 110 characters each). */
const MAX_VIDEO_LINE_LENGTH = 8 * 1024 * 1024
const CSV_COLUMNS = ['type', 'value', 'labels', 'quality'] as const
const JSON_KEYS = new Set(['type', 'value', 'labels', 'quality'])

interface Fields { type: unknown, value: unknown, labels: unknown[], quality: unknown }

export function parseHashList (text: string, format: ListFormat, maxErrors = 1000): ParsedList {
  const out: ParsedList = {
    lines: 0, types: [], values: [], qualities: [], labels: [], videos: [], rejected: 0, errors: [], fatal: null
  }
  const reject = (line: number, detail: string): void => {
    out.rejected++
    if (out.errors.length < maxErrors) out.errors.push({ line, detail })
  }
  if (format === 'vpdq') return parseVideoText(text, out, maxErrors)
  let columns: number[] | null = null // CSV: position of type, value, labels, quality (-1 when absent)
  let width = 0
  for (const { line: lineNo, text: line } of recordLines(text)) {
    if (format === 'csv' && columns === null) {
      const header = readCsvHeader(line)
      if (typeof header === 'string') {
        out.fatal = { line: lineNo, detail: header }
        return out
      }
      columns = header
      width = columns.filter((i) => i >= 0).length
      continue
    }
    out.lines++
    if (line.length > (format === 'ndjson' ? MAX_VIDEO_LINE_LENGTH : MAX_LINE_LENGTH)) {
      reject(lineNo, `line longer than ${MAX_LINE_LENGTH} characters`)
      continue
    }
    const fields = format === 'csv' ? csvRecord(line, columns as number[], width) : jsonFields(line)
    if (typeof fields === 'string') {
      reject(lineNo, fields)
      continue
    }
    // Only a video hash needs a long line.
    if (line.length > MAX_LINE_LENGTH && fields.type !== 'vpdq') {
      reject(lineNo, `line longer than ${MAX_LINE_LENGTH} characters`)
      continue
    }
    const problem = accept(out, fields)
    if (problem !== null) reject(lineNo, problem)
  }
  if (format === 'csv' && columns === null) {
    out.fatal = { line: 1, detail: 'the list is empty: a CSV list starts with the header type,value,labels' }
  }
  return out
}

function accept (out: ParsedList, f: Fields): string | null {
  if (f.type === 'vpdq') return acceptVideo(out, f)
  if (!isHashKind(f.type)) return 'type must be sha256, md5, pdq or vpdq'
  if (typeof f.value !== 'string') return 'value must be a string'
  const normal = normaliseHashValue(f.type, f.value)
  if ('problem' in normal) return normal.problem
  const labels = f.labels
  const problem = labelProblem(labels)
  if (problem !== null) return problem
  let quality: number | null = null
  if (f.quality !== undefined && f.quality !== null && f.quality !== '') {
    if (f.type !== 'pdq') return 'quality applies to pdq hashes only'
    quality = typeof f.quality === 'string' && /^\d{1,3}$/.test(f.quality) ? Number(f.quality) : f.quality as number
    if (!Number.isInteger(quality) || quality < 0 || quality > 100) return 'quality must be an integer from 0 to 100'
  }
  out.types.push(f.type)
  out.values.push(normal.value)
  out.qualities.push(quality)
  out.labels.push([...new Set(labels as string[])].join(';'))
  return null
}

/**
 * A vpdq feature's fields: the reference's four, and the trimmed hash and quality the gateway adds to frames with
 * borders (POST /v1/media/hashes), so that its own output imports as it is. A list banks the reference's frames:
 * the trimmed ones are checked and left out, as a list exchanged with other systems carries the reference hash.
 */
const FEATURE_KEYS = ['frame', 'quality', 'hash', 'timestamp', 'trimmedHash', 'trimmedQuality']

// A JSON line { "type": "vpdq", "value": { "features": [...] }, "labels"? }: the features as POST /v1/hash-bank/match
// takes them.
function acceptVideo (out: ParsedList, f: Fields): string | null {
  const value = f.value as { features?: unknown, secondsPerHash?: unknown } | null
  if (typeof value !== 'object' || value === null || !Array.isArray(value.features)) {
    return 'a vpdq value is { "features": [{ "frame", "quality", "hash", "timestamp" }, ...] }'
  }
  if (Object.keys(value).some((k) => k !== 'features' && k !== 'secondsPerHash')) {
    return 'a vpdq value holds features (and optionally secondsPerHash) only'
  }
  if (f.quality !== undefined && f.quality !== null) {
    return 'quality applies to pdq hashes only (a vpdq feature carries its own)'
  }
  const features = value.features as unknown[]
  if (!features.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x) &&
    Object.keys(x).every((k) => FEATURE_KEYS.includes(k)))) {
    return 'each vpdq feature is { "frame", "quality", "hash", "timestamp", "trimmedHash"?, "trimmedQuality"? }'
  }
  const problems = featureProblems(features as VpdqFeature[], '/value/features')
  if (problems.length > 0) return `${problems[0].pointer} ${problems[0].detail}`
  const labelIssue = labelProblem(f.labels)
  if (labelIssue !== null) return labelIssue
  const normal = normaliseFeatures(features as VpdqFeature[])
  const labels = [...new Set(f.labels as string[])].join(';')
  out.videos.push({ value: vpdqDigest(normal), features: encodeFeatures(normal), labels })
  return null
}

// The reference's text format holds one video: any malformed line refuses the video (its frames cannot be dropped).
function parseVideoText (text: string, out: ParsedList, maxErrors: number): ParsedList {
  if (text.trim() === '') return out
  out.lines = 1
  const parsed = parseVpdqText(text)
  if ('problems' in parsed) {
    out.rejected = 1
    // Pointers are `line N` or /features/<i>/...: the i-th non-blank line.
    const lineOf = lineNumbers(text)
    out.errors = parsed.problems.slice(0, maxErrors).map((p) => {
      const at = /^line (\d+)$/.exec(p.pointer) ?? /^\/features\/(\d+)/.exec(p.pointer)
      const line = at === null ? 1 : p.pointer.startsWith('line') ? Number(at[1]) : lineOf[Number(at[1])] ?? 1
      return { line, detail: p.detail }
    })
    return out
  }
  out.videos.push({ value: vpdqDigest(parsed.features), features: encodeFeatures(parsed.features), labels: '' })
  return out
}

function lineNumbers (text: string): number[] {
  const out: number[] = []
  text.split('\n').forEach((line, n) => { if (line.trim() !== '') out.push(n + 1) })
  return out
}

const HEADER_HINT = 'the header is type,value,labels (and optionally quality)'
const columnOf = (key: string): string | undefined => (CSV_COLUMNS as readonly string[]).includes(key) ? key : undefined

function readCsvHeader (line: string): number[] | string {
  const cells = csvFields(line)
  if (typeof cells === 'string') return `the header line is not valid CSV: ${cells}`
  const names = csvHeader(cells, columnOf, HEADER_HINT)
  if (typeof names === 'string') return names
  const at = CSV_COLUMNS.map((c) => names.indexOf(c))
  if (at[0] === -1 || at[1] === -1) return 'the header must name the columns type and value (type,value,labels)'
  return at
}

function csvRecord (line: string, at: number[], width: number): Fields | string {
  const cells = csvFields(line)
  if (typeof cells === 'string') return cells
  if (cells.length !== width) return `expected ${width} fields, found ${cells.length}`
  const labelCell = at[2] >= 0 ? cells[at[2]] : ''
  return {
    type: cells[at[0]],
    value: cells[at[1]],
    labels: labelCell === '' ? [] : labelCell.split(';').map((l) => l.trim()).filter((l) => l !== ''),
    quality: at[3] >= 0 ? cells[at[3]] : undefined
  }
}

function jsonFields (line: string): Fields | string {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return 'not valid JSON'
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'a line must be a JSON object'
  const record = parsed as Record<string, unknown>
  const unknown = Object.keys(record).filter((k) => !JSON_KEYS.has(k))
  if (unknown.length > 0) return `unknown field(s): ${unknown.join(', ')}`
  if (record.labels !== undefined && !Array.isArray(record.labels)) return 'labels must be an array of strings'
  if (record.quality !== undefined && typeof record.quality !== 'number') {
    return 'quality must be an integer from 0 to 100'
  }
  const labels = (record.labels as unknown[] | undefined) ?? []
  return { type: record.type, value: record.value, labels, quality: record.quality }
}
