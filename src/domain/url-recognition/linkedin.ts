// LinkedIn: posts (activity, share and ugcPost URNs), profiles, company pages, articles and lnkd.in short links.
import { canonicalUrl, keywords, material } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'www.linkedin.com'
const URN = /^urn:li:(activity|share|ugcpost):(\d{10,25})$/i
// /posts/<author>_<words>-activity-<id>-<4 chars>: only the id identifies the post.
const POST_SLUG = /-(activity|share|ugcpost)-(\d{10,25})(?:-|$)/i
const VANITY = /^[\p{L}\p{N}_-]{2,100}$/u
const SHORT_CODE = /^[A-Za-z0-9_-]{4,16}$/
const ID_KEYS: Record<string, { urn: string, key: string }> = {
  activity: { urn: 'activity', key: 'activityId' },
  share: { urn: 'share', key: 'shareId' },
  ugcpost: { urn: 'ugcPost', key: 'ugcPostId' }
}
const PROFILE_TABS = new Set(['recent-activity', 'detail', 'details', 'overlay'])

export function parseLinkedIn (url: ParsedUrl): Material | null {
  const { segments } = url
  if (url.base === 'lnkd.in') {
    if (url.sub !== '' || segments.length !== 1 || !SHORT_CODE.test(segments[0])) return null
    return material('short_link', canonicalUrl('lnkd.in', [segments[0]]), { shortCode: segments[0] })
  }
  // Country front-ends ('kz.linkedin.com') serve the same pages.
  if (url.sub !== '' && url.sub !== 'm' && !/^[a-z]{2}$/.test(url.sub)) return null
  const kw = keywords(segments)
  if (kw[0] === 'posts' && segments.length === 2) {
    const m = POST_SLUG.exec(segments[1])
    return m === null ? null : post(m[1], m[2])
  }
  const feedAt = kw[0] === 'embed' ? 1 : 0
  if (kw[feedAt] === 'feed' && kw[feedAt + 1] === 'update' && segments.length === feedAt + 3) {
    const m = URN.exec(segments[feedAt + 2])
    return m === null ? null : post(m[1], m[2])
  }
  if (kw[0] === 'in' && segments.length >= 2 && VANITY.test(kw[1])) {
    if (segments.length > 2 && !PROFILE_TABS.has(kw[2])) return null
    return material('profile', canonicalUrl(HOST, ['in', kw[1]]), { user: kw[1] })
  }
  if (kw[0] === 'company' && segments.length >= 2 && VANITY.test(kw[1])) {
    return material('company', canonicalUrl(HOST, ['company', kw[1]]), { company: kw[1] })
  }
  if (kw[0] === 'pulse' && segments.length === 2 && VANITY.test(kw[1])) {
    return material('article', canonicalUrl(HOST, ['pulse', kw[1]]), { article: kw[1] })
  }
  return null
}

// The feed/update URN form is the one LinkedIn itself links to; every post spelling maps onto it.
function post (type: string, id: string): Material {
  const { urn, key } = ID_KEYS[type.toLowerCase()]
  return material('post', canonicalUrl(HOST, ['feed', 'update', `urn:li:${urn}:${id}`]), { [key]: id })
}
