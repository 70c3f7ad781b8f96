// Property-based tests of URL recognition: canonical URLs are fixed points, noise never changes them, nothing throws.
import { isDeepStrictEqual } from 'node:util'
import fc from 'fast-check'
import t from 'tap'
import { HOST_TABLE, platformOfHost, recognizeUrl } from '../../src/domain/url-recognition/index.ts'
import { FACEBOOK, INSTAGRAM } from './url-recognition/cases-meta.ts'
import { LIVEJOURNAL, MAILRU, OK, VK } from './url-recognition/cases-runet.ts'
import { TELEGRAM, TIKTOK, X } from './url-recognition/cases-telegram-tiktok-x.ts'
import { LINKEDIN, YOUTUBE } from './url-recognition/cases-youtube-linkedin.ts'

const ROWS = [TELEGRAM, TIKTOK, X, FACEBOOK, INSTAGRAM, VK, OK, MAILRU, LIVEJOURNAL, YOUTUBE, LINKEDIN].flat()
const CANONICAL_URLS = [...new Set(ROWS.map((row) => row[2]))]
const INPUTS = ROWS.map((row) => row[0])

// Parameters that tracking, sharing and player state add; none of them is meaningful to any platform's material.
const TRACKING = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_content', 'fbclid', 'igshid', 'igsh', 'si', 'feature', 'ref',
  'ref_src', '_rdr', 'is_from_webapp', 'sender_device', 'mibextid', 'gclid', 'share_id', 'from'
]

const token = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/)
const fragment = fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/)

// Pieces that real paths are made of, so that random URLs often land on recognisable material.
const segment = fc.oneof(
  fc.constantFrom('p', 'reel', 'status', 'watch', 'shorts', 'posts', 'videos', 'video', 'groups', 'i', 'web', 's', 'c',
    'wall-1_2', 'video-1_2', 'club1', 'id1', '@user', '@', 'in', 'feed', 'update', 'urn:li:activity:7123456789012345678',
    'topic', 'profile', 'statuses', 'mail', 'multipost', '123.html', 'dQw4w9WgXcQ', 'CxYz123AbC_', '%40x', '%2F', '%zz',
    '..', '.', 'embed', 'v2', 'community', 'UC_x5XG1OV2P6uZZ5FSM9Ttw', 'durov', '+AbCdEfGhIjKlMnOp'),
  fc.stringMatching(/^[0-9]{1,20}$/),
  token,
  fc.string({ maxLength: 8 })
)
const queryPair = fc.tuple(
  fc.constantFrom('v', 'w', 'z', 'id', 'story_fbid', 'fbid', 'comment', 'reply', 'thread', 'list', 'lb', 'st.mvId',
    'multi_permalinks', ...TRACKING),
  fc.oneof(token, fc.stringMatching(/^[0-9]{1,20}$/), fc.constantFrom('dQw4w9WgXcQ', 'wall-1_2', 'video-1_2%2Fpl'))
)
const host = fc.tuple(
  fc.constantFrom(...HOST_TABLE.map((e) => e.host)),
  fc.constantFrom('', 'www.', 'm.', 'mobile.', 'vm.', 'music.', 'some-user.', 'WWW.')
).map(([h, sub]) => sub + h)
const platformUrl = fc.record({
  scheme: fc.constantFrom('https://', 'http://', '', '//', 'HTTPS://'),
  host,
  segments: fc.array(segment, { maxLength: 5 }),
  trailingSlash: fc.boolean(),
  query: fc.array(queryPair, { maxLength: 4 }),
  fragment: fc.option(fragment)
}).map((u) => {
  const q = u.query.map(([k, v]) => `${k}=${v}`).join('&')
  return `${u.scheme}${u.host}/${u.segments.join('/')}${u.trailingSlash ? '/' : ''}${q === '' ? '' : '?' + q}` +
    (u.fragment === null ? '' : '#' + u.fragment)
})

const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  platformUrl,
  fc.constantFrom(...INPUTS)
)

// fast-check throws with the shrunk counterexample when a property fails, which fails the subtest with it.
t.test('never throws, and always answers ok or one of the three reasons', async (t) => {
  fc.assert(fc.property(anyInput, (input) => {
    const result = recognizeUrl(input)
    return result.ok || ['malformed', 'unknown_platform', 'unsupported_path'].includes(result.reason)
  }), { numRuns: 5000 })
  t.pass('5000 arbitrary inputs')
})

t.test('canonicalising twice changes nothing', async (t) => {
  fc.assert(fc.property(anyInput, (input) => {
    const first = recognizeUrl(input)
    return !first.ok || isDeepStrictEqual(recognizeUrl(first.canonicalUrl), first)
  }), { numRuns: 5000 })
  t.pass('recognizeUrl(canonicalUrl) gives back the same canonical URL and identifiers')
})

t.test('canonical URLs are https, fragment-free and on a host of their own platform', async (t) => {
  fc.assert(fc.property(anyInput, (input) => {
    const result = recognizeUrl(input)
    if (!result.ok) return true
    const url = new URL(result.canonicalUrl)
    return url.protocol === 'https:' && url.hash === '' && url.username === '' && url.port === '' &&
      platformOfHost(url.hostname) === result.platform && url.href === result.canonicalUrl &&
      typeof result.identifiers.kind === 'string'
  }), { numRuns: 5000 })
  t.pass('every canonical URL is in its serialised WHATWG form')
})

// The noise a canonical URL picks up on its way through browsers, apps and messengers.
const noise = fc.record({
  tracking: fc.array(fc.tuple(fc.constantFrom(...TRACKING), token), { maxLength: 4 }),
  fragment: fc.option(fragment),
  toggleWww: fc.boolean(),
  upperHost: fc.boolean(),
  trailingSlash: fc.boolean(),
  scheme: fc.constantFrom('https://', 'http://', '', '//'),
  defaultPort: fc.boolean()
})
type Noise = typeof noise extends fc.Arbitrary<infer T> ? T : never

function addNoise (canonical: string, n: Noise): string {
  const url = new URL(canonical)
  let hostname = url.hostname
  if (n.toggleWww) hostname = hostname.startsWith('www.') ? hostname.slice(4) : 'www.' + hostname
  if (n.upperHost) hostname = hostname.toUpperCase()
  const scheme = n.defaultPort && n.scheme === '' ? 'https://' : n.scheme
  const port = n.defaultPort ? (scheme === 'http://' ? ':80' : ':443') : ''
  const path = n.trailingSlash ? url.pathname + '/' : url.pathname
  const query = [url.search.slice(1), ...n.tracking.map(([k, v]) => `${k}=${v}`)].filter((s) => s !== '').join('&')
  return `${scheme}${hostname}${port}${path}${query === '' ? '' : '?' + query}${n.fragment === null ? '' : '#' + n.fragment}`
}

t.test('tracking parameters, fragments, www, host case, trailing slashes, default ports and http change nothing', async (t) => {
  fc.assert(fc.property(fc.constantFrom(...CANONICAL_URLS), noise, (canonical, n) => {
    const expected = recognizeUrl(canonical)
    return expected.ok && isDeepStrictEqual(recognizeUrl(addNoise(canonical, n)), expected)
  }), { numRuns: 5000 })
  t.pass(`noise added to ${CANONICAL_URLS.length} canonical URLs`)
})

t.test('percent-encoding unreserved characters and lower-case escapes change nothing', async (t) => {
  const escape = (c: string): string => '%' + c.charCodeAt(0).toString(16)
  fc.assert(fc.property(fc.constantFrom(...CANONICAL_URLS), fc.nat(), fc.boolean(), (canonical, seed, upper) => {
    const url = new URL(canonical)
    const segments = url.pathname.split('/')
    const at = segments.length > 1 ? 1 + (seed % (segments.length - 1)) : 0
    segments[at] = segments[at].replace(/%[0-9A-F]{2}|[A-Za-z0-9]/g, (c) => {
      if (c.startsWith('%')) return c
      return upper ? escape(c).toUpperCase() : escape(c)
    })
    const noisy = `https://${url.host}${segments.join('/')}${url.search}`
    return isDeepStrictEqual(recognizeUrl(noisy), recognizeUrl(canonical))
  }), { numRuns: 2000 })
  for (const canonical of CANONICAL_URLS.filter((u) => /%[0-9A-F]{2}/.test(u))) {
    const lowered = canonical.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())
    t.same(recognizeUrl(lowered), recognizeUrl(canonical), lowered)
  }
})
