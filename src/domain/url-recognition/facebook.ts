// Facebook: pages and profiles, posts (page, group, permalink forms), videos and reels, photos, events, share links.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 'www.facebook.com'
const NAME = /^[A-Za-z0-9.-]{1,80}$/
const POST_ID = /^(?:\d{1,25}|pfbid0[A-Za-z0-9]{10,80})$/
const SHORT_CODE = /^[A-Za-z0-9_-]{5,24}$/
// Mobile, legacy and locale front-ends ('ru-ru.facebook.com') serve the same paths.
const WEB_HOSTS = new Set(['', 'm', 'mbasic', 'web', 'touch', 'mobile', 'business', 'free', 'd'])
const PAGE_TABS = new Set([
  'about', 'posts', 'photos', 'videos', 'reels', 'community', 'reviews', 'events', 'mentions', 'friends', 'followers'
])
const RESERVED = new Set([
  'login', 'login.php', 'logout.php', 'help', 'settings', 'policies', 'privacy', 'terms', 'legal', 'marketplace',
  'gaming', 'ads', 'business', 'search', 'hashtag', 'home.php', 'notifications', 'messages', 'friends', 'bookmarks',
  'saved', 'l.php', 'dialog', 'sharer', 'sharer.php', 'plugins', 'recover', 'checkpoint', 'stories', 'media', 'careers',
  'me', 'fundraisers', 'live', 'developers', 'places', 'directory', 'lite', 'mobile', 'r.php', 'campaign', 'tr', 'ajax',
  'api', 'apps', 'feeds', 'games', 'latest', 'public', 'reg', 'signup', 'video', 'videos', 'watch', 'reel', 'reels',
  'photo', 'photos', 'share', 'groups', 'events', 'pages', 'people', 'profile.php', 'permalink.php', 'story.php',
  'photo.php', 'video.php', 'index.php', 'about', 'watchparty', 'composer', 'memories', 'onthisday', 'find-friends'
])

export function parseFacebook (url: ParsedUrl): Material | null {
  const { segments, query } = url
  if (url.base === 'fb.watch') {
    if (url.sub !== '' || segments.length !== 1 || !SHORT_CODE.test(segments[0])) return null
    return material('short_link', canonicalUrl('fb.watch', [segments[0]]), { shortCode: segments[0] })
  }
  if (!WEB_HOSTS.has(url.sub) && !/^[a-z]{2}-[a-z]{2}$/.test(url.sub)) return null
  const kw = keywords(segments)
  switch (kw[0]) {
    case 'permalink.php':
    case 'story.php':
      return post(query.get('id'), query.get('story_fbid'))
    case 'photo.php':
    case 'photo':
      return segments.length === 1 ? photo(query.get('fbid')) : null
    case 'watch':
      return segments.length <= 2 ? video(query.get('v')) : null
    case 'video.php':
      return video(query.get('v'))
    case 'reel':
    case 'reels':
      return segments.length === 2 ? video(segments[1]) : null
    case 'share': return share(segments.slice(1))
    case 'groups': return group(segments.slice(1), query)
    case 'events':
      return segments.length >= 2 && DIGITS.test(segments[1])
        ? material('event', canonicalUrl(HOST, ['events', stripZeros(segments[1])]),
          { eventId: stripZeros(segments[1]) })
        : null
    case 'profile.php': return profileById(query.get('id'))
    case 'people':
    case 'pages':
      return segments.length >= 3 ? profileById(segments[2]) : null
    case undefined: return null
  }
  if (RESERVED.has(kw[0]) || !NAME.test(segments[0])) return null
  return pageMaterial(segments)
}

function pageMaterial (segments: string[]): Material | null {
  const kw = keywords(segments)
  const owner = kw[0]
  // Post, video and photo ids may follow a slug or album segment: the id is the last numeric one.
  const lastId = segments.slice(2).reverse().find((s) => POST_ID.test(s))
  if (kw[1] === 'posts' && lastId !== undefined) return post(owner, lastId)
  if (kw[1] === 'videos' && lastId !== undefined) return video(lastId)
  if (kw[1] === 'photos' && lastId !== undefined) return photo(lastId)
  if (segments.length > 1 && !PAGE_TABS.has(kw[1])) return null
  // A bare number is a profile id, and profile.php?id= is its canonical spelling.
  if (DIGITS.test(owner)) return profileById(owner)
  return material('profile', canonicalUrl(HOST, [owner]), { page: owner })
}

function post (ownerRaw: string | undefined, postId: string | undefined): Material | null {
  if (ownerRaw === undefined || postId === undefined || !POST_ID.test(postId) || !NAME.test(ownerRaw)) return null
  const owner = DIGITS.test(ownerRaw) ? stripZeros(ownerRaw) : ownerRaw.toLowerCase()
  const id = DIGITS.test(postId) ? stripZeros(postId) : postId
  return material('post', canonicalUrl(HOST, [owner, 'posts', id]), { owner, postId: id })
}

// Reels are videos with a different player; one id, one canonical form.
function video (id: string | undefined): Material | null {
  if (id === undefined || !DIGITS.test(id)) return null
  const videoId = stripZeros(id)
  return material('video', canonicalUrl(HOST, ['watch'], { query: { v: videoId }, trailingSlash: true }), { videoId })
}

function photo (id: string | undefined): Material | null {
  if (id === undefined || !DIGITS.test(id)) return null
  const photoId = stripZeros(id)
  return material('photo', canonicalUrl(HOST, ['photo'], { query: { fbid: photoId }, trailingSlash: true }),
    { photoId })
}

function profileById (id: string | undefined): Material | null {
  if (id === undefined || !DIGITS.test(id)) return null
  const profileId = stripZeros(id)
  return material('profile', canonicalUrl(HOST, ['profile.php'], { query: { id: profileId } }), { profileId })
}

function group (rest: string[], query: ReadonlyMap<string, string>): Material | null {
  if (rest.length === 0 || !/^[A-Za-z0-9._-]{1,100}$/.test(rest[0])) return null
  const name = DIGITS.test(rest[0]) ? stripZeros(rest[0]) : rest[0].toLowerCase()
  const kw = keywords(rest)
  const linked = query.get('multi_permalinks')
  let postId: string | undefined
  if ((kw[1] === 'posts' || kw[1] === 'permalink') && rest.length >= 3) postId = rest[2]
  else if (rest.length === 1 && linked !== undefined) postId = linked
  if (postId !== undefined) {
    if (!POST_ID.test(postId)) return null
    const id = DIGITS.test(postId) ? stripZeros(postId) : postId
    return material('post', canonicalUrl(HOST, ['groups', name, 'posts', id]), { group: name, postId: id })
  }
  if (rest.length > 2 || (rest.length === 2 && !['about', 'members', 'media', 'files'].includes(kw[1]))) return null
  return material('group', canonicalUrl(HOST, ['groups', name]), { group: name })
}

// Share links hide the target; the code is kept as given (case matters) with its type segment.
function share (rest: string[]): Material | null {
  const kw = keywords(rest)
  if (rest.length === 1 && SHORT_CODE.test(rest[0])) {
    return material('short_link', canonicalUrl(HOST, ['share', rest[0]]), { shortCode: rest[0] })
  }
  if (rest.length === 2 && /^[a-z]$/.test(kw[0]) && SHORT_CODE.test(rest[1])) {
    return material('short_link', canonicalUrl(HOST, ['share', kw[0], rest[1]]),
      { shortCode: rest[1], shareType: kw[0] })
  }
  return null
}
