// YouTube: every video form (watch, youtu.be, shorts, live, embed), channels, playlists and community posts.
import { canonicalUrl, keywords, material } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'www.youtube.com'
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/
const CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/
const HANDLE = /^[\p{L}\p{N}._-]{3,30}$/u
const LEGACY_NAME = /^[A-Za-z0-9._-]{1,100}$/
const PLAYLIST_ID = /^[A-Za-z0-9_-]{10,64}$/
const POST_ID = /^Ug[A-Za-z0-9_-]{10,64}$/
const WEB_HOSTS = new Set(['', 'm', 'music', 'gaming'])
const VIDEO_PATHS = new Set(['shorts', 'live', 'embed', 'v', 'e', 'watch'])
const CHANNEL_TABS = new Set([
  'videos', 'shorts', 'streams', 'live', 'about', 'featured', 'playlists', 'community', 'posts', 'podcasts', 'releases',
  'search'
])

export function parseYouTube (url: ParsedUrl): Material | null {
  const { segments, query } = url
  const kw = keywords(segments)
  if (url.base === 'youtu.be') {
    return url.sub === '' && segments.length === 1 ? video(segments[0]) : null
  }
  if (url.base === 'youtube-nocookie.com') {
    return kw[0] === 'embed' && segments.length === 2 ? video(segments[1]) : null
  }
  if (!WEB_HOSTS.has(url.sub)) return null
  if (kw[0] === 'watch' && segments.length === 1) return video(query.get('v'))
  if (kw[0] === 'embed' && kw[1] === 'videoseries') return playlist(query.get('list'))
  if (VIDEO_PATHS.has(kw[0])) return segments.length === 2 ? video(segments[1]) : null
  if (kw[0] === 'playlist' && segments.length === 1) return playlist(query.get('list'))
  if (kw[0] === 'post' && segments.length === 2 && POST_ID.test(segments[1])) return post(segments[1])
  if (segments.length === 0) return null
  if (kw[0].startsWith('@')) {
    const handle = kw[0].slice(1)
    if (!HANDLE.test(handle) || !isChannelTab(kw.slice(1))) return null
    return material('channel', canonicalUrl(HOST, ['@' + handle]), { handle })
  }
  if (segments.length < 2 || !isChannelTab(kw.slice(2))) return null
  if (kw[0] === 'channel' && CHANNEL_ID.test(segments[1])) {
    // Community posts used to live under the channel: /channel/<id>/community?lb=<postId>.
    const lb = query.get('lb')
    if (kw[2] === 'community' && lb !== undefined && POST_ID.test(lb)) return post(lb)
    return material('channel', canonicalUrl(HOST, ['channel', segments[1]]), { channelId: segments[1] })
  }
  // Custom (/c/) and legacy (/user/) names are case-insensitive, unlike channel ids.
  if (kw[0] === 'c' && LEGACY_NAME.test(kw[1])) {
    return material('channel', canonicalUrl(HOST, ['c', kw[1]]), { customName: kw[1] })
  }
  if (kw[0] === 'user' && LEGACY_NAME.test(kw[1])) {
    return material('channel', canonicalUrl(HOST, ['user', kw[1]]), { legacyUser: kw[1] })
  }
  return null
}

function isChannelTab (rest: string[]): boolean {
  return rest.length === 0 || (rest.length === 1 && CHANNEL_TABS.has(rest[0]))
}

// Every form of a video (shorts, live, embed, youtu.be) plays at watch?v=<id>; timestamps and playlists are
// not part of the material and are dropped. Video ids are case-sensitive.
function video (id: string | undefined): Material | null {
  if (id === undefined || !VIDEO_ID.test(id)) return null
  return material('video', canonicalUrl(HOST, ['watch'], { query: { v: id } }), { videoId: id })
}

function playlist (id: string | undefined): Material | null {
  if (id === undefined || !PLAYLIST_ID.test(id)) return null
  return material('playlist', canonicalUrl(HOST, ['playlist'], { query: { list: id } }), { playlistId: id })
}

function post (postId: string): Material {
  return material('post', canonicalUrl(HOST, ['post', postId]), { postId })
}
