// What a removal notice says: the signed content model, its reference number and its deadline (pure).
import type { Category, ContentType, Urgency } from '../vocabulary.ts'
import { DSA_CATEGORY } from '../vocabulary.ts'
import type { PlatformSlug } from '../platforms.ts'

export type NoticeLang = 'en' | 'ru' | 'kk'
export const NOTICE_LANGS = ['en', 'ru', 'kk'] as const

export interface NoticeItemContent {
  id: string
  position: number
  url: string
  canonicalUrl: string
  contentType: ContentType
  identifiers: Record<string, string>
  /** Reference numbers of the addressee's own earlier notices whose removed material this item matches. */
  reuploadOf: string[]
  /**
   * The same material removed before from OTHER platforms: only when and in what category, never their notices'
   * numbers (which would tell one platform about another's cases). Absent when there is none.
   */
  removedElsewhere?: PriorRemoval[]
  /** When the reporter captured the material, and where it keeps its evidence (never the material itself). */
  capturedAt?: string
  evidenceRef?: string
}

export interface PriorRemoval { removedAt: string, category: Category }

/** An earlier notice whose removed material an item matches, as the authority knows it. */
export interface EarlierRemoval { referenceNumber: string, removedAt: string, category: Category }

export function isReferenceOf (reference: string, platform: PlatformSlug): boolean {
  return parseReferenceNumber(reference)?.code === PLATFORM_CODES[platform]
}

/**
 * What a notice to `platform` may cite of an item's earlier removals: its own earlier notices by number; of other
 * platforms', only that the material was removed before (the day, the category). The same rule as the hash bank's
 * matches and entries shown to a liaison, and the notice is a document sent to the platform.
 */
export function citationsFor (
  platform: PlatformSlug, earlier: readonly EarlierRemoval[]
): Pick<NoticeItemContent, 'reuploadOf' | 'removedElsewhere'> {
  const own = [...new Set(
    earlier.filter((e) => isReferenceOf(e.referenceNumber, platform)).map((e) => e.referenceNumber)
  )].sort()
  const elsewhere = new Map<string, PriorRemoval>()
  for (const e of earlier) {
    if (isReferenceOf(e.referenceNumber, platform)) continue
    const removal = { removedAt: e.removedAt.slice(0, 10), category: e.category }
    elsewhere.set(`${removal.removedAt} ${removal.category}`, removal)
  }
  const removedElsewhere = [...elsewhere.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r)
  return removedElsewhere.length > 0 ? { reuploadOf: own, removedElsewhere } : { reuploadOf: own }
}

/** Text the issuer gives in each notice language. */
export type LocalizedText = Record<NoticeLang, string>

/**
 * Who issues: the authority's name in each notice language (`name` is the English one, which notices issued before
 * names in other languages carry alone), its contact point, and the officer who signs.
 */
export interface NoticeIssuer {
  name: string
  contactPoint: string
  names?: LocalizedText
  signatory?: { name: string | null, position: LocalizedText }
}

/** The issuer's name in a notice language, falling back to the one name older notices carry. */
export function issuerName (issuer: NoticeIssuer, lang: NoticeLang): string {
  return issuer.names?.[lang] ?? issuer.name
}

/** A legal basis's citation in a notice language, falling back to the one citation older notices carry. */
export function legalCitation (legalBasis: NoticeContent['legalBasis'], lang: NoticeLang): string {
  return legalBasis.citations?.[lang] ?? legalBasis.citation
}

/**
 * The content that is signed. It mirrors the mandatory fields of a removal order under Regulation (EU) 2021/784,
 * Annex I, and Art. 9 DSA: issuer and contact point, addressee, reference, time of issue and deadline, exact
 * locations, category, legal basis, reasons, territorial scope, redress, preservation and languages.
 */
export interface NoticeContent {
  noticeId: string
  referenceNumber: string
  reportId: string
  issuer: NoticeIssuer
  addressee: {
    platform: PlatformSlug
    platformName: string
    legalEntity: { name: string, country: string, address: string }
    legalRepresentative: { name: string, email: string } | null
  }
  issuedAt: string
  deadline: string
  urgency: Urgency
  category: Category
  dsa: { category: string, keyword: string | null }
  legalBasis: { id: string, citation: string, citations?: LocalizedText, title: { kk: string, ru: string, en: string } }
  statementOfReasons: string
  territorialScope: string[]
  items: NoticeItemContent[]
  redress: { deadlineDays: number }
  preservation: { periodMonths: number }
  languages: NoticeLang[]
  reuploadOf: string[]
}

/** Two letters per platform keep reference numbers short and readable on the phone. */
export const PLATFORM_CODES: Record<PlatformSlug, string> = {
  telegram: 'TG',
  tiktok: 'TT',
  facebook: 'FB',
  instagram: 'IG',
  vk: 'VK',
  ok: 'OK',
  mailru: 'MR',
  livejournal: 'LJ',
  linkedin: 'LI',
  youtube: 'YT',
  x: 'XC'
}

export function formatReferenceNumber (country: string, year: number, platform: PlatformSlug, serial: number): string {
  return `${country}-${year}-${PLATFORM_CODES[platform]}-${String(serial).padStart(6, '0')}`
}

const REFERENCE_PATTERN = /^([A-Z]{2})-(\d{4})-([A-Z]{2})-(\d{6,})$/

export function parseReferenceNumber (
  reference: string
): { country: string, year: number, code: string, serial: number } | null {
  const match = REFERENCE_PATTERN.exec(reference)
  return match ? { country: match[1], year: Number(match[2]), code: match[3], serial: Number(match[4]) } : null
}

export function computeDeadline (
  issuedAt: Date, urgency: Urgency, deadlines: { normalHours: number, urgentHours: number }
): Date {
  const hours = urgency === 'urgent' ? deadlines.urgentHours : deadlines.normalHours
  return new Date(issuedAt.getTime() + hours * 3_600_000)
}

export function dsaOf (category: Category): { category: string, keyword: string | null } {
  return DSA_CATEGORY[category]
}

/** The platform's declared languages first, then the state languages, so every notice is readable in kk and ru. */
export function noticeLanguages (declared: readonly string[]): NoticeLang[] {
  const out: NoticeLang[] = []
  for (const lang of [...declared, 'kk', 'ru']) {
    if ((NOTICE_LANGS as readonly string[]).includes(lang) && !out.includes(lang as NoticeLang)) {
      out.push(lang as NoticeLang)
    }
  }
  return out
}

/** Groups items by platform, keeping report order within each group and the order of first appearance. */
export function groupByPlatform<T extends { platform: PlatformSlug }> (items: readonly T[]): Map<PlatformSlug, T[]> {
  const groups = new Map<PlatformSlug, T[]>()
  for (const item of items) {
    const group = groups.get(item.platform)
    if (group) group.push(item)
    else groups.set(item.platform, [item])
  }
  return groups
}

/** Reference numbers restart each calendar year in the issuing country's time (Asia/Almaty, UTC+5, no DST). */
export function referenceYear (at: Date): number {
  return new Date(at.getTime() + 5 * 3_600_000).getUTCFullYear()
}

export interface NoticeDraft {
  noticeId: string
  referenceNumber: string
  reportId: string
  issuer: NoticeContent['issuer']
  platform: {
    slug: PlatformSlug
    name: string
    legalEntity: NoticeContent['addressee']['legalEntity']
    legalRepresentative: NoticeContent['addressee']['legalRepresentative']
    languages: readonly string[]
    deadlines: { normalHours: number, urgentHours: number }
  }
  issuedAt: Date
  urgency: Urgency
  category: Category
  legalBasis: NoticeContent['legalBasis']
  statementOfReasons: string
  territorialScope: string[]
  items: NoticeItemContent[]
  redressDays: number
  preservationMonths: number
}

/** A notice that cites a re-upload is urgent whatever the report said: the material is known and removed before. */
export function buildNoticeContent (draft: NoticeDraft): NoticeContent {
  const reuploadOf = [...new Set(draft.items.flatMap((item) => item.reuploadOf))].sort()
  const knownMaterial = reuploadOf.length > 0 || draft.items.some((item) => (item.removedElsewhere?.length ?? 0) > 0)
  const urgency: Urgency = knownMaterial ? 'urgent' : draft.urgency
  return {
    noticeId: draft.noticeId,
    referenceNumber: draft.referenceNumber,
    reportId: draft.reportId,
    issuer: draft.issuer,
    addressee: {
      platform: draft.platform.slug,
      platformName: draft.platform.name,
      legalEntity: draft.platform.legalEntity,
      legalRepresentative: draft.platform.legalRepresentative
    },
    issuedAt: draft.issuedAt.toISOString(),
    deadline: computeDeadline(draft.issuedAt, urgency, draft.platform.deadlines).toISOString(),
    urgency,
    category: draft.category,
    dsa: dsaOf(draft.category),
    legalBasis: draft.legalBasis,
    statementOfReasons: draft.statementOfReasons,
    territorialScope: draft.territorialScope,
    items: draft.items,
    redress: { deadlineDays: draft.redressDays },
    preservation: { periodMonths: draft.preservationMonths },
    languages: noticeLanguages(draft.platform.languages),
    reuploadOf
  }
}
