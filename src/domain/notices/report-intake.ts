// Turns a report's submitted items into recognised, normalised items, or the list of every item that fails.
import { recognizeUrl } from '../url-recognition/index.ts'
import { isMd5Hex, isSha256Hex, normaliseHex } from '../matching/digests.ts'
import { isPdqHex } from '../matching/pdq.ts'
import { encodeFeatures, featureProblems, normaliseFeatures } from '../matching/vpdq-match.ts'
import type { VpdqHash } from '../matching/vpdq-types.ts'
import { bordersTrimmed } from '../matching/vpdq.ts'
import type { ContentType } from '../vocabulary.ts'
import type { PlatformSlug } from '../platforms.ts'
import type { NoticeItemContent } from './notice-content.ts'

export interface SubmittedItem {
  url: string
  contentType: ContentType
  hashes?: {
    sha256?: string, md5?: string, pdq?: string, vpdq?: Pick<VpdqHash, 'features'> & { secondsPerHash?: number }
  }
  capturedAt?: string
  evidenceRef?: string
}

export interface RecognisedItem {
  position: number
  url: string
  canonicalUrl: string
  platform: PlatformSlug
  identifiers: Record<string, string>
  contentType: ContentType
  /**
   * vpdq: the video's features, packed for storage (encodeFeatures); vpdqTrimmed: its frames without their borders,
   * packed alike, when any frame had borders (bordersTrimmed), else null.
   */
  hashes: {
    sha256: string | null,
    md5: string | null,
    pdq: string | null,
    vpdq: Uint8Array | null,
    vpdqTrimmed: Uint8Array | null
  }
  capturedAt: Date | null
  evidenceRef: string | null
}

export interface ItemProblem {
  pointer: string
  detail: string
}

const URL_PROBLEMS = {
  malformed: 'is not an http(s) URL',
  unknown_platform: 'belongs to no catalogued platform',
  unsupported_path: 'is on a catalogued platform but names no recognisable material'
} as const

const HASH_CHECKS = [
  ['sha256', isSha256Hex, '64 hexadecimal digits'],
  ['md5', isMd5Hex, '32 hexadecimal digits'],
  ['pdq', isPdqHex, '64 hexadecimal digits (a 256-bit PDQ hash)']
] as const

/** All items are checked before any is refused, so one answer names every item the caller must fix. */
export function recogniseItems (
  items: readonly SubmittedItem[], now: Date
): { items: RecognisedItem[], problems: ItemProblem[] } {
  const problems: ItemProblem[] = []
  const recognised: RecognisedItem[] = []
  /** The first position of each canonical URL: one notice names a piece of material once. */
  const firstAt = new Map<string, number>()
  items.forEach((item, position) => {
    const at = `/items/${position}`
    const result = recognizeUrl(item.url)
    if (!result.ok) problems.push({ pointer: `${at}/url`, detail: `${URL_PROBLEMS[result.reason]}: ${item.url}` })
    else if (firstAt.has(result.canonicalUrl)) {
      problems.push({
        pointer: `${at}/url`,
        detail: `the same material as /items/${firstAt.get(result.canonicalUrl)!}: ${result.canonicalUrl}`
      })
    } else firstAt.set(result.canonicalUrl, position)
    const hashes = {
      sha256: null as string | null,
      md5: null as string | null,
      pdq: null as string | null,
      vpdq: null as Uint8Array | null,
      vpdqTrimmed: null as Uint8Array | null
    }
    for (const [kind, check, shape] of HASH_CHECKS) {
      const value = item.hashes?.[kind]
      if (value === undefined) continue
      if (check(value)) hashes[kind] = normaliseHex(value)
      else problems.push({ pointer: `${at}/hashes/${kind}`, detail: `must be ${shape}` })
    }
    const video = item.hashes?.vpdq
    if (video !== undefined) {
      const found = featureProblems(video.features, `${at}/hashes/vpdq/features`)
      if (found.length > 0) problems.push(...found)
      else {
        hashes.vpdq = encodeFeatures(normaliseFeatures(video.features))
        const trimmed = bordersTrimmed(video.features)
        if (trimmed !== null) hashes.vpdqTrimmed = encodeFeatures(normaliseFeatures(trimmed))
      }
    }
    const capturedAt = item.capturedAt === undefined ? null : new Date(item.capturedAt)
    if (capturedAt && capturedAt.getTime() > now.getTime() + 5 * 60_000) {
      problems.push({ pointer: `${at}/capturedAt`, detail: 'lies in the future' })
    }
    if (result.ok) {
      recognised.push({
        position,
        url: item.url,
        canonicalUrl: result.canonicalUrl,
        platform: result.platform,
        identifiers: result.identifiers,
        contentType: item.contentType,
        hashes,
        capturedAt,
        evidenceRef: item.evidenceRef ?? null
      })
    }
  })
  return { items: problems.length === 0 ? recognised : [], problems }
}

/** What a notice says of a reported item: where it is, what it is, and the reporter's capture time and evidence. */
/** A notice's item; `citations` are what that notice may cite of the item's earlier removals (citationsFor). */
export function noticeItemOf (
  item: RecognisedItem & { id: string }, citations: Pick<NoticeItemContent, 'reuploadOf' | 'removedElsewhere'>
): NoticeItemContent {
  return {
    id: item.id,
    position: item.position,
    url: item.url,
    canonicalUrl: item.canonicalUrl,
    contentType: item.contentType,
    identifiers: item.identifiers,
    ...citations,
    ...(item.capturedAt === null ? {} : { capturedAt: item.capturedAt.toISOString() }),
    ...(item.evidenceRef === null ? {} : { evidenceRef: item.evidenceRef })
  }
}
