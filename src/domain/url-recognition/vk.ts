// VKontakte: wall posts and comments, videos and clips, photos, board topics, documents, articles, users, communities.
import { canonicalUrl, material, stripZeros } from './canonical.ts'
import type { Identifiers, Material, ParsedUrl } from './types.ts'

const HOST = 'vk.com'
// wall-123_456, video123_456 ...: owner id (negative for communities) and the object's number.
const OBJECT = /^(wall|video|clip|photo|topic|doc)(-?\d{1,20})_(\d{1,20})$/i
const OVERLAY_OBJECT = /^(wall|video|clip|photo)(-?\d{1,20})_(\d{1,20})(?:$|[/?])/i
const SCREEN_NAME = /^[a-z0-9_.]{2,32}$/
const WEB_HOSTS = new Set(['', 'm', 'new', 'mobile'])
const RESERVED = new Set([
  'feed', 'im', 'login', 'settings', 'friends', 'groups', 'search', 'video', 'videos', 'music', 'audio', 'audios',
  'apps', 'docs', 'support', 'about', 'terms', 'dev', 'ads', 'photos', 'albums', 'bookmarks', 'fave', 'notifications',
  'market', 'services', 'games', 'clips', 'away.php', 'away', 'share.php', 'blog', 'jobs', 'legal', 'privacy', 'help',
  'restore', 'join', 'mail', 'app', 'stickers', 'gifts', 'podcasts', 'discover', 'messages', 'edit', 'wall', 'topic',
  'photo', 'doc', 'club', 'public', 'event', 'id', 'write', 'search.php', 'index.php', 'al_feed.php', 'challenge',
  'embed', 'widget_comments.php', 'mobile'
])

export function parseVk (url: ParsedUrl): Material | null {
  const { segments, query } = url
  if (url.base === 'vkvideo.ru') {
    // VK Video's own site shows the same video objects as vk.com.
    if (!WEB_HOSTS.has(url.sub) || segments.length !== 1) return null
    const m = OBJECT.exec(segments[0])
    return m !== null && /^(video|clip)$/i.test(m[1]) ? vkObject(m, query) : null
  }
  if (!WEB_HOSTS.has(url.sub)) return null
  // ?w= / ?z= open an object in an overlay over any page; the object is what the link points at.
  for (const key of ['w', 'z']) {
    const m = OVERLAY_OBJECT.exec(query.get(key) ?? '')
    if (m !== null) return vkObject(m, new Map())
  }
  if (segments.length !== 1) return null
  const segment = segments[0]
  // The embedded player addresses the video by query: video_ext.php?oid=-123&id=456&hash=...
  if (segment.toLowerCase() === 'video_ext.php') {
    const m = OBJECT.exec(`video${query.get('oid') ?? ''}_${query.get('id') ?? ''}`)
    return m === null ? null : vkObject(m, query)
  }
  const object = OBJECT.exec(segment)
  if (object !== null) return vkObject(object, query)
  const kw = segment.toLowerCase()
  const numbered = /^(id|club|public|event)(\d{1,20})$/.exec(kw)
  if (numbered !== null) {
    const n = stripZeros(numbered[2])
    if (numbered[1] === 'id') return material('profile', canonicalUrl(HOST, ['id' + n]), { userId: n })
    // public123 and event123 are other spellings of the community club123.
    return material('community', canonicalUrl(HOST, ['club' + n]), { communityId: n })
  }
  if (kw.startsWith('@') && /^@[a-z0-9_.-]{2,128}$/.test(kw)) {
    return material('article', canonicalUrl(HOST, [kw]), { article: kw.slice(1) })
  }
  if (!SCREEN_NAME.test(kw) || RESERVED.has(kw) || /^\d+$/.test(kw)) return null
  return material('profile', canonicalUrl(HOST, [kw]), { screenName: kw })
}

function vkObject (m: RegExpExecArray, query: ReadonlyMap<string, string>): Material {
  const type = m[1].toLowerCase()
  const owner = ownerId(m[2])
  const id = stripZeros(m[3])
  const path = (prefix: string): string => canonicalUrl(HOST, [`${prefix}${owner}_${id}`])
  switch (type) {
    case 'wall': {
      const reply = query.get('reply')
      const ids: Identifiers = { ownerId: owner, postId: id }
      if (reply !== undefined && /^\d{1,20}$/.test(reply)) {
        const commentId = stripZeros(reply)
        return material('comment', canonicalUrl(HOST, [`wall${owner}_${id}`], { query: { reply: commentId } }),
          { ...ids, commentId })
      }
      return material('post', path('wall'), ids)
    }
    // Clips are short videos in the same id space; vk.com/video<owner>_<id> opens either.
    case 'video':
    case 'clip':
      return material('video', path('video'), { videoOwnerId: owner, videoId: id })
    case 'photo':
      return material('photo', path('photo'), { photoOwnerId: owner, photoId: id })
    case 'topic':
      return material('topic', path('topic'), { topicOwnerId: owner, topicId: id })
    default:
      return material('file', path('doc'), { docOwnerId: owner, docId: id })
  }
}

function ownerId (raw: string): string {
  const negative = raw.startsWith('-')
  const digits = stripZeros(negative ? raw.slice(1) : raw)
  return negative && digits !== '0' ? '-' + digits : digits
}
