// Table-driven tests of URL recognition: real-world URL shapes of every platform and the host table.
import t from 'tap'
import { PLATFORM_SLUGS, PLATFORMS } from '../../src/domain/platforms.ts'
import { HOST_TABLE, platformOfHost, recognizeUrl } from '../../src/domain/url-recognition/index.ts'
import type { Case } from './url-recognition/case.ts'
import { FACEBOOK, INSTAGRAM } from './url-recognition/cases-meta.ts'
import { LIVEJOURNAL, MAILRU, OK, VK } from './url-recognition/cases-runet.ts'
import { TELEGRAM, TIKTOK, X } from './url-recognition/cases-telegram-tiktok-x.ts'
import { LINKEDIN, YOUTUBE } from './url-recognition/cases-youtube-linkedin.ts'

const TABLES: Array<[string, Case[]]> = [
  ['Telegram messages, channels, comments and invites', TELEGRAM],
  ['TikTok videos, photos, profiles and short links', TIKTOK],
  ['X posts, profiles, Spaces and short links', X],
  ['Facebook posts, videos, photos, groups, profiles and share links', FACEBOOK],
  ['Instagram posts, reels, stories and profiles', INSTAGRAM],
  ['VK wall posts, comments, videos, photos, topics and communities', VK],
  ['OK group topics, statuses, videos and profiles', OK],
  ['Mail.ru profiles, communities, videos, photos and posts', MAILRU],
  ['LiveJournal posts, comment threads and journals', LIVEJOURNAL],
  ['YouTube videos in every form, channels, playlists and posts', YOUTUBE],
  ['LinkedIn posts, profiles, companies, articles and short links', LINKEDIN]
]

for (const [behaviour, rows] of TABLES) {
  t.test(`recognises ${behaviour}`, async (t) => {
    for (const [input, platform, canonicalUrl, identifiers] of rows) {
      t.same(recognizeUrl(input), { ok: true, platform, canonicalUrl, identifiers }, input)
    }
  })
}

t.test('gives back the same answer for every canonical URL in the tables', async (t) => {
  for (const [, rows] of TABLES) {
    for (const [, platform, canonicalUrl, identifiers] of rows) {
      t.same(recognizeUrl(canonicalUrl), { ok: true, platform, canonicalUrl, identifiers }, canonicalUrl)
    }
  }
})

t.test('covers every catalogued platform in the tables', async (t) => {
  const seen = new Set(TABLES.flatMap(([, rows]) => rows.map((row) => row[1])))
  t.same([...seen].sort(), [...PLATFORM_SLUGS].sort())
  t.ok(TABLES.reduce((n, [, rows]) => n + rows.length, 0) >= 150, 'at least 150 rows')
})

t.test('derives the host table from the catalogue, one platform per host', async (t) => {
  const fromCatalogue = PLATFORMS.flatMap((p) => p.hosts.map((host) => `${host} ${p.slug}`)).sort()
  t.same(HOST_TABLE.map((e) => `${e.host} ${e.platform}`).sort(), fromCatalogue)
  t.equal(new Set(HOST_TABLE.map((e) => e.host)).size, HOST_TABLE.length, 'no host is claimed twice')
  t.same(PLATFORMS.map((p) => p.slug), [...PLATFORM_SLUGS], 'one catalogue entry per slug, in order')
})

t.test('yields only identifier keys the catalogue declares for the platform', async (t) => {
  for (const [, rows] of TABLES) {
    for (const [input, platform, , identifiers] of rows) {
      const declared = PLATFORMS.find((p) => p.slug === platform)?.identifierKinds ?? []
      const undeclared = Object.keys(identifiers).filter((k) => k !== 'kind' && !declared.includes(k))
      t.same(undeclared, [], input)
    }
  }
})

t.test('seeds the product defaults and only illustrative contacts', async (t) => {
  for (const p of PLATFORMS) {
    t.same(p.deadlines, { normalHours: 24, urgentHours: 1 }, `${p.slug} deadlines`)
    t.ok(p.languages.length > 0 && p.hosts.length > 0 && p.urlPatterns.length > 0, `${p.slug} languages, hosts, patterns`)
    for (const email of [p.legalRepresentative?.email, p.channels.email]) {
      if (email != null) t.match(email, /@example\.org$/, `${p.slug} ${email}`)
    }
  }
})

t.test('finds the platform of a host, its subdomains and its spelling variants', async (t) => {
  const cases: Array<[string, string | null]> = [
    ['t.me', 'telegram'], ['T.ME', 'telegram'], ['t.me.', 'telegram'], ['telegram.dog', 'telegram'],
    ['www.youtube.com', 'youtube'], ['music.youtube.com', 'youtube'], ['youtu.be', 'youtube'],
    ['m.facebook.com', 'facebook'], ['fb.watch', 'facebook'], ['instagr.am', 'instagram'],
    ['vm.tiktok.com', 'tiktok'], ['m.vk.com', 'vk'], ['vkontakte.ru', 'vk'], ['vkvideo.ru', 'vk'],
    ['m.ok.ru', 'ok'], ['my.mail.ru', 'mailru'], ['someone.livejournal.com', 'livejournal'],
    ['kz.linkedin.com', 'linkedin'], ['lnkd.in', 'linkedin'], ['mobile.twitter.com', 'x'], ['x.com', 'x'],
    ['mail.ru', null], ['e.mail.ru', null], ['example.com', null], ['nott.me', null], ['x.com.evil.example', null],
    ['evilx.com', null], ['', null], ['пример.рф', null]
  ]
  for (const [host, platform] of cases) t.equal(platformOfHost(host), platform, host)
})
