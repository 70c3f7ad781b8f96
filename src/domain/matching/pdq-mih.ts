// Multi-index hashing tables for PDQ: 16 slot tables keyed by 16-bit hash slices (looked up by pdq-kernel.wat).

export const SLOTS = 16
export const BUCKETS = 1 << 16

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
