// Recognises a pasted URL: which platform it belongs to, its canonical URL and the platform's own identifiers.
import type { PlatformSlug } from '../platforms.ts'
import { parseInput } from './parse-input.ts'
import { parseFacebook } from './facebook.ts'
import { parseInstagram } from './instagram.ts'
import { parseLinkedIn } from './linkedin.ts'
import { parseLiveJournal } from './livejournal.ts'
import { parseMailRu } from './mailru.ts'
import { parseOk } from './ok.ts'
import { parseTelegram } from './telegram.ts'
import { parseTikTok } from './tiktok.ts'
import { parseVk } from './vk.ts'
import { parseX } from './x.ts'
import { parseYouTube } from './youtube.ts'
import type { PlatformParser, Recognition } from './types.ts'

export { HOST_TABLE, platformOfHost } from './hosts.ts'
export { MAX_INPUT_LENGTH } from './parse-input.ts'
export type { Recognition } from './types.ts'

// A Record over PlatformSlug: adding a platform to the catalogue fails type-checking until it has a parser.
const PARSERS: Record<PlatformSlug, PlatformParser> = {
  telegram: parseTelegram,
  tiktok: parseTikTok,
  facebook: parseFacebook,
  instagram: parseInstagram,
  vk: parseVk,
  ok: parseOk,
  mailru: parseMailRu,
  livejournal: parseLiveJournal,
  linkedin: parseLinkedIn,
  youtube: parseYouTube,
  x: parseX
}

export function recognizeUrl (input: string): Recognition {
  const parsed = parseInput(input)
  if (typeof parsed === 'string') return { ok: false, reason: parsed }
  const found = PARSERS[parsed.match.platform](parsed.url)
  if (found === null) return { ok: false, reason: 'unsupported_path' }
  return { ok: true, platform: parsed.match.platform, canonicalUrl: found.canonicalUrl, identifiers: found.identifiers }
}
