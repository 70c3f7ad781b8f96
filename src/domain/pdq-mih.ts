// Multi-index hashing tables for PDQ: 16 slot tables keyed by 16-bit hash slices, and candidate lookup in them.
import { popcount32 } from './pdq.ts'

export const SLOTS = 16
export const BUCKETS = 1 << 16
// Candidates are verified in chunks small enough that the lines loaded ahead are still in cache.
const VERIFY_CHUNK = 512

/** Per slot, entry numbers grouped by the slot's 16-bit value (CSR: offsets[key]..offsets[key + 1]). */
export interface SlotTables {
  offsets: Uint32Array[] // BUCKETS + 1 each
  postings: Uint8Array[] // 3 bytes (a 24-bit entry number) per entry
}

/** Reusable per-index buffers, so lookups allocate nothing per query. */
export class LookupScratch {
  candidates = new Int32Array(4096)
  ranges = new Int32Array(SLOTS * 17 * 2)
  sink = 0 // keeps the deliberate prefetch loads from being optimised away
}

// Slot s is the s-th 16-bit slice of the hex string: the high or low half of 32-bit word s / 2.
const slotKey = (words: Uint32Array, base: number, s: number): number =>
  (words[base + (s >>> 1)] >>> ((s & 1) === 0 ? 16 : 0)) & 0xffff

/**
 * Counting sort of entries 0..n-1 by each slot's value, into flat tables: offsets holds SLOTS runs of
 * BUCKETS + 1 bounds, postings SLOTS runs of n * 3 bytes. Entries stay in insertion order within a bucket.
 */
export function fillSlotTables (words: Uint32Array, n: number, offsets: Uint32Array, postings: Uint8Array): void {
  const cursor = new Uint32Array(BUCKETS)
  for (let s = 0; s < SLOTS; s++) {
    const o = offsets.subarray(s * (BUCKETS + 1), (s + 1) * (BUCKETS + 1))
    const base = s * n * 3
    o.fill(0)
    for (let e = 0; e < n; e++) o[slotKey(words, e * 8, s) + 1]++
    for (let k = 0; k < BUCKETS; k++) o[k + 1] += o[k]
    cursor.set(o.subarray(0, BUCKETS))
    for (let e = 0; e < n; e++) {
      const p = base + cursor[slotKey(words, e * 8, s)]++ * 3
      postings[p] = e & 0xff
      postings[p + 1] = (e >>> 8) & 0xff
      postings[p + 2] = e >>> 16
    }
  }
}

/** The same tables as separate per-slot arrays, for gatherCandidates (the pure-JS lookup). */
export function buildSlotTables (words: Uint32Array, n: number): SlotTables {
  const offsets = new Uint32Array(SLOTS * (BUCKETS + 1))
  const postings = new Uint8Array(SLOTS * n * 3)
  fillSlotTables(words, n, offsets, postings)
  const tables: SlotTables = { offsets: [], postings: [] }
  for (let s = 0; s < SLOTS; s++) {
    tables.offsets.push(offsets.subarray(s * (BUCKETS + 1), (s + 1) * (BUCKETS + 1)))
    tables.postings.push(postings.subarray(s * n * 3, (s + 1) * n * 3))
  }
  return tables
}

// gatherCandidates and verifyCandidates are the pure-JS lookup (bench/_mih.ts measures it); PdqIndex runs the same
// algorithm in the WebAssembly kernel of pdq-wasm.ts.

/**
 * Entry numbers in the buckets of each slot's exact value and (flips = 16) its 16 one-bit neighbours.
 * Bucket bounds are read for every probe first and each bucket touched before any is copied: independent
 * loads, so their cache misses overlap instead of each bucket read waiting on its own bounds read.
 */
export function gatherCandidates (tables: SlotTables, q: Uint32Array, flips: number, scratch: LookupScratch): number {
  const ranges = scratch.ranges
  let r = 0
  let total = 0
  for (let s = 0; s < SLOTS; s++) {
    const offsets = tables.offsets[s]
    const key = slotKey(q, 0, s)
    for (let f = -1; f < flips; f++) {
      const k = f < 0 ? key : key ^ (1 << f)
      ranges[r] = offsets[k]
      ranges[r + 1] = offsets[k + 1]
      total += ranges[r + 1] - ranges[r]
      r += 2
    }
  }
  if (total > scratch.candidates.length) scratch.candidates = new Int32Array(Math.max(total, scratch.candidates.length * 2))
  const candidates = scratch.candidates
  let sink = 0
  for (let s = 0, i = 0; s < SLOTS; s++) {
    const postings = tables.postings[s]
    for (let f = -1; f < flips; f++, i += 2) sink ^= postings[ranges[i] * 3]
  }
  scratch.sink = sink
  let count = 0
  for (let s = 0, i = 0; s < SLOTS; s++) {
    const postings = tables.postings[s]
    for (let f = -1; f < flips; f++, i += 2) {
      for (let p = ranges[i] * 3, stop = ranges[i + 1] * 3; p < stop; p += 3) {
        candidates[count++] = postings[p] | (postings[p + 1] << 8) | (postings[p + 2] << 16)
      }
    }
  }
  return count
}

/**
 * Reports the gathered candidates within max bits of q (an entry found through several slots is reported
 * once per slot). Candidates sit at random places in the bank, so each costs a cache miss: a first loop that
 * only loads keeps many misses in flight at once, and the distance loop then reads from cache.
 */
export function verifyCandidates (
  words: Uint32Array, scratch: LookupScratch, count: number, q: Uint32Array, max: number,
  report: (entry: number, distance: number) => void
): void {
  const candidates = scratch.candidates
  const [q0, q1, q2, q3, q4, q5, q6, q7] = q
  let sink = 0
  for (let from = 0; from < count; from += VERIFY_CHUNK) {
    const to = Math.min(count, from + VERIFY_CHUNK)
    for (let i = from; i < to; i++) sink ^= words[candidates[i] * 8]
    for (let i = from; i < to; i++) {
      const b = candidates[i] * 8
      // Half the words first: unrelated hashes are already ~64 bits apart there.
      let d = popcount32(words[b] ^ q0) + popcount32(words[b + 1] ^ q1) +
        popcount32(words[b + 2] ^ q2) + popcount32(words[b + 3] ^ q3)
      if (d > max) continue
      d += popcount32(words[b + 4] ^ q4) + popcount32(words[b + 5] ^ q5) +
        popcount32(words[b + 6] ^ q6) + popcount32(words[b + 7] ^ q7)
      if (d <= max) report(candidates[i], d)
    }
  }
  scratch.sink ^= sink
}
