// Video matching through the PDQ multi-index: every kept frame of every banked video is one PdqIndex entry.
import { ORIENTATIONS, PDQ_MATCH_THRESHOLD, pdqToWords, popcount32, type Orientation } from './pdq.ts'
import { PdqIndex } from './pdq-index.ts'
import { bestComparison, comparisonOf, type VideoComparison, type VpdqThresholds } from './vpdq-match.ts'

/**
 * A frame's id in the PdqIndex is `video * FRAME_SLOTS + k` (k its kept-frame number): the video is the id's high
 * part, and the low part tells which of its frames matched, which comparedMatchPercent needs. 65,536 > 36,000
 * features; videos up to 2^37 keep the id an exact double.
 */
const FRAME_SLOTS = 65_536
export const MAX_VIDEO_NUMBER = 2 ** 37 - 1

export interface VideoMatch extends VideoComparison { video: number }

function checkVideo (video: number): void {
  if (!Number.isSafeInteger(video) || video < 0 || video > MAX_VIDEO_NUMBER) throw new RangeError(`a video number is an integer from 0 to ${MAX_VIDEO_NUMBER}`)
}

/** Highest queryMatchPercent first, then comparedMatchPercent, then the lower video number. */
export function byStrength (a: VideoMatch, b: VideoMatch): number {
  return b.queryMatchPercent - a.queryMatchPercent || b.comparedMatchPercent - a.comparedMatchPercent || a.video - b.video
}

/**
 * Candidates come from one index lookup per query frame and orientation; each candidate's two percentages are
 * then counted from exactly the hits the lookups found, which (the index being exact within distance 31) are the
 * pairs a linear comparison finds. So the answer equals LinearVpdqBank's, at a fraction of its cost.
 */
export class VpdqIndex {
  private readonly frames = new PdqIndex({ capacity: 4096 })
  /** Kept frames per banked video. */
  private readonly videos = new Map<number, number>()

  /** Banked videos with at least one kept frame. */
  get size (): number { return this.videos.size }
  get frameCount (): number { return this.frames.size }
  get wasmBytes (): number { return this.frames.wasmBytes }

  has (video: number): boolean { return this.videos.has(video) }

  /** Banks a video's kept frames (prepareVideo's hashes); a video already banked is replaced. */
  add (video: number, kept: readonly string[]): void {
    checkVideo(video)
    if (kept.length > FRAME_SLOTS) throw new RangeError(`a video has at most ${FRAME_SLOTS} kept frames`)
    if (this.videos.has(video)) this.remove(video)
    if (kept.length === 0) return
    kept.forEach((hash, k) => this.frames.add(video * FRAME_SLOTS + k, hash))
    this.videos.set(video, kept.length)
  }

  remove (video: number): boolean {
    if (!this.videos.delete(video)) return false
    this.frames.removeWhere((id) => Math.floor((id as number) / FRAME_SLOTS) === video)
    return true
  }

  /** Removes many videos in one pass over the frames (a poll may retire many at once). */
  removeMany (videos: Iterable<number>): number {
    const gone = new Set<number>()
    for (const v of videos) if (this.videos.delete(v)) gone.add(v)
    if (gone.size > 0) this.frames.removeWhere((id) => gone.has(Math.floor((id as number) / FRAME_SLOTS)))
    return gone.size
  }

  build (): void { this.frames.build() }

  /** Every banked video the query matches under the thresholds, strongest first (see bestComparison). */
  query (oriented: Record<Orientation, readonly string[]>, thresholds: VpdqThresholds): VideoMatch[] {
    const n = oriented.original.length
    if (n === 0) return []
    const perVideo = new Map<number, VideoComparison[]>()
    for (const orientation of ORIENTATIONS) {
      const hits = new Map<number, { q: Uint8Array, c: Uint8Array }>()
      oriented[orientation].forEach((hash, i) => {
        this.frames.visit(hash, PDQ_MATCH_THRESHOLD, (id) => {
          const video = Math.floor((id as number) / FRAME_SLOTS)
          let h = hits.get(video)
          if (h === undefined) {
            h = { q: new Uint8Array(n), c: new Uint8Array(this.videos.get(video) as number) }
            hits.set(video, h)
          }
          h.q[i] = 1
          h.c[(id as number) - video * FRAME_SLOTS] = 1
        })
      })
      for (const [video, h] of hits) {
        const list = perVideo.get(video) ?? []
        list.push(comparisonOf(orientation, h.q, h.c))
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

/** HMA's way: the query against every banked video, frame by frame. The baseline the index must equal. */
export class LinearVpdqBank {
  private readonly videos = new Map<number, Uint32Array>()

  add (video: number, kept: readonly string[]): void {
    checkVideo(video)
    if (kept.length === 0) {
      this.videos.delete(video)
      return
    }
    const words = new Uint32Array(kept.length * 8)
    kept.forEach((hash, k) => pdqToWords(hash, words, k * 8))
    this.videos.set(video, words)
  }

  remove (video: number): boolean { return this.videos.delete(video) }

  query (oriented: Record<Orientation, readonly string[]>, thresholds: VpdqThresholds): VideoMatch[] {
    const n = oriented.original.length
    if (n === 0) return []
    const queries = ORIENTATIONS.map((o) => {
      const words = new Uint32Array(n * 8)
      oriented[o].forEach((hash, i) => pdqToWords(hash, words, i * 8))
      return words
    })
    const out: VideoMatch[] = []
    for (const [video, c] of this.videos) {
      const m = c.length / 8
      const comparisons = ORIENTATIONS.map((orientation, o) => {
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
        return comparisonOf(orientation, qHit, cHit)
      })
      const best = bestComparison(comparisons, thresholds)
      if (best !== null) out.push({ video, ...best })
    }
    return out.sort(byStrength)
  }
}
