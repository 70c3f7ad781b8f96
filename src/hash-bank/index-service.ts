// The hash bank's in-memory PDQ index for this process: loaded once, then kept current by polling the changes feed.
import type { Database } from '../db/index.ts'
import { PdqIndex, type PdqOrientedMatch } from '../domain/matching/pdq-index.ts'
import { PDQ_MATCH_THRESHOLD, PDQ_MIN_MATCH_QUALITY, PDQ_ZERO_HASH, type Orientation } from '../domain/matching/pdq.ts'
import { VpdqIndex, queryWithTrimmed, type FramesMatch, type OrientedQuery } from '../domain/matching/vpdq-index.ts'
import { decodeFeatures, type VpdqThresholds } from '../domain/matching/vpdq-match.ts'
import { bankedFrames } from '../domain/matching/vpdq-derive.ts'
import { loadPdqSnapshot, pdqChangesSince, type FeedPosition, type PdqIndexRow } from '../repositories/hash-bank.ts'

export interface HashBankIndexOptions {
  /** How often other processes' additions and retirements are picked up. */
  pollIntervalMs?: number
  logger?: { warn: (obj: object, msg: string) => void, info: (obj: object, msg: string) => void }
}

export const DEFAULT_POLL_INTERVAL_MS = 1000
const LOAD_PAGE_ROWS = 50_000
const POLL_PAGE_ROWS = 20_000

/** Low-quality hashes stay in the bank (and its feed) but are never matched; nor is the all-zero hash of a blank. */
function matchable (row: PdqIndexRow): boolean {
  return (row.quality === null || row.quality >= PDQ_MIN_MATCH_QUALITY) && row.value !== PDQ_ZERO_HASH
}

/**
 * Indexes a video's kept frames (quality 50 and up, repeats dropped): what HMA compares, and all the index holds
 * of it; with the second of each frame of a dense hash (bankedFrames), which its comparedMatchPercent counts.
 */
function addVideo (videos: VpdqIndex, row: PdqIndexRow): void {
  const { hashes, units } = row.features === null
    ? { hashes: [] }
    : bankedFrames(
      decodeFeatures(row.features), row.labels
    )
  videos.add(row.seq, hashes, units)
}

/**
 * Staleness: an entry committed by any process is matched here within one poll interval (about 1 s) once every
 * transaction of this database older than it has finished: the poll reads the same commit horizon as
 * GET /v1/hash-bank/changes (src/repositories/commit-horizon.ts), so a long transaction here (a big import, say)
 * delays what commits after it began until it ends, while one in another database of the cluster delays nothing.
 * Retirement needs no wait: matches are re-checked against the table before they are answered.
 */
export class HashBankIndex {
  private index = new PdqIndex()
  /** vpdq entries: every kept frame in a PDQ index under its video's seq (see VpdqIndex). */
  private videos = new VpdqIndex()
  private position: FeedPosition | null = null
  /** Loaded entries the poll will deliver again (committed past the load's horizon): added once, skipped then. */
  private preloaded = new Set<number>()
  private starting: Promise<void> | null = null
  private polls: Promise<number> = Promise.resolve(0)
  private timer: NodeJS.Timeout | null = null
  private closed = false
  private readonly pollIntervalMs: number

  constructor (private readonly db: Database, private readonly options: HashBankIndexOptions = {}) {
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS
  }

  /** PDQ hashes the index can match right now (video frames aside). */
  get size (): number { return this.index.size }
  /** Banked videos the index can match right now. */
  get videoCount (): number { return this.videos.size }
  get started (): boolean { return this.position !== null }
  /** When the index last held every change committed before its poll (epoch ms; null before the first load). */
  lastCaughtUpAt: number | null = null

  /**
   * Loads the bank and starts polling. Idempotent: concurrent callers share one load, and a failed load (database
   * unreachable) is retried by the next call rather than remembered.
   */
  start (): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the hash bank index is closed'))
    this.starting ??= this.load().catch((error: unknown) => {
      this.starting = null
      throw error
    })
    return this.starting
  }

  /** Applies every change committed since the last poll; calls run one after another. Returns changes applied. */
  refresh (): Promise<number> {
    const next = this.polls.catch(() => 0).then(() => this.poll())
    this.polls = next
    return next
  }

  /** Entries (by seq) within the match threshold of any orientation, nearest first. */
  query (variants: Record<Orientation, string>): PdqOrientedMatch[] {
    return this.index.queryAllOrientations(variants, PDQ_MATCH_THRESHOLD)
  }

  /**
   * vpdq entries (by seq) the query's kept frames match under the thresholds, strongest first; with `trimmed` (the
   * kept frames without their borders) those are looked up too, one answer per entry (see queryWithTrimmed).
   */
  queryVideo (
    oriented: OrientedQuery, thresholds: VpdqThresholds, trimmed: readonly string[] | null = null
  ): FramesMatch[] {
    return queryWithTrimmed(this.videos, oriented, trimmed, thresholds)
  }

  async close (): Promise<void> {
    this.closed = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    await this.polls.catch(() => 0)
  }

  private async load (): Promise<void> {
    const started = performance.now()
    const index = new PdqIndex({ capacity: 1024 })
    const videos = new VpdqIndex()
    const preloaded = new Set<number>()
    const position = await loadPdqSnapshot(this.db, LOAD_PAGE_ROWS, (rows, horizon) => {
      for (const row of rows) {
        if (row.type === 'vpdq') addVideo(videos, row)
        else if (matchable(row)) index.add(row.seq, row.value)
        // Visible now but past the horizon: the poll brings it again once older transactions end.
        if (row.txId >= horizon) preloaded.add(row.seq)
      }
    })
    index.build()
    videos.build()
    this.index = index
    this.videos = videos
    this.preloaded = preloaded
    this.position = position
    this.lastCaughtUpAt = Date.now()
    this.options.logger?.info(
      {
        hashes: index.size,
        videos: videos.size,
        videoFrames: videos.frameCount,
        ms: Math.round(performance.now() - started)
      },
      'hash bank PDQ index loaded'
    )
    this.schedule()
  }

  private schedule (): void {
    if (this.closed) return
    this.timer = setTimeout(() => {
      this.refresh()
        .catch((error: unknown) => this.options.logger?.warn({ err: error }, 'hash bank poll failed; retrying'))
        .finally(() => this.schedule())
    }, this.pollIntervalMs)
    // Polling alone must never keep a process (or a test run) alive.
    this.timer.unref()
  }

  private async poll (): Promise<number> {
    if (this.position === null || this.closed) return 0
    let applied = 0
    for (;;) {
      const rows = await pdqChangesSince(this.db, this.position, POLL_PAGE_ROWS)
      const retiredVideos: number[] = []
      for (const row of rows) {
        // Past the load's position every change arrives once; rows the load already took are not added twice.
        const seen = this.preloaded.delete(row.seq)
        if (row.type === 'vpdq') {
          if (row.retiredAt !== null) retiredVideos.push(row.seq)
          else if (!seen) addVideo(this.videos, row)
        } else if (row.retiredAt !== null) this.index.remove(row.seq)
        else if (!seen && matchable(row)) this.index.add(row.seq, row.value)
        this.position = { txId: row.txId, changeId: row.changeId }
      }
      // One pass over the frames for all of a page's retired videos.
      this.videos.removeMany(retiredVideos)
      applied += rows.length
      if (rows.length < POLL_PAGE_ROWS) {
        this.lastCaughtUpAt = Date.now()
        return applied
      }
    }
  }
}
