// Matching hashes against the bank: exact kinds by one indexed query, PDQ through the in-memory index.
import type { Database, Executor } from '../../db/index.ts'
import type { HashKind } from '../../domain/vocabulary.ts'
import { PDQ_MIN_MATCH_QUALITY, type Orientation } from '../../domain/matching/pdq.ts'
import { pdqVariantsFromHash } from '../../domain/matching/pdq-orientations.ts'
import { normaliseHashValue } from '../../domain/matching/hash-bank.ts'
import { findExact, findLiveBySeq, type EntryWithNotice } from '../../repositories/hash-bank.ts'
import type { HashBankIndex } from '../../hash-bank/index-service.ts'
import { AppError, unprocessable, type FieldError } from '../../lib/errors.ts'
import type { MatchInput, MatchResultView, MatchView } from '../../schemas/hash-bank.ts'
import type { VpdqFeature } from '../../domain/matching/vpdq-types.ts'
import { bordersTrimmed } from '../../domain/matching/vpdq.ts'
import {
  HMA_THRESHOLDS, decodeFeatures, featureProblems, matchedRanges, normaliseFeatures, orientedFrames, prepareVideo,
  vpdqDigest,
  type VpdqThresholds
} from '../../domain/matching/vpdq-match.ts'
import { toMatchView, type Viewer } from './views.ts'

export const MAX_MATCHES_PER_HASH = 100

/**
 * One hash to look up. `quality` and `variants` come with a PDQ the gateway computed from pixels (hashMedia):
 * quality under 50 skips the hash, and pixel-derived variants are exact. A PDQ known only as a value has its
 * orientations derived from its bits (a few bits less exact) and, without a quality, is trusted and matched.
 */
export type HashQuery = SingleHashQuery | VideoQuery

export interface SingleHashQuery {
  type: HashKind
  value: string
  quality?: number
  variants?: Record<Orientation, string>
}

/**
 * A video hash: normalised features, their digest (the bank's value for them), the two thresholds, and the frames
 * without their borders when any frame had them (null otherwise).
 */
export interface VideoQuery {
  type: 'vpdq'
  value: string
  features: VpdqFeature[]
  trimmed: VpdqFeature[] | null
  thresholds: VpdqThresholds
}

/**
 * A video hash as a query, under HMA's thresholds unless the caller set its own. Its trimmed frames come from the
 * features' trimmedHash, or are given as stored (a report item keeps them packed beside the plain ones).
 */
export function videoQuery (
  features: VpdqFeature[], thresholds: Partial<VpdqThresholds> = {}, trimmed = bordersTrimmed(features)
): VideoQuery {
  const normal = normaliseFeatures(features)
  return {
    type: 'vpdq',
    value: vpdqDigest(normal),
    features: normal,
    trimmed: trimmed === null ? null : normaliseFeatures(trimmed),
    thresholds: { ...HMA_THRESHOLDS, ...thresholds }
  }
}

/** Checks each value against its type and lower-cases it; problems point at /hashes/{i}/... */
export function normaliseHashQueries (hashes: MatchInput): HashQuery[] {
  const problems: FieldError[] = []
  const queries = hashes.map((h, i): HashQuery => {
    if (h.type === 'vpdq') {
      problems.push(...featureProblems(h.value.features, `/hashes/${i}/value/features`))
      return videoQuery(h.value.features, {
        ...(h.queryMatchPercent === undefined ? {} : { queryMatchPercent: h.queryMatchPercent }),
        ...(h.comparedMatchPercent === undefined ? {} : { comparedMatchPercent: h.comparedMatchPercent })
      })
    }
    const normal = normaliseHashValue(h.type, h.value)
    if ('problem' in normal) problems.push({ pointer: `/hashes/${i}/value`, detail: normal.problem })
    if (h.quality !== undefined && h.type !== 'pdq') {
      problems.push({ pointer: `/hashes/${i}/quality`, detail: 'quality applies to pdq hashes only' })
    }
    return { ...h, value: 'value' in normal ? normal.value : h.value }
  })
  if (problems.length > 0) {
    throw unprocessable(
      'hashes_not_accepted', `${problems.length} problem(s) in the hashes; nothing was matched`, problems
    )
  }
  return queries
}

async function startIndex (bank: HashBankIndex): Promise<void> {
  try {
    await bank.start()
  } catch (error) {
    throw new AppError(
      'hash_index_unavailable', 'the hash bank index could not be loaded; retry shortly',
      { retryAfterSeconds: 5, cause: error }
    )
  }
}

/**
 * Every live bank entry each hash matches, one result per input in order: exact kinds at distance 0, PDQ within
 * distance 31 over the eight orientations, nearest first, at most 100 per hash. Provenance follows the viewer
 * (a liaison sees other platforms' notices as null). Values must already be valid lower-case hex, as
 * normaliseHashQueries leaves them. Report intake calls this with the reporting authority as viewer.
 */
export async function matchHashes (
  bank: HashBankIndex, db: Database | Executor, hashes: HashQuery[], viewer: Viewer
): Promise<MatchResultView[]> {
  const results: MatchResultView[] = hashes.map((h) => ({ type: h.type, value: h.value, matches: [] }))
  const single = hashes.map((h, i) => ({ ...h, i })).filter(
    (h): h is SingleHashQuery & { i: number } => h.type !== 'vpdq'
  )
  const exact = single.filter((h) => h.type !== 'pdq')
  const pdq = single.filter((h) => h.type === 'pdq')
  const videos = hashes.map((h, i) => ({ ...h, i })).filter((h): h is VideoQuery & { i: number } => h.type === 'vpdq')

  if (exact.length > 0) {
    const byKey = new Map<string, EntryWithNotice[]>()
    for (const row of await findExact(db, exact)) {
      const key = `${row.type}:${row.value}`
      byKey.set(key, [...(byKey.get(key) ?? []), row])
    }
    for (const h of exact) {
      results[h.i].matches = (byKey.get(`${h.type}:${h.value}`) ?? []).slice(0, MAX_MATCHES_PER_HASH)
        .map((row) => toMatchView(row, 0, null, viewer))
    }
  }

  const usable = pdq.filter((h) => {
    if (h.quality !== undefined && h.quality < PDQ_MIN_MATCH_QUALITY) {
      results[h.i].skipped = 'low_quality'
      return false
    }
    return true
  })
  if (usable.length > 0) {
    await startIndex(bank)
    const found = usable.map(
      (h) => bank.query(h.variants ?? pdqVariantsFromHash(h.value)).slice(0, MAX_MATCHES_PER_HASH)
    )
    const seqs = [...new Set(found.flat().map((m) => m.id as number))]
    // The table has the last word: an entry retired since the last poll is no longer answered.
    const rows = new Map((await findLiveBySeq(db, seqs)).map((row) => [row.seq, row]))
    usable.forEach((h, k) => {
      const matches: MatchView[] = []
      for (const m of found[k]) {
        const row = rows.get(m.id as number)
        if (row !== undefined) matches.push(toMatchView(row, m.distance, m.orientation, viewer))
      }
      results[h.i].matches = matches
    })
  }
  if (videos.length > 0) {
    await startIndex(bank)
    for (const h of videos) results[h.i].matches = await matchVideo(bank, db, h, viewer)
  }
  return results
}

/**
 * A video hash against the bank's videos: HMA's rule (docs/vpdq.md) over all eight orientations of the query's frames,
 * and over its frames without their borders when it has them; each match with both percentages, the matched
 * stretches of both videos and which frames matched, strongest first, at most 100.
 */
async function matchVideo (
  bank: HashBankIndex, db: Database | Executor, query: VideoQuery, viewer: Viewer
): Promise<MatchView[]> {
  const prepared = prepareVideo(query.features)
  const trimmed = query.trimmed === null ? null : { features: query.trimmed, prepared: prepareVideo(query.trimmed) }
  const found = bank.queryVideo(
    orientedFrames(prepared), query.thresholds, trimmed?.prepared.hashes ?? null
  ).slice(0, MAX_MATCHES_PER_HASH)
  if (found.length === 0) return []
  const rows = new Map((await findLiveBySeq(db, found.map((m) => m.video))).map((row) => [row.seq, row]))
  const matches: MatchView[] = []
  for (const m of found) {
    const row = rows.get(m.video)
    if (row === undefined || row.features === null) continue
    const features = decodeFeatures(row.features)
    const asQueried = m.bordersTrimmed && trimmed !== null ? trimmed : { features: query.features, prepared }
    matches.push({
      ...toMatchView(row, 0, m.orientation, viewer),
      queryMatchPercent: m.queryMatchPercent,
      comparedMatchPercent: m.comparedMatchPercent,
      bordersTrimmed: m.bordersTrimmed,
      queryRanges: matchedRanges(asQueried.features, asQueried.prepared, m.queryMatched),
      comparedRanges: matchedRanges(features, prepareVideo(features), m.comparedMatched)
    })
  }
  return matches
}
