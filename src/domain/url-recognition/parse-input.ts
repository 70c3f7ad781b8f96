// Turns whatever a user pasted into a clean URL: scheme, host, decoded path segments and query.
import type { HostMatch } from './hosts.ts'
import { matchHost, normalizeHost } from './hosts.ts'
import type { ParsedUrl } from './types.ts'

export const MAX_INPUT_LENGTH = 2048

// 'scheme:' unless what follows the colon is a port ('t.me:443/durov').
const SCHEME = /^([a-z][a-z0-9+.-]*):(.*)$/is
const PORT_LIKE = /^\d+(?:[/?#]|$)/s
// Zero-width characters and BOMs ride along with text copied from messengers and documents.
const INVISIBLE_EDGES = /^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INNER_SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/

export type InputProblem = 'malformed' | 'unknown_platform'

export function parseInput (input: unknown): { url: ParsedUrl, match: HostMatch } | InputProblem {
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return 'malformed'
  const text = input.replace(INVISIBLE_EDGES, '')
  if (text === '' || INNER_SPACE_OR_CONTROL.test(text)) return 'malformed'

  const url = toUrl(text)
  if (url === null) return 'malformed'
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'malformed'
  // Credentials in a notice URL are either a mistake or an attempt to smuggle a different host past a reader.
  if (url.username !== '' || url.password !== '' || /^[a-z]+:\/\/[^/?#]*@/i.test(text)) return 'malformed'

  // IP literals name no platform, and domainToASCII would not keep their brackets.
  if (url.hostname.startsWith('[')) return 'unknown_platform'
  const host = normalizeHost(url.hostname)
  if (host === '') return 'malformed'
  const match = matchHost(host)
  if (match === null) return 'unknown_platform'

  const located = hashBangLocation(url)
  const segments = located.pathname.split('/').filter((s) => s !== '').map(decodeSegment)
  const query = new Map<string, string>()
  for (const [key, value] of located.searchParams) {
    if (!query.has(key)) query.set(key, value)
  }
  return { url: { host, base: match.base, sub: match.sub, segments, query }, match }
}

function toUrl (text: string): URL | null {
  const scheme = SCHEME.exec(text)
  let absolute = text
  if (scheme === null || PORT_LIKE.test(scheme[2])) {
    absolute = text.startsWith('//') ? 'https:' + text : 'https://' + text
  }
  try {
    return new URL(absolute)
  } catch {
    return null
  }
}

// Old Twitter and Facebook links carry the real path after '#!' ('twitter.com/#!/user/status/1').
function hashBangLocation (url: URL): URL {
  if (url.pathname !== '/' || !url.hash.startsWith('#!/')) return url
  try {
    return new URL(url.hash.slice(2), url.origin)
  } catch {
    return url
  }
}

// Invalid escapes are kept literally rather than rejected: the platform parser decides if the segment matters.
function decodeSegment (segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run.toUpperCase()
      }
    })
  }
}
