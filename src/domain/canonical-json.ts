// RFC 8785 (JCS) canonical JSON: what notice signatures and idempotency fingerprints are computed over.

/**
 * JSON.stringify already serialises strings and finite numbers exactly as RFC 8785 requires (ECMAScript rules);
 * what remains is ordering object members by their UTF-16 code units, which the default sort does. Written as
 * plain loops: every notice issued is canonicalised once to be signed, so this is on the hot path of intake.
 */
export function canonicalJson (value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') return JSON.stringify(value)
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('non-finite numbers have no JSON form')
    }
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      throw new TypeError(`a ${typeof value} has no JSON form`)
    }
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ','
      out += value[i] === undefined ? 'null' : canonicalJson(value[i])
    }
    return out + ']'
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  let out = '{'
  for (const key of keys) {
    const member = record[key]
    if (member === undefined) continue
    if (out.length > 1) out += ','
    out += JSON.stringify(key) + ':' + canonicalJson(member)
  }
  return out + '}'
}
