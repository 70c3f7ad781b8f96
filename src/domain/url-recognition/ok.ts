// Odnoklassniki (OK.ru): group topics, user statuses, videos, groups and profiles, including the mobile query forms.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'ok.ru'
const SCREEN_NAME = /^[a-z0-9_.]{2,64}$/
const WEB_HOSTS = new Set(['', 'm', 'mobile'])
const VIDEO_PATHS = new Set(['video', 'videoembed', 'live'])
const RESERVED = new Set([
  'dk', 'feed', 'messages', 'music', 'games', 'settings', 'search', 'help', 'about', 'friends', 'guests',
  'notifications', 'discussions', 'marks', 'gifts', 'apps', 'video', 'videoembed', 'live', 'group', 'groups',
  'profile', 'photos', 'hobby', 'vitrine', 'mobile', 'regulations', 'res', 'app', 'game', 'payment', 'bookmarks',
  'events', 'market', 'mall', 'cdn-cgi', 'login'
])

export function parseOk (url: ParsedUrl): Material | null {
  if (!WEB_HOSTS.has(url.sub)) return null
  const { segments, query } = url
  const kw = keywords(segments)
  // The mobile site addresses objects by query ('m.ok.ru/dk?st.cmd=...&st.mvId=...').
  if (kw[0] === 'dk' || segments.length === 0) return mobileQuery(query)
  if (VIDEO_PATHS.has(kw[0])) return segments.length === 2 ? video(segments[1]) : null
  if (kw[0] === 'group' && segments.length >= 2) return groupMaterial(segments[1], segments.slice(2))
  const legacyGroup = /^group(\d{1,20})$/.exec(kw[0])
  if (legacyGroup !== null) return groupMaterial(legacyGroup[1], segments.slice(1))
  if (kw[0] === 'profile' && segments.length >= 2) return profileMaterial(segments[1], segments.slice(2))
  if (RESERVED.has(kw[0]) || !SCREEN_NAME.test(kw[0]) || DIGITS.test(kw[0])) return null
  return namedMaterial(kw[0], segments.slice(1))
}

function mobileQuery (query: ReadonlyMap<string, string>): Material | null {
  const mv = query.get('st.mvId')
  if (mv !== undefined) return video(mv)
  const groupId = query.get('st.groupId')
  const topicId = query.get('st.topicId')
  if (groupId !== undefined && topicId !== undefined) return groupMaterial(groupId, ['topic', topicId])
  return null
}

function video (id: string): Material | null {
  if (!DIGITS.test(id)) return null
  const videoId = stripZeros(id)
  return material('video', canonicalUrl(HOST, ['video', videoId]), { videoId })
}

function groupMaterial (rawId: string, rest: string[]): Material | null {
  if (!DIGITS.test(rawId)) return null
  const groupId = stripZeros(rawId)
  const kw = keywords(rest)
  if (rest.length === 0) return material('group', canonicalUrl(HOST, ['group', groupId]), { groupId })
  if (rest.length === 2 && kw[0] === 'topic' && DIGITS.test(rest[1])) {
    const topicId = stripZeros(rest[1])
    return material('post', canonicalUrl(HOST, ['group', groupId, 'topic', topicId]), { groupId, topicId })
  }
  return null
}

function profileMaterial (rawId: string, rest: string[]): Material | null {
  if (!DIGITS.test(rawId)) return null
  const userId = stripZeros(rawId)
  const kw = keywords(rest)
  if (rest.length === 0) return material('profile', canonicalUrl(HOST, ['profile', userId]), { userId })
  if (rest.length === 2 && kw[0] === 'statuses' && DIGITS.test(rest[1])) {
    const statusId = stripZeros(rest[1])
    return material('post', canonicalUrl(HOST, ['profile', userId, 'statuses', statusId]), { userId, statusId })
  }
  return null
}

// A custom address may belong to a user or a group; OK resolves both from the same namespace.
function namedMaterial (screenName: string, rest: string[]): Material | null {
  const kw = keywords(rest)
  if (rest.length === 0) return material('profile', canonicalUrl(HOST, [screenName]), { screenName })
  if (rest.length === 2 && (kw[0] === 'topic' || kw[0] === 'statuses') && DIGITS.test(rest[1])) {
    const id = stripZeros(rest[1])
    const key = kw[0] === 'topic' ? 'topicId' : 'statusId'
    return material('post', canonicalUrl(HOST, [screenName, kw[0], id]), { screenName, [key]: id })
  }
  return null
}
