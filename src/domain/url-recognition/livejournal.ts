// LiveJournal: journal posts and comment threads, and journals themselves, on user subdomains or /users/ paths.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const USER = /^[a-z0-9_]{1,15}$/
const PATH_HOSTS = new Set(['users', 'community', 'syndicated'])
// Subdomains that are LiveJournal services, not journals.
const SERVICE_HOSTS = new Set([
  'm', 'pics', 'l-stat', 'stat', 'l-userpic', 'status', 'shop', 'help', 'api', 'ssl', 'xc3', 'ic', 'ljplus', 'static',
  'files', 'userpic', 'imgprx', 'auth', 'login', 'mail', 'press', 'about', 'support'
])

export function parseLiveJournal (url: ParsedUrl): Material | null {
  const kw = keywords(url.segments)
  if (url.sub === '' || PATH_HOSTS.has(url.sub)) {
    // www.livejournal.com/users/<user>/..., users.livejournal.com/<user>/...
    const rest = url.sub === '' ? (PATH_HOSTS.has(kw[0]) ? kw.slice(1) : null) : kw
    if (rest === null || rest.length === 0) return null
    return journal(rest[0], rest.slice(1), url.query)
  }
  if (url.sub === 'm' && kw[0] === 'read' && kw[1] === 'user' && kw.length >= 3 && kw.length <= 4) {
    // The mobile reader: m.livejournal.com/read/user/<user>/<postId>
    const rest = kw.length === 4 ? (DIGITS.test(kw[3]) ? [`${kw[3]}.html`] : ['-']) : []
    return journal(kw[2], rest, url.query)
  }
  if (url.sub.includes('.') || SERVICE_HOSTS.has(url.sub) || !/^[a-z0-9-]+$/.test(url.sub)) return null
  return journal(url.sub, kw, url.query)
}

// Underscores in user names become hyphens in host names; both spellings name one journal.
function journal (name: string, rest: string[], query: ReadonlyMap<string, string>): Material | null {
  const user = name.replace(/-/g, '_')
  if (!USER.test(user)) return null
  if (rest.length === 0 || (rest.length === 1 && rest[0] === 'profile')) {
    return material('profile', journalUrl(user, []), { user })
  }
  const postId = rest.length === 1 ? /^(\d{1,20})\.html$/.exec(rest[0])?.[1] : undefined
  if (postId === undefined) return null
  const id = stripZeros(postId)
  const thread = query.get('thread')
  if (thread !== undefined && DIGITS.test(thread)) {
    const t = stripZeros(thread)
    return material('comment', journalUrl(user, [`${id}.html`], { thread: t }), { user, postId: id, thread: t })
  }
  return material('post', journalUrl(user, [`${id}.html`]), { user, postId: id })
}

// Names that start or end with '_' cannot be host labels, so LiveJournal serves them under users.livejournal.com.
function journalUrl (user: string, segments: string[], query?: Record<string, string>): string {
  if (user.startsWith('_') || user.endsWith('_')) {
    return canonicalUrl('users.livejournal.com', [user, ...segments], { query, trailingSlash: segments.length === 0 })
  }
  return canonicalUrl(`${user.replace(/_/g, '-')}.livejournal.com`, segments, { query })
}
