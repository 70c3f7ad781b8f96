// In-memory multi-index hashing (MIH) over PDQ hashes: exact Hamming-radius search without scanning the bank.
import { ORIENTATIONS, type Orientation, isPdqHex, pdqToWords, popcount32 } from './pdq.ts'
import { BUCKETS, SLOTS, fillSlotTables } from './pdq-mih.ts'
import {
  OFFSETS_PER_SLOT, QUERY_PTR, SCRATCH_BYTES, createLookupKernel, createWasmMemory, type LookupKernel
} from './pdq-wasm.ts'

export type PdqId = string | number
export interface PdqMatch { id: PdqId, distance: number }
export interface PdqOrientedMatch extends PdqMatch { orientation: Orientation }

// Postings are packed as 24-bit entry numbers (3 bytes instead of 4 is what keeps the index under 100 B/hash).
export const PDQ_INDEX_MAX_ENTRIES = (1 << 24) - 1
// Entries added since the last build are scanned linearly; past this many the slot tables are rebuilt.
const PENDING_LIMIT = 4096
// Pigeonhole: 16 slots with at most 1 differing bit each cover every distance up to 31.
const MIH_MAX_DISTANCE = 2 * SLOTS - 1
const PAGE = 65536
const OFFSETS_BYTES = SLOTS * OFFSETS_PER_SLOT * 4
const align4 = (n: number): number => Math.ceil(n / 4) * 4

// The words and slot tables live in one WebAssembly memory, laid out for the lookup kernel (see pdq-kernel.wat):
// [kernel scratch][words: capacity * 8 uint32][offsets: SLOTS * (BUCKETS + 1) uint32][postings: SLOTS * built * 3
// bytes + 4][out area: outCap uint32]. Growing the words moves the tables up; the memory itself never shrinks.
export class PdqIndex {
  private memory = createWasmMemory(1)
  private kernel: LookupKernel = createLookupKernel(this.memory)
  private heap = new Uint32Array(this.memory.buffer) // the whole memory; replaced whenever it grows
  private words: Uint32Array // 8 words per entry, as pdqToWords: a view into memory
  private numIds: Float64Array // numeric id, NaN when the id is a string
  private strIds: Array<string | undefined> = []
  private dead: Uint32Array // removal tombstones, one bit per entry
  private count = 0 // entries including removed ones
  private removed = 0
  private built = 0 // entries [0, built) are in the slot tables
  private tablesBytes = 0 // offsets + postings (+ padding), 0 before the first build
  private outCap = 16384 // uint32 values in the out area

  constructor (options: { capacity?: number } = {}) {
    const capacity = Math.max(16, Math.min(options.capacity ?? 1024, PDQ_INDEX_MAX_ENTRIES))
    this.words = this.layout(capacity)
    this.numIds = new Float64Array(capacity)
    this.dead = new Uint32Array(Math.ceil(capacity / 32))
  }

  get size (): number { return this.count - this.removed }

  /** Bytes held in the WebAssembly memory, which process.memoryUsage() does not count. */
  get wasmBytes (): number { return this.memory.buffer.byteLength }

  /** Adds a hash under an id; an id may carry several hashes and is reported once, at its best distance. */
  add (id: PdqId, hash: string): void {
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
      throw new TypeError('id must be a string or a finite number')
    }
    if (!isPdqHex(hash)) throw new TypeError('hash must be 64 hex digits')
    if (this.count >= PDQ_INDEX_MAX_ENTRIES) {
      throw new RangeError(`a PdqIndex holds at most ${PDQ_INDEX_MAX_ENTRIES} hashes`)
    }
    if (this.count === this.numIds.length) this.grow()
    const e = this.count++
    pdqToWords(hash, this.words, e * 8)
    if (typeof id === 'string') {
      this.numIds[e] = Number.NaN
      this.strIds[e] = id
    } else {
      this.numIds[e] = id
    }
  }

  /** Removes every hash held under id (a linear scan: removals are rare next to lookups). */
  remove (id: PdqId): boolean {
    let found = false
    for (let e = 0; e < this.count; e++) {
      if (this.isDead(e)) continue
      if (typeof id === 'string' ? this.strIds[e] === id : this.numIds[e] === id) {
        this.dead[e >>> 5] |= 1 << (e & 31)
        this.removed++
        found = true
      }
    }
    return found
  }

  /**
   * Removes every hash whose id passes the test, in one scan (for callers that give each of many hashes its own
   * id, such as a video's frames).
   */
  removeWhere (test: (id: PdqId) => boolean): number {
    let found = 0
    for (let e = 0; e < this.count; e++) {
      if (this.isDead(e) || !test(this.idOf(e))) continue
      this.dead[e >>> 5] |= 1 << (e & 31)
      this.removed++
      found++
    }
    return found
  }

  /**
   * Calls report for every stored hash within maxDistance (unordered; a hash may be reported more than once):
   * the lean form of query for callers that group the hits themselves.
   */
  visit (hash: string, maxDistance: number, report: (id: PdqId, distance: number, entry: number) => void): void {
    this.collect(hash, maxDistance, (e, d) => report(this.idOf(e), d, e))
  }

  /**
   * The 8 words (as pdqToWords) of the entry a visit reported, valid until the next add, remove, build or query:
   * those may renumber entries. Entries keep the order they were added in, removed ones aside.
   */
  entryWords (entry: number): Uint32Array {
    return this.words.subarray(entry * 8, entry * 8 + 8)
  }

  /** The id of the entry a visit reported (same validity as entryWords). */
  entryId (entry: number): PdqId {
    return this.idOf(entry)
  }

  /** Every id within maxDistance of hash, nearest first: exactly what a full scan returns. */
  query (hash: string, maxDistance = MIH_MAX_DISTANCE): PdqMatch[] {
    const best = new Map<number, number>()
    this.collect(hash, maxDistance, (e, d) => {
      const prev = best.get(e)
      if (prev === undefined || d < prev) best.set(e, d)
    })
    return this.byId(best, () => undefined).map(({ id, distance }) => ({ id, distance }))
  }

  /** Matches against any of the eight orientations; each id once, at its best distance and orientation. */
  queryAllOrientations (variants: Record<Orientation, string>, maxDistance = MIH_MAX_DISTANCE): PdqOrientedMatch[] {
    const best = new Map<number, number>()
    const how = new Map<number, Orientation>()
    const seen = new Set<string>()
    for (const orientation of ORIENTATIONS) {
      const hash = variants[orientation].toLowerCase()
      if (seen.has(hash)) continue // symmetric images give identical variants
      seen.add(hash)
      this.collect(hash, maxDistance, (e, d) => {
        const prev = best.get(e)
        if (prev === undefined || d < prev) {
          best.set(e, d)
          how.set(e, orientation)
        }
      })
    }
    return this.byId(best, (e) => how.get(e) as Orientation) as PdqOrientedMatch[]
  }

  /** Brute-force scan over the stored hashes, with query's results; the baseline for benchmarks. */
  scan (hash: string, maxDistance = MIH_MAX_DISTANCE): PdqMatch[] {
    const best = new Map<number, number>()
    this.scanRange(pdqToWords(hash), 0, this.count, maxDistance, (e, d) => { best.set(e, d) })
    return this.byId(best, () => undefined).map(({ id, distance }) => ({ id, distance }))
  }

  scanAllOrientations (variants: Record<Orientation, string>, maxDistance = MIH_MAX_DISTANCE): PdqOrientedMatch[] {
    const best = new Map<number, number>()
    const how = new Map<number, Orientation>()
    for (const orientation of ORIENTATIONS) {
      this.scanRange(pdqToWords(variants[orientation]), 0, this.count, maxDistance, (e, d) => {
        const prev = best.get(e)
        if (prev === undefined || d < prev) {
          best.set(e, d)
          how.set(e, orientation)
        }
      })
    }
    return this.byId(best, (e) => how.get(e) as Orientation) as PdqOrientedMatch[]
  }

  /** Rebuilds the slot tables over every entry (and drops removed ones); queries call it when needed. */
  build (): void {
    if (this.removed > 0) this.compact()
    const n = this.count
    this.tablesBytes = OFFSETS_BYTES + SLOTS * n * 3 + 4 // 4: the kernel reads postings 4 bytes at a time
    this.words = this.layout(this.numIds.length)
    const offsets = new Uint32Array(this.memory.buffer, this.tablesPtr, SLOTS * (BUCKETS + 1))
    fillSlotTables(
      this.words, n, offsets, new Uint8Array(this.memory.buffer, this.tablesPtr + OFFSETS_BYTES, SLOTS * n * 3)
    )
    this.built = n
  }

  private get tablesPtr (): number { return SCRATCH_BYTES + this.numIds.length * 32 }

  private get outPtr (): number { return align4(this.tablesPtr + this.tablesBytes) }

  // Grows the memory to hold capacity entries, the tables and the out area; returns the (new) words view.
  private layout (capacity: number): Uint32Array {
    const need = align4(SCRATCH_BYTES + capacity * 32 + this.tablesBytes) + this.outCap * 4
    const have = this.memory.buffer.byteLength
    if (need > have) this.memory.grow(Math.ceil((need - have) / PAGE))
    this.heap = new Uint32Array(this.memory.buffer)
    return this.heap.subarray(SCRATCH_BYTES / 4, SCRATCH_BYTES / 4 + capacity * 8)
  }

  private collect (hash: string, maxDistance: number, report: (entry: number, distance: number) => void): void {
    if (!Number.isInteger(maxDistance) || maxDistance < 0) {
      throw new RangeError('maxDistance must be a non-negative integer')
    }
    const q = pdqToWords(hash)
    // Beyond 31 the one-bit-neighbour probes no longer cover every match, so stay exact by scanning.
    if (maxDistance > MIH_MAX_DISTANCE) return this.scanRange(q, 0, this.count, maxDistance, report)
    if (this.count - this.built > PENDING_LIMIT || this.removed * 4 > this.count) this.build()
    const verified = this.removed === 0 ? report : (e: number, d: number): void => { if (!this.isDead(e)) report(e, d) }
    if (this.built > 0) {
      this.heap.set(q, QUERY_PTR / 4)
      // Up to 15 bits apart, some slot matches exactly; only 16..31 needs the one-bit neighbours.
      const flips = maxDistance >= SLOTS ? 16 : 0
      const run = (): number => this.kernel(
        SCRATCH_BYTES, this.tablesPtr, this.tablesPtr + OFFSETS_BYTES, this.built * 3, flips, maxDistance,
        this.outPtr, this.outCap
      )
      let found = run()
      if (found < 0) {
        this.outCap = Math.max(-found, this.outCap * 2)
        this.words = this.layout(this.numIds.length)
        found = run()
      }
      const heap = this.heap
      for (let i = this.outPtr / 4, stop = i + found; i < stop; i++) verified(heap[i] >>> 8, heap[i] & 0xff)
    }
    this.scanRange(q, this.built, this.count, maxDistance, verified)
  }

  private scanRange (
    q: Uint32Array, from: number, to: number, max: number, report: (e: number, d: number) => void
  ): void {
    const words = this.words
    for (let e = from; e < to; e++) {
      const b = e * 8
      let d = 0
      for (let w = 0; w < 8; w++) d += popcount32(words[b + w] ^ q[w])
      if (d <= max && !this.isDead(e)) report(e, d)
    }
  }

  // Groups entries by id keeping the best distance, ordered by distance then insertion.
  private byId (best: Map<number, number>, orientationOf: (e: number) => Orientation | undefined): PdqOrientedMatch[] {
    const entries = [...best.keys()].sort((a, b) => (best.get(a) as number) - (best.get(b) as number) || a - b)
    const out: PdqOrientedMatch[] = []
    const seenIds = new Set<PdqId>()
    for (const e of entries) {
      const id = this.idOf(e)
      if (seenIds.has(id)) continue
      seenIds.add(id)
      out.push({ id, distance: best.get(e) as number, orientation: orientationOf(e) as Orientation })
    }
    return out
  }

  private idOf (e: number): PdqId {
    const n = this.numIds[e]
    return Number.isNaN(n) ? this.strIds[e] as string : n
  }

  private isDead (e: number): boolean {
    return (this.dead[e >>> 5] & (1 << (e & 31))) !== 0
  }

  private grow (): void {
    const capacity = Math.min(PDQ_INDEX_MAX_ENTRIES, Math.ceil(this.numIds.length * 1.5))
    const from = this.tablesPtr
    this.words = this.layout(capacity)
    // Move the tables up past the larger words region (copyWithin handles the overlap).
    const u8 = new Uint8Array(this.memory.buffer)
    u8.copyWithin(SCRATCH_BYTES + capacity * 32, from, from + this.tablesBytes)
    const numIds = new Float64Array(capacity)
    numIds.set(this.numIds)
    this.numIds = numIds
    const dead = new Uint32Array(Math.ceil(capacity / 32))
    dead.set(this.dead)
    this.dead = dead
  }

  // Drops removed entries, keeping the survivors' order; entry numbers change, so only build() calls it.
  private compact (): void {
    let to = 0
    const strIds: Array<string | undefined> = []
    for (let e = 0; e < this.count; e++) {
      if (this.isDead(e)) continue
      this.words.copyWithin(to * 8, e * 8, e * 8 + 8)
      this.numIds[to] = this.numIds[e]
      if (Number.isNaN(this.numIds[e])) strIds[to] = this.strIds[e]
      to++
    }
    this.strIds = strIds
    this.dead.fill(0)
    this.count = to
    this.removed = 0
  }
}

/** Reference scan over hex hashes, for tests: each id once at its best distance, nearest first. */
export function bruteForceQuery (
  bank: Iterable<{ id: PdqId, hash: string }>, hash: string, maxDistance = MIH_MAX_DISTANCE
): PdqMatch[] {
  const q = pdqToWords(hash)
  const w = new Uint32Array(8)
  const best = new Map<PdqId, number>()
  for (const { id, hash: h } of bank) {
    pdqToWords(h, w)
    let d = 0
    for (let k = 0; k < 8; k++) d += popcount32(w[k] ^ q[k])
    const prev = best.get(id)
    if (d <= maxDistance && (prev === undefined || d < prev)) best.set(id, d)
  }
  return [...best].map(([id, distance]) => ({ id, distance })).sort((a, b) => a.distance - b.distance)
}
