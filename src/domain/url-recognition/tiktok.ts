// TikTok: profiles, videos, photo posts, lives and the short links the app shares.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'www.tiktok.com'
const USER = /^[a-z0-9_.]{2,24}$/
const SHORT_CODE = /^[A-Za-z0-9]{5,16}$/
const SHORT_HOSTS = new Set(['vm', 'vt'])
const WEB_HOSTS = new Set(['', 'm'])

export function parseTikTok (url: ParsedUrl): Material | null {
  const { segments } = url
  const kw = keywords(segments)
  // Short codes cannot be resolved offline; the code itself is kept so the same link is still recognised again.
  if (SHORT_HOSTS.has(url.sub)) {
    if (segments.length !== 1 || !SHORT_CODE.test(segments[0])) return null
    return shortLink(`${url.sub}.tiktok.com`, [segments[0]], segments[0])
  }
  if (!WEB_HOSTS.has(url.sub)) return null
  if (kw[0] === 't' && segments.length === 2 && SHORT_CODE.test(segments[1])) {
    return shortLink(HOST, ['t', segments[1]], segments[1])
  }
  if (kw[0] === 'embed') return video(kw[1] === 'v2' ? segments[2] : segments[1])
  if (kw[0] === 'v' && segments.length === 2) return video(/^(\d+)\.html$/.exec(segments[1])?.[1])
  if (kw[0] === 'video' && segments.length === 2) return video(segments[1])
  if (kw[0] === 'share' && kw[1] === 'video' && segments.length === 3) return video(segments[2])
  if (!kw[0]?.startsWith('@')) return null

  const user = kw[0].slice(1)
  if (segments.length >= 3 && (kw[1] === 'video' || kw[1] === 'photo')) {
    return kw[1] === 'video' ? video(segments[2]) : photo(segments[2])
  }
  if (!USER.test(user)) return null
  if (segments.length === 1) return material('profile', canonicalUrl(HOST, ['@' + user]), { user })
  if (segments.length === 2 && kw[1] === 'live') {
    return material('live', canonicalUrl(HOST, ['@' + user, 'live']), { user })
  }
  return null
}

// Video and photo ids are global and survive a username change, so the canonical form leaves the user out
// ('@' alone is TikTok's own user-less spelling and redirects to the owner).
function video (id: string | undefined): Material | null {
  if (id === undefined || !DIGITS.test(id)) return null
  const videoId = stripZeros(id)
  return material('video', canonicalUrl(HOST, ['@', 'video', videoId]), { videoId })
}

function photo (id: string): Material | null {
  if (!DIGITS.test(id)) return null
  const photoId = stripZeros(id)
  return material('photo', canonicalUrl(HOST, ['@', 'photo', photoId]), { photoId })
}

function shortLink (host: string, segments: string[], shortCode: string): Material {
  return material('short_link', canonicalUrl(host, segments), { shortCode })
}
