// Comparing vPDQ video hashes with HMA's rule, and the forms a video hash travels in (JSON, text, stored bytes).
import { createHash } from 'node:crypto'
import {
  ORIENTATIONS, PDQ_MATCH_THRESHOLD, PDQ_MIN_MATCH_QUALITY, isPdqHex, isTransposed, keepsSign, pdqFromWords, pdqToWords,
  popcount32, type Orientation
} from './pdq.ts'
import type { VpdqFeature } from './vpdq-types.ts'

/** A video of ten hours at one hash per second. */
export const MAX_VPDQ_FEATURES = 36_000
/** HMA's defaults: a match when at least 80% of the query's frames are found in the compared video. */
export const VPDQ_QUERY_MATCH_PERCENT = 80
export const VPDQ_COMPARED_MATCH_PERCENT = 0

export interface VpdqThresholds { queryMatchPercent: number, comparedMatchPercent: number }
export const HMA_THRESHOLDS: VpdqThresholds = {
  queryMatchPercent: VPDQ_QUERY_MATCH_PERCENT,
  comparedMatchPercent: VPDQ_COMPARED_MATCH_PERCENT
}

export interface FeatureProblem { pointer: string, detail: string }

/**
 * Every problem of a feature list, each under `at` (e.g. /items/0/hashes/vpdq/features): hashes (and trimmed hashes)
 * of 64 hex digits, qualities (and trimmed qualities) 0-100, frame numbers non-negative integers strictly increasing,
 * timestamps finite and non-negative.
 * Lists only the first 20 problems: one bad encoder mis-writes every line the same way.
 */
export function featureProblems (features: readonly VpdqFeature[], at: string): FeatureProblem[] {
  const problems: FeatureProblem[] = []
  const push = (p: FeatureProblem): void => { if (problems.length < 20) problems.push(p) }
  if (features.length === 0) push({ pointer: at, detail: 'a video hash has at least one feature' })
  if (features.length > MAX_VPDQ_FEATURES) {
    push({ pointer: at, detail: `a video hash has at most ${MAX_VPDQ_FEATURES} features` })
  }
  let previous = -1
  features.forEach((f, i) => {
    if (!isPdqHex(f.hash)) push({ pointer: `${at}/${i}/hash`, detail: 'must be 64 hexadecimal digits (a PDQ hash)' })
    if (f.trimmedHash !== undefined && !isPdqHex(f.trimmedHash)) {
      push({ pointer: `${at}/${i}/trimmedHash`, detail: 'must be 64 hexadecimal digits (a PDQ hash)' })
    }
    if (f.trimmedQuality !== undefined && !isQuality(f.trimmedQuality)) {
      push({ pointer: `${at}/${i}/trimmedQuality`, detail: 'must be an integer from 0 to 100' })
    }
    if (!isQuality(f.quality)) push({ pointer: `${at}/${i}/quality`, detail: 'must be an integer from 0 to 100' })
    if (!Number.isInteger(f.frame) || f.frame < 0) {
      push({ pointer: `${at}/${i}/frame`, detail: 'must be a non-negative integer' })
    } else if (f.frame <= previous) {
      push({ pointer: `${at}/${i}/frame`, detail: `must be greater than the previous feature's frame (${previous})` })
    }
    if (typeof f.timestamp !== 'number' || !Number.isFinite(f.timestamp) || f.timestamp < 0) {
      push({ pointer: `${at}/${i}/timestamp`, detail: 'must be a non-negative number of seconds' })
    }
    if (Number.isInteger(f.frame)) previous = Math.max(previous, f.frame)
  })
  return problems
}

const isQuality = (q: number): boolean => Number.isInteger(q) && q >= 0 && q <= 100

/** The stored form: hashes in lower case, timestamps to the millisecond (the reference prints 3 decimals). */
export function normaliseFeatures (features: readonly VpdqFeature[]): VpdqFeature[] {
  return features.map((f) => ({
    frame: f.frame,
    quality: f.quality,
    hash: f.hash.toLowerCase(),
    timestamp: Math.round(f.timestamp * 1000) / 1000
  }))
}

/**
 * The bank's key for a video hash: SHA-256 of its packed form (encodeFeatures of the normalised features), which
 * the database can compute too. Banking the same video hash twice under one list or notice item is then a no-op,
 * as for every other hash type.
 */
export function vpdqDigest (features: readonly VpdqFeature[]): string {
  return createHash('sha256').update(encodeFeatures(normaliseFeatures(features))).digest('hex')
}

/** The reference's text format: `frameNumber,quality,pdqHex,timestamp` per line, timestamps with 3 decimals. */
export function formatVpdqText (features: readonly VpdqFeature[]): string {
  return features.map((f) => `${f.frame},${f.quality},${f.hash},${f.timestamp.toFixed(3)}\n`).join('')
}

/** Reads the reference's text format; problems point at `line N`. Blank lines are skipped. */
export function parseVpdqText (text: string): { features: VpdqFeature[] } | { problems: FeatureProblem[] } {
  const features: VpdqFeature[] = []
  const problems: FeatureProblem[] = []
  const lines = text.split('\n')
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim()
    if (line === '') continue
    const cells = line.split(',')
    if (cells.length !== 4 || !/^\d+$/.test(cells[0]) || !/^\d+$/.test(cells[1]) || !/^\d+(\.\d+)?$/.test(cells[3])) {
      if (problems.length < 20) {
        problems.push({ pointer: `line ${n + 1}`, detail: 'expected frameNumber,quality,pdqHex,timestamp' })
      }
      continue
    }
    features.push({ frame: Number(cells[0]), quality: Number(cells[1]), hash: cells[2], timestamp: Number(cells[3]) })
  }
  if (problems.length > 0) return { problems }
  // Line numbers of the remaining problems follow the features' order once blank lines are skipped.
  const rest = featureProblems(features, '/features')
  return rest.length > 0 ? { problems: rest } : { features: normaliseFeatures(features) }
}

export const VPDQ_FEATURE_BYTES = 4 + 1 + 32 + 8
const FEATURE_BYTES = VPDQ_FEATURE_BYTES

/** Packs features for storage: per feature frame (uint32), quality (uint8), hash (32 bytes), timestamp (float64). */
export function encodeFeatures (features: readonly VpdqFeature[]): Uint8Array {
  const out = new Uint8Array(features.length * FEATURE_BYTES)
  const view = new DataView(out.buffer)
  features.forEach((f, i) => {
    const at = i * FEATURE_BYTES
    view.setUint32(at, f.frame)
    view.setUint8(at + 4, f.quality)
    for (let b = 0; b < 32; b++) out[at + 5 + b] = parseInt(f.hash.slice(b * 2, b * 2 + 2), 16)
    view.setFloat64(at + 37, f.timestamp)
  })
  return out
}

export function decodeFeatures (bytes: Uint8Array): VpdqFeature[] {
  if (bytes.length % FEATURE_BYTES !== 0) throw new RangeError('not a packed feature list')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const out: VpdqFeature[] = []
  for (let at = 0; at < bytes.length; at += FEATURE_BYTES) {
    let hash = ''
    for (let b = 0; b < 32; b++) hash += bytes[at + 5 + b].toString(16).padStart(2, '0')
    out.push({ frame: view.getUint32(at), quality: view.getUint8(at + 4), hash, timestamp: view.getFloat64(at + 37) })
  }
  return out
}

/**
 * HMA's step 1: frames under quality 50 dropped, then exact duplicate hashes (the first kept). `kept[k]` is the
 * position in the feature list of kept frame k; `hashes[k]` its hash.
 */
export interface PreparedVideo { hashes: string[], kept: number[] }

export function prepareVideo (features: readonly VpdqFeature[]): PreparedVideo {
  const seen = new Set<string>()
  const hashes: string[] = []
  const kept: number[] = []
  features.forEach((f, i) => {
    const hash = f.hash.toLowerCase()
    if (f.quality < PDQ_MIN_MATCH_QUALITY || seen.has(hash)) return
    seen.add(hash)
    hashes.push(hash)
    kept.push(i)
  })
  return { hashes, kept }
}

/**
 * The query's kept frames in each of the eight orientations, derived from the bits (a query may be hashes only):
 * the same hashes as pdqVariantsFromHash, through per-orientation bit tables (a video query has thousands of frames).
 */
export function orientedFrames (prepared: PreparedVideo): Record<Orientation, string[]> {
  const out = Object.fromEntries(ORIENTATIONS.map((o) => [o, [] as string[]])) as Record<Orientation, string[]>
  const words = new Uint32Array(8)
  const turned = new Uint32Array(8)
  for (const hash of prepared.hashes) {
    pdqToWords(hash, words)
    ORIENTATIONS.forEach((o, n) => {
      if (o === 'original') {
        out[o].push(hash.toLowerCase())
        return
      }
      const table = BIT_TABLES[n]
      turned.fill(0)
      for (let k = 0; k < 256; k++) {
        const from = table.from[k]
        const bit = ((words[from >>> 5] >>> (from & 31)) & 1) ^ table.invert[k]
        if (bit === 1) turned[table.to[k] >>> 5] |= 1 << (table.to[k] & 31)
      }
      out[o].push(pdqFromWords(turned))
    })
  }
  return out
}

// Bit (i, j) of docs/pdq.md (bit 16 i + j, 16-bit word i) as a position in pdqToWords' uint32 words.
const wordBit = (i: number, j: number): number => ((15 - i) >> 1) * 32 + ((i & 1) === 1 ? 16 : 0) + j

const BIT_TABLES = ORIENTATIONS.map((o) => {
  const from = new Uint16Array(256)
  const to = new Uint16Array(256)
  const invert = new Uint8Array(256)
  let k = 0
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++, k++) {
      from[k] = wordBit(i, j)
      to[k] = isTransposed(o) ? wordBit(j, i) : wordBit(i, j)
      invert[k] = keepsSign(o, i, j) ? 0 : 1
    }
  }
  return { from, to, invert }
})

/** How one video's kept frames met another's: which frames of each found a frame of the other within distance 31. */
export interface VideoComparison {
  orientation: Orientation
  queryMatchPercent: number
  comparedMatchPercent: number
  /** Kept-frame numbers (positions in PreparedVideo) that matched, ascending. */
  queryMatched: number[]
  comparedMatched: number[]
}

export const matchPercent = (matched: number, of: number): number => of === 0 ? 0 : matched * 100 / of

/** HMA's linear comparison of two kept-frame lists (docs/vpdq.md#matching), in one orientation of the query. */
export function compareFrames (
  query: readonly string[],
  compared: readonly string[],
  orientation: Orientation = 'original',
  units?: readonly number[]
): VideoComparison {
  const q = query.map((h) => pdqToWords(h))
  const c = compared.map((h) => pdqToWords(h))
  const queryHit = new Uint8Array(q.length)
  const comparedHit = new Uint8Array(c.length)
  for (let i = 0; i < q.length; i++) {
    for (let k = 0; k < c.length; k++) {
      let d = 0
      for (let w = 0; w < 8; w++) d += popcount32(q[i][w] ^ c[k][w])
      if (d <= PDQ_MATCH_THRESHOLD) {
        queryHit[i] = 1
        comparedHit[k] = 1
      }
    }
  }
  return comparisonOf(orientation, queryHit, comparedHit, units)
}

/**
 * The comparison from the frames that met. comparedMatchPercent counts the compared video's units with a matched
 * frame: each kept frame is its own unit unless `units` gives each kept frame's unit (non-decreasing, as a dense
 * hash's seconds are; see bankedFrames).
 */
export function comparisonOf (
  orientation: Orientation, queryHit: Uint8Array, comparedHit: Uint8Array, units?: ArrayLike<number>
): VideoComparison {
  const queryMatched: number[] = []
  const comparedMatched: number[] = []
  queryHit.forEach((hit, i) => { if (hit === 1) queryMatched.push(i) })
  comparedHit.forEach((hit, k) => { if (hit === 1) comparedMatched.push(k) })
  return {
    orientation,
    queryMatchPercent: matchPercent(queryMatched.length, queryHit.length),
    comparedMatchPercent: units === undefined
      ? matchPercent(comparedMatched.length, comparedHit.length)
      : matchPercent(distinctUnits(comparedMatched.map((k) => units[k])), distinctUnits(units)),
    queryMatched,
    comparedMatched
  }
}

/** How many different values a non-decreasing list holds. */
export function distinctUnits (sorted: ArrayLike<number>): number {
  let n = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++
  return n
}

export function passes (c: { queryMatchPercent: number, comparedMatchPercent: number }, t: VpdqThresholds): boolean {
  return c.queryMatchPercent > 0 && c.queryMatchPercent >= t.queryMatchPercent &&
    c.comparedMatchPercent >= t.comparedMatchPercent
}

/**
 * Of the orientations that pass the thresholds, the best: highest queryMatchPercent, then comparedMatchPercent,
 * then the first in ORIENTATIONS (so an unmirrored copy is reported as 'original'). Null when none passes. With
 * only 'original' compared this is exactly HMA's decision; either side with no kept frame matches nothing.
 */
export function bestComparison (comparisons: readonly VideoComparison[], t: VpdqThresholds): VideoComparison | null {
  let best: VideoComparison | null = null
  for (const c of comparisons) {
    if (!passes(c, t)) continue
    if (best === null || c.queryMatchPercent > best.queryMatchPercent ||
      (c.queryMatchPercent === best.queryMatchPercent && c.comparedMatchPercent > best.comparedMatchPercent)) best = c
  }
  return best
}

/** Query against one video over every orientation of the query: what the index path must reproduce. */
export function compareVideos (
  query: Record<Orientation, string[]>, compared: readonly string[], t: VpdqThresholds, units?: readonly number[]
): VideoComparison | null {
  if (compared.length === 0) return null
  return bestComparison(ORIENTATIONS.map((o) => compareFrames(query[o], compared, o, units)), t)
}

export interface TimeRange { start: number, end: number }

/**
 * The stretches of a video its matched frames cover: runs of consecutive kept frames that all matched, each from
 * its first frame's timestamp to its last's. An unmatched kept frame ends a run.
 */
export function matchedRanges (
  features: readonly VpdqFeature[], prepared: PreparedVideo, matched: readonly number[]
): TimeRange[] {
  const ranges: TimeRange[] = []
  let previous = -2
  for (const k of matched) {
    const at = features[prepared.kept[k]].timestamp
    if (k === previous + 1 && ranges.length > 0) ranges[ranges.length - 1].end = at
    else ranges.push({ start: at, end: at })
    previous = k
  }
  return ranges
}
