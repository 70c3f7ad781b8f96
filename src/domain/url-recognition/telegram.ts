// Telegram: public channels and their messages, comments, private-channel links and invites.
import { canonicalUrl, DIGITS, keywords, material, stripZeros } from './canonical.ts'
import type { Material, ParsedUrl } from './types.ts'

const HOST = 't.me'
// Usernames are 5-32 characters; a few legacy and auctioned ones are 4.
const USERNAME = /^[a-z][a-z0-9_]{3,31}$/i
const INVITE = /^[A-Za-z0-9_-]{10,64}$/
// Service paths of t.me that share the username namespace.
const RESERVED = new Set([
  'joinchat', 'addstickers', 'addemoji', 'addtheme', 'addlist', 'share', 'proxy', 'socks', 'login', 'setlanguage',
  'iv', 'bg', 'invoice', 'confirmphone', 'contact', 'boost', 'giftcode', 'nft', 'blog', 'apps', 'faq', 'privacy',
  'dl', 'tos', 'api', 'js', 'css', 'img', 'k', 'a', 'z'
])

export function parseTelegram (url: ParsedUrl): Material | null {
  let segments = url.segments
  if (url.sub !== '') {
    // Fragment-era usernames also resolve as <username>.t.me.
    if (url.base !== HOST || !isUsername(url.sub)) return null
    segments = [url.sub, ...segments]
  }
  let kw = keywords(segments)
  // t.me/s/<channel> is the web preview of the same channel.
  if (kw[0] === 's' && segments.length > 1) {
    segments = segments.slice(1)
    kw = kw.slice(1)
  }
  if (kw[0] === 'c') return privateChannel(segments.slice(1))
  if (kw[0] === 'joinchat' && segments.length === 2) return invite(segments[1])
  if (segments.length === 1 && segments[0].startsWith('+')) return invite(segments[0].slice(1))
  if (segments.length === 0 || !isUsername(segments[0])) return null

  const channel = segments[0].toLowerCase()
  if (segments.length === 1) return material('channel', canonicalUrl(HOST, [channel]), { channel })
  const numbers = segments.slice(1)
  // Forum topics add the topic before the message; message numbers are unique per chat, so the topic is dropped.
  if (numbers.length > 2 || !numbers.every((n) => DIGITS.test(n))) return null
  const message = stripZeros(numbers[numbers.length - 1])
  const comment = url.query.get('comment')
  if (comment !== undefined && DIGITS.test(comment)) {
    const c = stripZeros(comment)
    return material('comment', canonicalUrl(HOST, [channel, message], { query: { comment: c } }),
      { channel, message, comment: c })
  }
  return material('message', canonicalUrl(HOST, [channel, message]), { channel, message })
}

function isUsername (name: string): boolean {
  return USERNAME.test(name) && !RESERVED.has(name.toLowerCase())
}

function privateChannel (rest: string[]): Material | null {
  if (rest.length === 0 || rest.length > 3 || !rest.every((n) => DIGITS.test(n))) return null
  const channelId = stripZeros(rest[0])
  if (rest.length === 1) return material('channel', canonicalUrl(HOST, ['c', channelId]), { channelId })
  const message = stripZeros(rest[rest.length - 1])
  return material('message', canonicalUrl(HOST, ['c', channelId, message]), { channelId, message })
}

function invite (hash: string): Material | null {
  // '+<digits>' is a phone-number link to a person, not an invite; it names no material.
  if (!INVITE.test(hash) || /^\d+$/.test(hash)) return null
  return material('invite', canonicalUrl(HOST, ['+' + hash]), { inviteHash: hash })
}
