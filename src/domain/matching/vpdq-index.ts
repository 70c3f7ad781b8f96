// Video matching through the PDQ multi-index: every kept frame of every banked video is one PdqIndex entry.
import { ORIENTATIONS, PDQ_MATCH_THRESHOLD, pdqToWords, popcount32, type Orientation } from './pdq.ts'
import { PdqIndex } from './pdq-index.ts'
import { bestComparison, comparisonOf, matchPercent, type VideoComparison, type VpdqThresholds } from './vpdq-match.ts'

/**
 * A frame's id in the PdqIndex is `video * FRAME_SLOTS + k` (k its kept-frame number): the video is the id's high
 * part, and the low part tells which of its frames matched, which comparedMatchPercent needs. 65,536 > 36,000
 * features; videos up to 2^37 keep the id an exact double.
 */
const FRAME_SLOTS = 65_536
export const MAX_VIDEO_NUMBER = 2 ** 37 - 1

export interface VideoMatch extends VideoComparison { video: number }

/**
 * The query's kept frames in the orientations to try: 'original' always, any others as given (all eight by
 * default).
 */
export type OrientedQuery = Partial<Record<Orientation, readonly string[]>> & { original: readonly string[] }

function checkVideo (video: number): void {
  if (!Number.isSafeInteger(video) || video < 0 || video > MAX_VIDEO_NUMBER) {
    throw new RangeError(`a video number is an integer from 0 to ${MAX_VIDEO_NUMBER}`)
  }
}

function checkUnits (kept: readonly string[], units: readonly number[] | undefined): void {
  if (units === undefined) return
  if (units.length !== kept.length) throw new RangeError('a video has one unit per kept frame')
  units.forEach((u, k) => {
    if (!Number.isInteger(u) || u < 0 || u > 0xffffffff || (k > 0 && u < units[k - 1])) {
      throw new RangeError('units are non-decreasing 32-bit integers')
    }
  })
}

/** Highest queryMatchPercent first, then comparedMatchPercent, then the lower video number. */
export function byStrength (a: VideoMatch, b: VideoMatch): number {
  return b.queryMatchPercent - a.queryMatchPercent || b.comparedMatchPercent - a.comparedMatchPercent ||
    a.video - b.video
}

/**
 * Candidates come from one index lookup per query frame and orientation; each candidate's two percentages are
 * then counted from exactly the hits the lookups found, which (the index being exact within distance 31) are the
 * pairs a linear comparison finds. So the answer equals LinearVpdqBank's, at a fraction of its cost.
 */
export class VpdqIndex {
  private readonly frames: PdqIndex
  /** Kept frames per banked video. */
  private readonly videos = new Map<number, number>()
  /** Each kept frame's unit, for the videos whose frames are not each their own (dense hashes; see comparisonOf). */
  private readonly units = new Map<number, Uint32Array>()

  /** capacity: the frames expected, when known (a loader counts them first), so storage is not over-allocated. */
  constructor (options: { capacity?: number } = {}) {
    this.frames = new PdqIndex({ capacity: options.capacity ?? 4096 })
  }

  /** Banked videos with at least one kept frame. */
  get size (): number { return this.videos.size }
  get frameCount (): number { return this.frames.size }
  get wasmBytes (): number { return this.frames.wasmBytes }

  has (video: number): boolean { return this.videos.has(video) }

  /**
   * Banks a video's kept frames (prepareVideo's hashes), with each frame's unit when frames are not each their own
   * (bankedFrames); a video already banked is replaced.
   */
  add (video: number, kept: readonly string[], units?: readonly number[]): void {
    checkVideo(video)
    if (kept.length > FRAME_SLOTS) throw new RangeError(`a video has at most ${FRAME_SLOTS} kept frames`)
    checkUnits(kept, units)
    if (this.videos.has(video)) this.remove(video)
    if (kept.length === 0) return
    kept.forEach((hash, k) => this.frames.add(video * FRAME_SLOTS + k, hash))
    this.videos.set(video, kept.length)
    if (units !== undefined) this.units.set(video, Uint32Array.from(units))
  }

  remove (video: number): boolean {
    if (!this.videos.delete(video)) return false
    this.units.delete(video)
    this.frames.removeWhere((id) => Math.floor((id as number) / FRAME_SLOTS) === video)
    return true
  }

  /** Removes many videos in one pass over the frames (a poll may retire many at once). */
  removeMany (videos: Iterable<number>): number {
    const gone = new Set<number>()
    for (const v of videos) {
      if (this.videos.delete(v)) gone.add(v)
      this.units.delete(v)
    }
    if (gone.size > 0) this.frames.removeWhere((id) => gone.has(Math.floor((id as number) / FRAME_SLOTS)))
    return gone.size
  }

  build (): void { this.frames.build() }

  /**
   * Every banked video the query matches under the thresholds, strongest first (see bestComparison).
   *
   * A video passes only when at least `need` of the query's n frames find it (need from queryMatchPercent, and at
   * least 1), so looking up any n - need + 1 of them in an orientation is sure to reach every video that can pass
   * in it (pigeonhole). Those lookups give the candidates; each candidate's frames are then compared with every
   * query frame in that orientation, which is exactly the linear comparison restricted to videos that can pass.
   */
  query (oriented: OrientedQuery, thresholds: VpdqThresholds): VideoMatch[] {
    const n = oriented.original.length
    if (n === 0) return []
    const probes = probeFrames(n, thresholds.queryMatchPercent)
    const perVideo = new Map<number, VideoComparison[]>()
    for (const orientation of ORIENTATIONS) {
      const frames = oriented[orientation]
      if (frames === undefined) continue
      // Candidate video -> the entry number of its first frame. A lookup builds the tables first when they are
      // stale, before it reports anything, so entry numbers taken from the reports hold for this whole query.
      const candidates = new Map<number, number>()
      for (const i of probes) {
        this.frames.visit(frames[i], PDQ_MATCH_THRESHOLD, (id, _distance, entry) => {
          const video = Math.floor((id as number) / FRAME_SLOTS)
          if (!candidates.has(video)) candidates.set(video, entry - ((id as number) - video * FRAME_SLOTS))
        })
      }
      if (candidates.size === 0) continue
      const q = new Uint32Array(n * 8)
      frames.forEach((hash, i) => pdqToWords(hash, q, i * 8))
      for (const [video, first] of candidates) {
        const m = this.videos.get(video) as number
        const qHit = new Uint8Array(n)
        const cHit = new Uint8Array(m)
        for (let k = 0; k < m; k++) {
          const c = this.frames.entryWords(first + k)
          for (let i = 0; i < n; i++) {
            const b = i * 8
            const d = popcount32(q[b] ^ c[0]) + popcount32(q[b + 1] ^ c[1]) +
              popcount32(q[b + 2] ^ c[2]) + popcount32(q[b + 3] ^ c[3]) +
              popcount32(q[b + 4] ^ c[4]) + popcount32(q[b + 5] ^ c[5]) +
              popcount32(q[b + 6] ^ c[6]) + popcount32(q[b + 7] ^ c[7])
            if (d <= PDQ_MATCH_THRESHOLD) {
              qHit[i] = 1
              cHit[k] = 1
            }
          }
        }
        const list = perVideo.get(video) ?? []
        list.push(comparisonOf(orientation, qHit, cHit, this.units.get(video)))
        perVideo.set(video, list)
      }
    }
    const out: VideoMatch[] = []
    for (const [video, comparisons] of perVideo) {
      const best = bestComparison(comparisons, thresholds)
      if (best !== null) out.push({ video, ...best })
    }
    return out.sort(byStrength)
  }
}

/**
 * The query frames to look up: n - need + 1 of them, spread evenly, where need is the fewest matched frames that
 * reach queryMatchPercent (computed with matchPercent's own arithmetic, so no rounding can disagree).
 */
export function probeFrames (n: number, queryMatchPercent: number): number[] {
  let need = 1
  while (need < n && matchPercent(need, n) < queryMatchPercent) need++
  const count = n - need + 1
  return Array.from({ length: count }, (_, j) => Math.floor(j * n / count))
}

/** HMA's way: the query against every banked video, frame by frame. The baseline the index must equal. */
export class LinearVpdqBank {
  private readonly videos = new Map<number, { words: Uint32Array, units?: readonly number[] }>()

  add (video: number, kept: readonly string[], units?: readonly number[]): void {
    checkVideo(video)
    checkUnits(kept, units)
    if (kept.length === 0) {
      this.videos.delete(video)
      return
    }
    const words = new Uint32Array(kept.length * 8)
    kept.forEach((hash, k) => pdqToWords(hash, words, k * 8))
    this.videos.set(video, units === undefined ? { words } : { words, units: [...units] })
  }

  remove (video: number): boolean { return this.videos.delete(video) }

  query (oriented: OrientedQuery, thresholds: VpdqThresholds): VideoMatch[] {
    const n = oriented.original.length
    if (n === 0) return []
    const given = ORIENTATIONS.filter((o) => oriented[o] !== undefined)
    const queries = given.map((o) => {
      const words = new Uint32Array(n * 8)
      oriented[o]?.forEach((hash, i) => pdqToWords(hash, words, i * 8))
      return words
    })
    const out: VideoMatch[] = []
    for (const [video, { words: c, units }] of this.videos) {
      const m = c.length / 8
      const comparisons = given.map((orientation, o) => {
        const q = queries[o]
        const qHit = new Uint8Array(n)
        const cHit = new Uint8Array(m)
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < m; k++) {
            let d = 0
            for (let w = 0; w < 8; w++) d += popcount32(q[i * 8 + w] ^ c[k * 8 + w])
            if (d <= PDQ_MATCH_THRESHOLD) {
              qHit[i] = 1
              cHit[k] = 1
            }
          }
        }
        return comparisonOf(orientation, qHit, cHit, units)
      })
      const best = bestComparison(comparisons, thresholds)
      if (best !== null) out.push({ video, ...best })
    }
    return out.sort(byStrength)
  }
}

/** A video match, with which of the query's frames made it: as they are, or without their borders. */
export interface FramesMatch extends VideoMatch {
  /** True when the query's frames without their borders (trimmedHash), in their original orientation, matched. */
  bordersTrimmed: boolean
}

/**
 * A query with its plain frames (in the orientations given) and, when its frames had borders, its trimmed frames (in
 * the original orientation: a re-upload is letterboxed or mirrored far more often than both). One answer per banked
 * video, the stronger of the two (byStrength's order; the plain frames on a tie), strongest first. Through a
 * VpdqIndex or a LinearVpdqBank alike, so the index path still equals the linear comparison.
 */
export function queryWithTrimmed (
  bank: { query: (oriented: OrientedQuery, thresholds: VpdqThresholds) => VideoMatch[] },
  oriented: OrientedQuery, trimmed: readonly string[] | null, thresholds: VpdqThresholds
): FramesMatch[] {
  const best = new Map<number, FramesMatch>()
  for (const m of bank.query(oriented, thresholds)) best.set(m.video, { ...m, bordersTrimmed: false })
  if (trimmed !== null) {
    for (const m of bank.query({ original: trimmed }, thresholds)) {
      const plain = best.get(m.video)
      if (plain === undefined || byStrength(m, plain) < 0) best.set(m.video, { ...m, bordersTrimmed: true })
    }
  }
  return [...best.values()].sort(byStrength)
}
