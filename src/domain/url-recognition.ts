// Recognises a pasted URL: which platform it belongs to, its canonical URL and the platform's own identifiers.
import type { PlatformSlug } from './platforms.ts'
import { parseInput } from './url-recognition/parse-input.ts'
import { parseFacebook } from './url-recognition/facebook.ts'
import { parseInstagram } from './url-recognition/instagram.ts'
import { parseLinkedIn } from './url-recognition/linkedin.ts'
import { parseLiveJournal } from './url-recognition/livejournal.ts'
import { parseMailRu } from './url-recognition/mailru.ts'
import { parseOk } from './url-recognition/ok.ts'
import { parseTelegram } from './url-recognition/telegram.ts'
import { parseTikTok } from './url-recognition/tiktok.ts'
import { parseVk } from './url-recognition/vk.ts'
import { parseX } from './url-recognition/x.ts'
import { parseYouTube } from './url-recognition/youtube.ts'
import type { PlatformParser, Recognition } from './url-recognition/types.ts'

export { HOST_TABLE, platformOfHost, type HostEntry } from './url-recognition/hosts.ts'
export { MAX_INPUT_LENGTH } from './url-recognition/parse-input.ts'
export type { ContentKind, Identifiers, Recognition, RecognitionFailure } from './url-recognition/types.ts'

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
