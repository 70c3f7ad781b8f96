// Builds canonical URLs: one spelling per piece of material, so equal material compares equal as a string.

import type { ContentKind, Identifiers, Material } from './types.ts'

// RFC 3986 allows these in a path segment; leaving them bare keeps 'urn:li:activity:1', '@user' and '+invite' readable.
const PATH_SAFE_ESCAPES = /%(3A|40|2B|2C|3B|3D|24|26)/g

export function encodeSegment (segment: string): string {
  return encodeURIComponent(segment)
    .replace(PATH_SAFE_ESCAPES, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

export interface CanonicalOptions {
  query?: Record<string, string>
  trailingSlash?: boolean
}

export function canonicalUrl (host: string, segments: readonly string[], options: CanonicalOptions = {}): string {
  let url = `https://${host}/${segments.map(encodeSegment).join('/')}`
  if (options.trailingSlash === true && segments.length > 0) url += '/'
  const entries = Object.entries(options.query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (entries.length > 0) {
    url += '?' + entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
  }
  return url
}

export function material (kind: ContentKind, url: string, identifiers: Identifiers): Material {
  return { canonicalUrl: url, identifiers: { kind, ...identifiers } }
}

// Path keywords ('status', 'posts', 'watch') are matched case-insensitively: platforms route them that way.
export function keywords (segments: readonly string[]): string[] {
  return segments.map((s) => s.toLowerCase())
}

export const DIGITS = /^\d{1,25}$/

// Leading zeros would make '007' and '7' two spellings of one numeric id.
export function stripZeros (digits: string): string {
  return digits.replace(/^0+(?=\d)/, '')
}
