// Shared shapes of URL recognition: what a platform parser receives and what recognition answers.
import type { PlatformSlug } from '../platforms.ts'

// The content-shape hint every recognised URL carries as identifiers.kind.
export type ContentKind =
  | 'message' | 'comment' | 'channel' | 'invite' | 'post' | 'video' | 'photo' | 'story' | 'highlight'
  | 'live' | 'space' | 'playlist' | 'profile' | 'community' | 'group' | 'company' | 'topic' | 'article'
  | 'event' | 'file' | 'short_link'

export type Identifiers = Record<string, string>

export type RecognitionFailure = 'malformed' | 'unknown_platform' | 'unsupported_path'

export type Recognition =
  | { ok: true, platform: PlatformSlug, canonicalUrl: string, identifiers: Identifiers }
  | { ok: false, reason: RecognitionFailure }

// A pasted URL after the platform-independent clean-up, ready for a platform parser.
export interface ParsedUrl {
  // Lower-case ASCII host without the trailing dot and without a leading 'www.'.
  host: string
  // The catalogue host it belongs to, and whatever labels precede it ('' when none).
  base: string
  sub: string
  // Non-empty path segments, percent-decoded; values keep their case, keywords are compared lower-cased.
  segments: string[]
  // The first value of each query parameter, decoded.
  query: ReadonlyMap<string, string>
}

export interface Material {
  canonicalUrl: string
  identifiers: Identifiers
}

// null means the host is the platform's but the path names no piece of material.
export type PlatformParser = (url: ParsedUrl) => Material | null
