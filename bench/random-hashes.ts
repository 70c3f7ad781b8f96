// Deterministic random 256-bit hashes for the matching benchmarks (xorshift32), so runs are comparable.

export interface RandomHashes {
  rand32: () => number
  /** A random 256-bit hash as eight words. */
  randomWords: () => Uint32Array
  /** A copy of `words` with up to `bits` random bits flipped (a near-duplicate). */
  flip: (words: Uint32Array, bits: number) => Uint32Array
}

export function randomHashes (seed: number): RandomHashes {
  let state = seed
  const rand32 = (): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return state >>> 0
  }
  const randomWords = (): Uint32Array => Uint32Array.from({ length: 8 }, rand32)
  const flip = (words: Uint32Array, bits: number): Uint32Array => {
    const w = Uint32Array.from(words)
    for (let k = 0; k < bits; k++) { const b = rand32() & 255; w[b >>> 5] ^= 1 << (b & 31) }
    return w
  }
  return { rand32, randomWords, flip }
}
