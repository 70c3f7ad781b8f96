// Instagram: posts, reels and IGTV by shortcode, stories, highlights, profiles and share links.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'www.instagram.com'
const SHORTCODE = /^[A-Za-z0-9_-]{5,64}$/
const USERNAME = /^[a-z0-9._]{1,30}$/
const MEDIA = new Set(['p', 'reel', 'reels', 'tv'])
const PROFILE_TABS = new Set([
  'reels', 'tagged', 'guides', 'channel', 'saved', 'followers', 'following', 'feed', 'igtv'
])
const RESERVED = new Set([
  'accounts', 'explore', 'direct', 'about', 'legal', 'developer', 'emails', 'challenge', 'web', 'api', 'graphql',
  'static', 'session', 'privacy', 'terms', 'help', 'press', 'oauth', 'login', 'logout', 'download', 'nametag',
  'directory', 'lite', 'ar', 'your_activity', 'p', 'reel', 'reels', 'tv', 'stories', 'share', 's', 'music', 'topics',
  'threads', 'create', 'ads', 'business'
])

export function parseInstagram (url: ParsedUrl): Material | null {
  if (url.sub !== '' && url.sub !== 'm') return null
  const { segments } = url
  const kw = keywords(segments)
  if (MEDIA.has(kw[0])) return segments.length === 2 ? post(segments[1]) : null
  if (kw[0] === 'stories') return story(segments.slice(1))
  if (kw[0] === 'share') return share(segments.slice(1))
  if (segments.length === 0 || RESERVED.has(kw[0]) || !USERNAME.test(kw[0])) return null
  // Newer links put the author first: /<username>/p/<shortcode>/.
  if (segments.length === 3 && MEDIA.has(kw[1])) return post(segments[2])
  if (segments.length > 2 || (segments.length === 2 && !PROFILE_TABS.has(kw[1]))) return null
  return profile(kw[0])
}

// A reel is a post with a video player: /p/<shortcode>/ opens it too, so posts and reels share one canonical
// form. Shortcodes are case-sensitive; Instagram's own canonical links end with a slash.
function post (shortcode: string): Material | null {
  if (!SHORTCODE.test(shortcode)) return null
  return material('post', canonicalUrl(HOST, ['p', shortcode], { trailingSlash: true }), { shortcode })
}

function profile (username: string): Material {
  return material('profile', canonicalUrl(HOST, [username], { trailingSlash: true }), { username })
}

function story (rest: string[]): Material | null {
  const kw = keywords(rest)
  if (kw[0] === 'highlights') {
    if (rest.length !== 2 || !DIGITS.test(rest[1])) return null
    const highlightId = stripZeros(rest[1])
    return material('highlight', canonicalUrl(HOST, ['stories', 'highlights', highlightId], { trailingSlash: true }),
      { highlightId })
  }
  if (rest.length === 0 || !USERNAME.test(kw[0])) return null
  // Without a story id the link shows whatever is live now: the stable thing it names is the account.
  if (rest.length === 1) return profile(kw[0])
  if (rest.length !== 2 || !DIGITS.test(rest[1])) return null
  const storyId = stripZeros(rest[1])
  return material('story', canonicalUrl(HOST, ['stories', kw[0], storyId], { trailingSlash: true }),
    { username: kw[0], storyId })
}

function share (rest: string[]): Material | null {
  const kw = keywords(rest)
  if (rest.length === 1 && SHORTCODE.test(rest[0])) {
    return material('short_link', canonicalUrl(HOST, ['share', rest[0]], { trailingSlash: true }),
      { shortCode: rest[0] })
  }
  if (rest.length === 2 && (kw[0] === 'p' || kw[0] === 'reel') && SHORTCODE.test(rest[1])) {
    return material('short_link', canonicalUrl(HOST, ['share', kw[0], rest[1]], { trailingSlash: true }),
      { shortCode: rest[1], shareType: kw[0] })
  }
  return null
}
