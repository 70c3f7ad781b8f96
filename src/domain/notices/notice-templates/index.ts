// The notice templates by language, and the small interpreter that fills them: no wording lives in code.
import type { NoticeLang } from '../notice-content.ts'
import type { PlatformSlug } from '../../platforms.ts'
import type { ContentKind } from '../../url-recognition/types.ts'
import { ITEMS_EN } from './items-en.ts'
import { ITEMS_KK } from './items-kk.ts'
import { ITEMS_RU } from './items-ru.ts'
import { LETTER_EN } from './letter-en.ts'
import { LETTER_KK } from './letter-kk.ts'
import { LETTER_RU } from './letter-ru.ts'
import type { ItemPatterns, KindPatterns, LetterTemplate, PluralForms } from './types.ts'

export type { ItemPatterns, LetterTemplate, PluralForms } from './types.ts'

export const LETTERS: Record<NoticeLang, LetterTemplate> = { en: LETTER_EN, ru: LETTER_RU, kk: LETTER_KK }

export const ITEM_PATTERNS: Record<NoticeLang, ItemPatterns> = { en: ITEMS_EN, ru: ITEMS_RU, kk: ITEMS_KK }

const PLACEHOLDER = /\{([A-Za-z]+)\}/g

export function placeholdersOf (template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1])
}

/**
 * Fills {name} placeholders in one pass, so a value that itself contains braces (a statement of reasons, a URL)
 * is never expanded again. A placeholder without a value is a template bug, not something to print.
 */
export function fill (template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`template placeholder {${name}} has no value: ${template}`)
    return String(value)
  })
}

export function plural (lang: NoticeLang, n: number, forms: PluralForms): string {
  return forms[new Intl.PluralRules(lang).select(n)] ?? forms.other
}

// Without a kind (identifiers stored before recognition tagged them) every pattern of the platform is tried, in
// the order the data lists them.
function candidates (patterns: KindPatterns, kind: string | undefined): readonly string[] {
  if (kind !== undefined) return patterns[kind as ContentKind] ?? []
  return Object.values(patterns).flat()
}

/** Names an item in the platform's own terms, or by its canonical URL when no pattern fits its identifiers. */
export function nameItem (
  lang: NoticeLang,
  platform: PlatformSlug,
  identifiers: Readonly<Record<string, string>>,
  canonicalUrl: string
): string {
  const present = (key: string): boolean => typeof identifiers[key] === 'string' && identifiers[key] !== ''
  const pattern = candidates(ITEM_PATTERNS[lang][platform], identifiers.kind)
    .find((p) => placeholdersOf(p).every(present))
  return pattern === undefined
    ? fill(LETTERS[lang].genericItem, { canonicalUrl })
    : fill(pattern, identifiers)
}
