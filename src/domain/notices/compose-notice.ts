// Composes the format-neutral document of a removal notice from its signed content, in one language (pure).
import type { Block, FieldRow, NoticeDocument } from './notice-document.ts'
import {
  issuerName, legalCitation, type NoticeContent, type NoticeItemContent, type NoticeLang
} from './notice-content.ts'
import { fill, LETTERS, nameItem, plural } from './notice-templates/index.ts'
import type { LetterTemplate } from './notice-templates/index.ts'
import { isolate, replaceControls } from '../../lib/text-controls.ts'

export interface SignatureRef {
  keyId: string
  fingerprint: string
  algorithm: string
}

// Kazakhstan has kept one time zone, UTC+5, since 1 March 2024 and observes no summer time, so a fixed offset
// gives the local time without consulting the machine's time-zone data.
const ASTANA_OFFSET_MS = 5 * 3_600_000

// ISO-like and zero-padded whatever the reader's locale; seconds only when the instant has them, so that a
// deadline is never shown earlier or later than it is.
function clock (ms: number): string {
  const d = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` +
    (d.getUTCSeconds() === 0 ? '' : `:${two(d.getUTCSeconds())}`)
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${time}`
}

export function formatTimestamp (iso: string, lang: NoticeLang): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`not a timestamp: ${iso}`)
  return fill(LETTERS[lang].timestamp, { utc: clock(ms), local: clock(ms + ASTANA_OFFSET_MS) })
}

function countryName (t: LetterTemplate, code: string): string {
  const name = t.countries[code]
  return name === undefined ? code : `${name} (${code})`
}

function addresseeBlocks (c: NoticeContent, t: LetterTemplate): Block[] {
  const { addressee } = c
  const rep = addressee.legalRepresentative
  const representative = rep === null ? t.noRepresentative : fill(t.representative, rep)
  const greeting = rep === null ? t.salutationWithoutRepresentative : t.salutation
  return [
    { kind: 'heading', text: t.headings.addressee },
    {
      kind: 'fields',
      rows: [
        { label: t.labels.platform, value: addressee.platformName },
        { label: t.labels.addressee, value: addressee.legalEntity.name },
        { label: t.labels.address, value: addressee.legalEntity.address },
        { label: t.labels.legalRepresentative, value: representative }
      ]
    },
    {
      kind: 'paragraph',
      text: fill(greeting, {
        legalEntity: addressee.legalEntity.name,
        platformName: addressee.platformName,
        representative
      })
    }
  ]
}

function noticeBlocks (c: NoticeContent, lang: NoticeLang, t: LetterTemplate): Block[] {
  const deadline = formatTimestamp(c.deadline, lang)
  const rows: FieldRow[] = [
    { label: t.labels.issuer, value: issuerName(c.issuer, lang) },
    { label: t.labels.contactPoint, value: c.issuer.contactPoint },
    { label: t.labels.referenceNumber, value: c.referenceNumber },
    { label: t.labels.issuedAt, value: formatTimestamp(c.issuedAt, lang) },
    { label: t.labels.deadline, value: deadline },
    { label: t.labels.urgency, value: t.urgencies[c.urgency] }
  ]
  if (c.reuploadOf.length > 0) rows.push({ label: t.labels.reuploadOf, value: c.reuploadOf.join(', ') })
  const dsa = c.dsa.keyword === null ? c.dsa.category : `${c.dsa.category} / ${c.dsa.keyword}`
  return [
    { kind: 'paragraph', text: fill(t.demand, { issuer: issuerName(c.issuer, lang), deadline }) },
    { kind: 'heading', text: t.headings.notice },
    { kind: 'fields', rows },
    { kind: 'heading', text: t.headings.grounds },
    {
      kind: 'fields',
      rows: [
        { label: t.labels.category, value: t.categories[c.category] },
        { label: t.labels.dsaCategory, value: dsa },
        { label: t.labels.legalBasis, value: c.legalBasis.title[lang] },
        { label: t.labels.citation, value: legalCitation(c.legalBasis, lang) }
      ]
    },
    { kind: 'heading', text: t.headings.reasons },
    { kind: 'paragraph', text: c.statementOfReasons },
    { kind: 'heading', text: t.headings.scope },
    {
      kind: 'paragraph',
      text: fill(t.scope, { countries: c.territorialScope.map((code) => countryName(t, code)).join(', ') })
    }
  ]
}

function reuploadSentence (t: LetterTemplate, refs: readonly string[]): string {
  return fill(refs.length === 1 ? t.reupload.one : t.reupload.other, { refs: refs.join(', ') })
}

function itemBlocks (c: NoticeContent, lang: NoticeLang, t: LetterTemplate, items: NoticeItemContent[]): Block[] {
  const columns = t.itemColumns
  const rows = items.map((item, i) => [
    String(i + 1),
    nameItem(lang, c.addressee.platform, item.identifiers, item.canonicalUrl),
    item.canonicalUrl,
    t.contentTypes[item.contentType],
    item.reuploadOf.length === 0 ? t.none : item.reuploadOf.join(', ')
  ])
  const blocks: Block[] = [
    { kind: 'heading', text: t.headings.items },
    {
      kind: 'table',
      columns: [columns.number, columns.item, columns.url, columns.contentType, columns.reuploadOf],
      rows,
      linkColumn: 2
    }
  ]
  const reuploads = items.flatMap((item, i) => [
    ...(item.reuploadOf.length === 0
      ? []
      : [`${fill(t.itemRef, { number: i + 1 })}: ${reuploadSentence(t, item.reuploadOf)}`]),
    ...(item.removedElsewhere === undefined || item.removedElsewhere.length === 0
      ? []
      : [`${fill(t.itemRef, { number: i + 1 })}: ${fill(t.removedElsewhere, {
          removals: item.removedElsewhere.map((r) => `${r.removedAt} (${t.categories[r.category]})`).join('; ')
        })}`])
  ])
  // Earlier notices the notice as a whole refers to but no single item carries still have to be named.
  const itemRefs = new Set(items.flatMap((item) => item.reuploadOf))
  const loose = c.reuploadOf.filter((ref) => !itemRefs.has(ref))
  if (loose.length > 0) reuploads.push(reuploadSentence(t, loose))
  if (reuploads.length > 0) {
    blocks.push({ kind: 'heading', text: t.headings.reupload }, { kind: 'list', ordered: false, items: reuploads })
  }
  // The reporter's capture time and evidence reference, for the items that have them.
  const evidence = items.flatMap((item, i) => {
    const parts = [
      ...(item.capturedAt === undefined ? [] : [fill(t.capturedAt, { time: formatTimestamp(item.capturedAt, lang) })]),
      ...(item.evidenceRef === undefined ? [] : [fill(t.evidenceRef, { ref: item.evidenceRef })])
    ]
    return parts.length === 0 ? [] : [`${fill(t.itemRef, { number: i + 1 })}: ${parts.join('; ')}`]
  })
  if (evidence.length > 0) {
    blocks.push({ kind: 'heading', text: t.headings.evidence }, { kind: 'list', ordered: false, items: evidence })
  }
  return blocks
}

function signatoryBlocks (c: NoticeContent, lang: NoticeLang, t: LetterTemplate): Block[] {
  const signatory = c.issuer.signatory
  if (signatory === undefined) return []
  const rows: FieldRow[] = [
    ...(signatory.name === null ? [] : [{ label: t.labels.signatoryName, value: signatory.name }]),
    { label: t.labels.signatoryPosition, value: signatory.position[lang] },
    { label: t.labels.issuer, value: issuerName(c.issuer, lang) }
  ]
  return [{ kind: 'heading', text: t.headings.signatory }, { kind: 'fields', rows }]
}

function closingBlocks (c: NoticeContent, lang: NoticeLang, t: LetterTemplate): Block[] {
  const days = c.redress.deadlineDays
  const months = c.preservation.periodMonths
  const languages = c.languages.map((l) => t.languageNames[l]).join(', ')
  return [
    { kind: 'heading', text: t.headings.redress },
    { kind: 'paragraph', text: fill(t.redress, { redressDays: days, days: plural(lang, days, t.days) }) },
    { kind: 'heading', text: t.headings.preservation },
    {
      kind: 'paragraph',
      text: fill(t.preservation, { preservationMonths: months, months: plural(lang, months, t.months) })
    },
    { kind: 'heading', text: t.headings.languages },
    {
      kind: 'fields',
      rows: [
        { label: t.labels.thisVersion, value: t.languageNames[lang] },
        { label: t.labels.languages, value: languages }
      ]
    },
    { kind: 'paragraph', text: t.signedContent }
  ]
}

/**
 * The content as a letter shows it: in every string, control characters (stored before the API refused them)
 * become U+FFFD, and a value that holds bidirectional controls or right-to-left letters is isolated (FSI ... PDI,
 * its own controls closed inside), so that no value can forge a line or reorder the words around it. Only the
 * rendering changes: the signed content is what it was. Strings the gateway makes itself (dates, numbers,
 * vocabulary) hold none of these and pass unchanged.
 */
function shown<T> (value: T): T {
  if (typeof value === 'string') return isolate(replaceControls(value)) as T
  if (Array.isArray(value)) return value.map(shown) as T
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shown(inner)])) as T
}

export function composeNoticeDocument (
  signed: NoticeContent, lang: NoticeLang, signature: SignatureRef
): NoticeDocument {
  const content = shown(signed)
  const t = LETTERS[lang]
  const items = [...content.items].sort((a, b) => a.position - b.position)
  return {
    lang,
    title: fill(t.title, { referenceNumber: content.referenceNumber }),
    letterhead: [issuerName(content.issuer, lang), `${t.labels.contactPoint}: ${content.issuer.contactPoint}`],
    blocks: [
      ...addresseeBlocks(content, t),
      ...noticeBlocks(content, lang, t),
      ...itemBlocks(content, lang, t, items),
      ...closingBlocks(content, lang, t),
      ...signatoryBlocks(content, lang, t)
    ],
    signature: {
      label: t.signature,
      algorithm: signature.algorithm,
      keyId: signature.keyId,
      fingerprint: signature.fingerprint
    },
    pageLabel: (page, pages) => fill(t.pageLabel, { page, pages }),
    issuedAt: new Date(content.issuedAt)
  }
}
