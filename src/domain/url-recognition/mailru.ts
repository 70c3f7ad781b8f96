// Moi Mir (my.mail.ru): profiles and communities, their videos, photos and posts.
import { canonicalUrl, keywords, material } from './canonical.ts'
import type { Identifiers, Material, ParsedUrl } from './types.ts'

const HOST = 'my.mail.ru'
// The mailbox domain is part of the address: my.mail.ru/bk/ivan and my.mail.ru/mail/ivan are two people.
const MAIL_DOMAINS = new Set(['mail', 'bk', 'list', 'inbox', 'internet', 'corp'])
const NAME = /^[a-z0-9._-]{1,64}$/
const ALBUM = /^[A-Za-z0-9_-]{1,64}$/
const PROFILE_TABS = new Set(['video', 'photo', 'audio', 'friends', 'groups', 'community', 'multipost', 'micropost'])

export function parseMailRu (url: ParsedUrl): Material | null {
  if (url.sub !== '' && url.sub !== 'm') return null
  const kw = keywords(url.segments)
  if (kw.length < 2 || !NAME.test(kw[1])) return null
  let ownerPath: string[]
  let owner: Identifiers
  if (MAIL_DOMAINS.has(kw[0])) {
    ownerPath = [kw[0], kw[1]]
    owner = { mailDomain: kw[0], user: kw[1] }
  } else if (kw[0] === 'community') {
    ownerPath = ['community', kw[1]]
    owner = { community: kw[1] }
  } else {
    return null
  }
  const rest = url.segments.slice(2)
  const restKw = kw.slice(2)
  // my.mail.ru's own links to profiles and communities end with a slash.
  if (rest.length === 0 || (rest.length === 1 && PROFILE_TABS.has(restKw[0]))) {
    return material(owner.community === undefined ? 'profile' : 'community',
      canonicalUrl(HOST, ownerPath, { trailingSlash: true }), owner)
  }
  if (rest.length === 3 && (restKw[0] === 'video' || restKw[0] === 'photo') && ALBUM.test(rest[1])) {
    const id = /^(\d{1,20})\.html$/.exec(restKw[2])?.[1]
    if (id === undefined) return null
    const kind = restKw[0] === 'video' ? 'video' : 'photo'
    const key = kind === 'video' ? 'videoId' : 'photoId'
    return material(kind, canonicalUrl(HOST, [...ownerPath, kind, rest[1], `${id}.html`]),
      { ...owner, album: rest[1], [key]: id })
  }
  if (rest.length === 2 && (restKw[0] === 'multipost' || restKw[0] === 'micropost')) {
    const postId = /^([0-9a-f]{4,40})\.html$/.exec(restKw[1])?.[1]
    if (postId === undefined) return null
    return material('post', canonicalUrl(HOST, [...ownerPath, 'multipost', `${postId}.html`]), { ...owner, postId })
  }
  return null
}
