// The shapes of notice templates: a letter's vocabulary per language and item names per platform, as plain data.
import type { NoticeLang } from '../notice-content.ts'
import type { PlatformSlug } from '../../platforms.ts'
import type { ContentKind } from '../../url-recognition/types.ts'
import type { Category, ContentType, Urgency } from '../../vocabulary.ts'

// Counted words follow the language's plural rules (Intl.PluralRules categories): Russian needs three forms.
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }

export interface LetterTemplate {
  // Placeholders: {referenceNumber}.
  title: string
  headings: {
    addressee: string
    notice: string
    grounds: string
    reasons: string
    scope: string
    items: string
    reupload: string
    redress: string
    preservation: string
    languages: string
    evidence: string
    signatory: string
  }
  labels: {
    issuer: string
    contactPoint: string
    referenceNumber: string
    platform: string
    addressee: string
    address: string
    legalRepresentative: string
    issuedAt: string
    deadline: string
    urgency: string
    category: string
    dsaCategory: string
    legalBasis: string
    citation: string
    signatoryName: string
    signatoryPosition: string
    reuploadOf: string
    thisVersion: string
    languages: string
  }
  // {name} and {email} of the legal representative, and what to say when none is on record.
  representative: string
  noRepresentative: string
  // {legalEntity}, {platformName}, {representative}.
  salutation: string
  salutationWithoutRepresentative: string
  // {issuer}, {deadline}: the operative sentence that makes the letter an order rather than a request.
  demand: string
  // {utc}, {local}: both clocks, so neither side has to convert and no reader's locale changes the text.
  timestamp: string
  // {countries}
  scope: string
  itemColumns: { number: string, item: string, url: string, contentType: string, reuploadOf: string }
  // {number}: how a re-upload paragraph names its item.
  itemRef: string
  // {time}: when the reporter captured an item; {ref}: where it keeps the evidence.
  capturedAt: string
  evidenceRef: string
  // {refs}: 'one' for a single earlier notice, 'other' for several.
  reupload: { one: string, other: string }
  // {removals}: '{date} ({category})' for each removal of the same material from another platform, whose notices
  // are not named to this one.
  removedElsewhere: string
  // {redressDays} {days}
  redress: string
  // {preservationMonths} {months}
  preservation: string
  days: PluralForms
  months: PluralForms
  signedContent: string
  signature: string
  // {page}, {pages}
  pageLabel: string
  // {canonicalUrl}: what an item is called when no platform pattern fits its identifiers.
  genericItem: string
  none: string
  categories: Record<Category, string>
  urgencies: Record<Urgency, string>
  contentTypes: Record<ContentType, string>
  languageNames: Record<NoticeLang, string>
  // ISO 3166-1 alpha-2 code to the country's name; codes without a name here are shown as the code alone.
  countries: Record<string, string>
}

// Per identifier kind, patterns from the most to the least specific: the first whose placeholders all have a
// value names the item, so a richer identifier set gives a more precise name.
export type KindPatterns = Partial<Record<ContentKind, readonly string[]>>

export type ItemPatterns = Record<PlatformSlug, KindPatterns>
