// X (Twitter): posts, profiles, Spaces, broadcasts and t.co short links.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'x.com'
const USER = /^[a-z0-9_]{1,15}$/
const MEDIA_ID = /^[A-Za-z0-9]{5,30}$/
const SHORT_CODE = /^[A-Za-z0-9]{4,16}$/
const WEB_HOSTS = new Set(['', 'mobile', 'm'])
const STATUS = new Set(['status', 'statuses'])
const PROFILE_TABS = new Set([
  'with_replies', 'media', 'likes', 'highlights', 'articles', 'followers', 'following', 'verified_followers'
])
const RESERVED = new Set([
  'home', 'explore', 'search', 'i', 'settings', 'login', 'logout', 'signup', 'messages', 'notifications', 'compose',
  'intent', 'share', 'hashtag', 'tos', 'privacy', 'account', 'jobs', 'about', 'download', 'bookmarks', 'rules', 'help',
  'lists', 'communities', 'premium', 'verified', 'en', 'oauth', 'search-advanced', 'widgets', 'sw.js', 'robots.txt'
])

export function parseX (url: ParsedUrl): Material | null {
  const { segments } = url
  if (url.base === 't.co') {
    if (url.sub !== '' || segments.length !== 1 || !SHORT_CODE.test(segments[0])) return null
    return material('short_link', canonicalUrl('t.co', [segments[0]]), { shortCode: segments[0] })
  }
  if (!WEB_HOSTS.has(url.sub)) return null
  const kw = keywords(segments)
  if (kw[0] === 'i') return internal(segments.slice(1))
  if (segments.length === 0 || RESERVED.has(kw[0]) || !USER.test(kw[0])) return null
  // /<user>/status/<id> and its /photo/1, /video/1, /analytics, /quotes sub-views are one post.
  if (segments.length >= 3 && STATUS.has(kw[1])) return status(segments[2])
  if (segments.length === 1 || (segments.length === 2 && PROFILE_TABS.has(kw[1]))) {
    return material('profile', canonicalUrl(HOST, [kw[0]]), { user: kw[0] })
  }
  return null
}

function internal (rest: string[]): Material | null {
  const kw = keywords(rest)
  if (kw[0] === 'web' && STATUS.has(kw[1]) && rest.length >= 3) return status(rest[2])
  if (STATUS.has(kw[0]) && rest.length >= 2) return status(rest[1])
  if (kw[0] === 'spaces' && rest.length >= 2 && MEDIA_ID.test(rest[1])) {
    return material('space', canonicalUrl(HOST, ['i', 'spaces', rest[1]]), { spaceId: rest[1] })
  }
  if (kw[0] === 'broadcasts' && rest.length >= 2 && MEDIA_ID.test(rest[1])) {
    return material('live', canonicalUrl(HOST, ['i', 'broadcasts', rest[1]]), { broadcastId: rest[1] })
  }
  return null
}

// Post ids are global and the author's name in the URL is neither checked by X nor stable across renames,
// so the canonical form is the author-less /i/status/<id>: one post, one spelling.
function status (id: string): Material | null {
  if (!DIGITS.test(id)) return null
  const statusId = stripZeros(id)
  return material('post', canonicalUrl(HOST, ['i', 'status', statusId]), { statusId })
}
