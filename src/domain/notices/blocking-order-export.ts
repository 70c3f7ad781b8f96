// The register of blocked resources as network operators read it: CSV, JSON, and XML shaped like the RKN dump.
import { csvDocument } from '../../lib/csv.ts'
import type { Urgency } from '../vocabulary.ts'

export const BLOCK_TYPES = ['url', 'domain', 'ip'] as const
export type BlockType = typeof BLOCK_TYPES[number]

export const EXPORT_FORMATS = ['csv', 'json', 'xml'] as const
export type ExportFormat = typeof EXPORT_FORMATS[number]

export interface RegisterEntry {
  id: string
  orderId: string
  includedAt: Date
  urgency: Urgency
  blockType: BlockType
  value: string
  decision: { number: string, decidedAt: Date, org: string }
  liftedAt: Date | null
}

export interface Register {
  /** The register's latest inclusion or lifting, over all entries (not only those served); null when empty. */
  updatedAt: Date | null
  since: Date | null
  entries: RegisterEntry[]
}

// Decisions are dated on the issuing country's calendar (UTC+5, as reference numbers are), not on UTC's.
const DECISION_UTC_OFFSET_MS = 5 * 3_600_000

export function decisionDate (at: Date): string {
  return new Date(at.getTime() + DECISION_UTC_OFFSET_MS).toISOString().slice(0, 10)
}

export function registerJson (register: Register) {
  return {
    updatedAt: register.updatedAt?.toISOString() ?? null,
    since: register.since?.toISOString() ?? null,
    entries: register.entries.map((e) => ({
      id: e.id,
      orderId: e.orderId,
      includedAt: e.includedAt.toISOString(),
      urgency: e.urgency,
      blockType: e.blockType,
      value: e.value,
      decision: { number: e.decision.number, date: decisionDate(e.decision.decidedAt), org: e.decision.org },
      liftedAt: e.liftedAt?.toISOString() ?? null
    }))
  }
}

export const CSV_HEADER = [
  'id', 'orderId', 'includedAt', 'urgency', 'blockType', 'value', 'decisionNumber', 'decisionDate', 'decisionOrg',
  'liftedAt'
] as const

export function registerCsv (register: Register): string {
  return csvDocument(CSV_HEADER, register.entries.map((e) => [
    e.id, e.orderId, e.includedAt.toISOString(), e.urgency, e.blockType, e.value,
    e.decision.number, decisionDate(e.decision.decidedAt), e.decision.org, e.liftedAt?.toISOString() ?? ''
  ]))
}

// XML 1.0 cannot carry these code points at all, not even as character references.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

// Control characters too: XML parsers rewrite CR and CR LF to LF, which would alter an address.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_IN_URL_CDATA = /[\u0000-\u001F\u007F]|[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** In a URL an unrepresentable character is percent-encoded, which keeps the address meaningful. */
function percentEncodeInvalid (text: string): string {
  return text.replace(NOT_IN_URL_CDATA, (ch) => {
    try { return encodeURIComponent(ch) } catch { return '%EF%BF%BD' }
  })
}

export function xmlAttribute (text: string): string {
  // Tabs and line breaks are escaped too: attribute-value normalisation would otherwise turn them into spaces.
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

export function xmlText (text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`)
}

/** A CDATA section cannot contain its own terminator: `]]>` is split across two sections. */
export function cdata (text: string): string {
  return `<![CDATA[${percentEncodeInvalid(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

function attributes (pairs: Array<[string, string | null]>): string {
  return pairs.filter(([, v]) => v !== null).map(([k, v]) => ` ${k}="${xmlAttribute(v!)}"`).join('')
}

function contentElement (e: RegisterEntry): string {
  // RKN's urgencyType: 0 for an ordinary entry, 1 for one operators must apply at once.
  const head = attributes([
    ['id', e.id], ['orderId', e.orderId], ['includeTime', e.includedAt.toISOString()],
    ['urgencyType', e.urgency === 'urgent' ? '1' : '0'], ['blockType', e.blockType],
    ['liftTime', e.liftedAt?.toISOString() ?? null]
  ])
  const decision = attributes([
    ['date', decisionDate(e.decision.decidedAt)], ['number', e.decision.number], ['org', e.decision.org]
  ])
  const resource = e.blockType === 'ip'
    ? `<ip>${xmlText(e.value)}</ip>`
    : `<${e.blockType}>${cdata(e.value)}</${e.blockType}>`
  return `  <content${head}>\n    <decision${decision}/>\n    ${resource}\n  </content>\n`
}

export function registerXml (register: Register): string {
  const head = attributes([
    ['updateTime', register.updatedAt?.toISOString() ?? null],
    ['since', register.since?.toISOString() ?? null],
    ['formatVersion', '1.0']
  ])
  return `<?xml version="1.0" encoding="UTF-8"?>\n<register${head}>\n` +
    `${register.entries.map(contentElement).join('')}</register>\n`
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8'
}

/** Named after the register state it holds, so two downloads of the same state share a name. */
export function exportFilename (register: Register, format: ExportFormat): string {
  const stamp = register.updatedAt === null
    ? 'empty'
    : register.updatedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')
  return `blocking-register-${stamp}${register.since === null ? '' : '-delta'}.${format}`
}
