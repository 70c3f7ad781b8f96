// RFC 8785 (JCS) canonical JSON: what notice signatures and idempotency fingerprints are computed over.

/**
 * JSON.stringify already serialises strings and finite numbers exactly as RFC 8785 requires (ECMAScript rules);
 * what remains is ordering object members by their UTF-16 code units, which the default sort does.
 */
export function canonicalJson (value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite numbers have no JSON form')
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new TypeError(`a ${typeof value} has no JSON form`)
    }
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return '[' + value.map((v) => canonicalJson(v === undefined ? null : v)).join(',') + ']'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}'
}
