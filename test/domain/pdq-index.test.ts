// The MIH index must return exactly what a brute-force scan returns, whatever the bank, query and removals.

import t from 'tap'
import fc from 'fast-check'
import { PdqIndex, bruteForceQuery, type PdqId, type PdqMatch } from '../../src/domain/matching/pdq-index.ts'
import { ORIENTATIONS, hammingDistance, pdqFromWords, pdqToWords, type Orientation } from '../../src/domain/matching/pdq.ts'

const hexHash = fc.uint32Array({ minLength: 8, maxLength: 8 }).map((w) => pdqFromWords(w))

function flipBits (hash: string, bits: number[]): string {
  const w = pdqToWords(hash)
  for (const b of bits) w[b >>> 5] ^= 1 << (b & 31)
  return pdqFromWords(w)
}

// Flips spread over the 16-bit slots: the matches at 16..31 bits that only the one-bit-neighbour probes can
// find, which uniformly random flips almost never produce. The edge case is every slot two bits away except
// one or two slots one bit away (distance 31 or 30): only those slots' neighbour probes find it. With no
// such slot (distance 32) the match lies past the MIH guarantee and must come from the fallback scan.
const slotBit = (s: number, j: number): number => (s >>> 1) * 32 + ((s & 1) === 0 ? 16 : 0) + j
const slotFlips = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 2 }), {
  minLength: 16, maxLength: 16
}).map((perSlot) => perSlot.flatMap((bits, s) => bits.map((j) => slotBit(s, j))))
const twoPerSlot = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { minLength: 2, maxLength: 2 }), {
  minLength: 16, maxLength: 16
})
const pigeonholeEdge = fc.record({
  oneBitSlots: fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 2 }),
  pairs: twoPerSlot
}).map(({ oneBitSlots, pairs }) => pairs.flatMap((pair, s) =>
  (oneBitSlots.includes(s) ? pair.slice(0, 1) : pair).map((j) => slotBit(s, j))))
const onePerSlot = fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 16, maxLength: 16 })
  .map((bits) => bits.map((j, s) => slotBit(s, j)))
const flips = fc.oneof(
  fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }), slotFlips, pigeonholeEdge, onePerSlot
)

// A bank of random hashes plus near-duplicates (0..40 bits away) of its members, so matches exist.
const bankArb = fc.tuple(
  fc.array(hexHash, { minLength: 1, maxLength: 120 }),
  fc.array(fc.tuple(fc.nat(), flips), { maxLength: 120 })
).map(([seeds, dups]) => [...seeds, ...dups.map(([i, bits]) => flipBits(seeds[i % seeds.length], bits))])

// Numbers and strings, sometimes repeated so one id carries several hashes.
const idFor = (i: number, style: number): PdqId =>
  style === 0 ? i : style === 1 ? `notice-${i}` : i % 3 === 0 ? `n${i % 7}` : i % 11

const queryArb = (bank: string[]): fc.Arbitrary<string> => fc.oneof(
  hexHash,
  fc.tuple(fc.nat(bank.length - 1), flips).map(([i, bits]) => flipBits(bank[i], bits))
)

const sorted = (matches: PdqMatch[]): string[] =>
  matches.map((m) => `${typeof m.id}:${String(m.id)}@${m.distance}`).sort()

t.test('query returns exactly the brute-force result, before and after removals', async (t) => {
  fc.assert(fc.property(
    bankArb.chain((bank) => fc.record({
      bank: fc.constant(bank),
      idStyle: fc.integer({ min: 0, max: 2 }),
      builtPrefix: fc.nat(bank.length),
      queries: fc.array(queryArb(bank), { minLength: 1, maxLength: 8 }),
      maxDistance: fc.oneof(fc.integer({ min: 0, max: 31 }), fc.constantFrom(15, 16, 31, 32), fc.integer({ min: 32, max: 70 })),
      removals: fc.uniqueArray(fc.nat(bank.length - 1), { maxLength: bank.length })
    })),
    ({ bank, idStyle, builtPrefix, queries, maxDistance, removals }) => {
      const entries = bank.map((hash, i) => ({ id: idFor(i, idStyle), hash }))
      const index = new PdqIndex({ capacity: 16 })
      // Part of the bank in the slot tables and the rest pending, so both lookup paths run.
      entries.forEach((e, i) => {
        if (i === builtPrefix) index.build()
        index.add(e.id, e.hash)
      })
      const check = (live: typeof entries): void => {
        for (const q of queries) {
          const expected = sorted(bruteForceQuery(live, q, maxDistance))
          if (sorted(index.query(q, maxDistance)).join() !== expected.join()) throw new Error(`query ${q} differs`)
          if (sorted(index.scan(q, maxDistance)).join() !== expected.join()) throw new Error(`scan ${q} differs`)
        }
      }
      check(entries)
      const gone = new Set(removals.map((i) => entries[i].id))
      for (const id of gone) index.remove(id)
      const live = entries.filter((e) => !gone.has(e.id))
      if (index.size !== live.length) throw new Error('size after removal')
      check(live)
      index.build()
      check(live)
    }
  ), { numRuns: 150 })
  t.pass('150 random banks agree with brute force')
})

t.test('queryAllOrientations keeps each id once at its best orientation', async (t) => {
  fc.assert(fc.property(
    bankArb.chain((bank) => fc.record({
      bank: fc.constant(bank),
      variants: fc.array(queryArb(bank), { minLength: 8, maxLength: 8 }),
      build: fc.boolean()
    })),
    ({ bank, variants, build }) => {
      const entries = bank.map((hash, i) => ({ id: idFor(i, 2), hash }))
      const index = new PdqIndex()
      for (const e of entries) index.add(e.id, e.hash)
      if (build) index.build()
      const byOrientation = Object.fromEntries(ORIENTATIONS.map((o, k) => [o, variants[k]])) as Record<Orientation, string>
      const best = new Map<PdqId, number>()
      for (const o of ORIENTATIONS) {
        for (const m of bruteForceQuery(entries, byOrientation[o])) {
          best.set(m.id, Math.min(m.distance, best.get(m.id) ?? Infinity))
        }
      }
      const got = index.queryAllOrientations(byOrientation)
      const expected = sorted([...best].map(([id, distance]) => ({ id, distance })))
      if (sorted(got).join() !== expected.join()) throw new Error('orientations differ from brute force')
      for (const m of got) {
        const viaOrientation = Math.min(...entries.filter((e) => e.id === m.id)
          .map((e) => hammingDistance(byOrientation[m.orientation], e.hash)))
        if (viaOrientation !== m.distance) {
          throw new Error('reported orientation does not give the reported distance')
        }
      }
      const scanned = index.scanAllOrientations(byOrientation)
      if (sorted(scanned).join() !== expected.join()) throw new Error('scan differs')
    }
  ), { numRuns: 100 })
  t.pass('100 random banks agree with brute force over eight orientations')
})

t.test('a bank large enough to fill buckets and trigger automatic rebuilds', async (t) => {
  const rand = fc.sample(hexHash, { numRuns: 12000, seed: 42 })
  const index = new PdqIndex()
  const bank: string[] = []
  rand.forEach((h, i) => {
    bank.push(h)
    index.add(i, h)
    if (i % 3 === 0) {
      const dup = flipBits(h, [i % 256, (i * 7) % 256, (i * 13) % 256])
      bank.push(dup)
      index.add(`dup-${i}`, dup)
    }
  })
  for (let i = 0; i < 1000; i += 3) index.remove(i)
  const queries = fc.sample(queryArb(bank), { numRuns: 200, seed: 7 })
  let matched = 0
  const differing = queries.filter((q) => {
    const got = sorted(index.query(q))
    matched += got.length
    return got.join() !== sorted(index.scan(q)).join()
  })
  t.same(differing, [], 'index and scan agree on 200 queries')
  t.ok(matched > 50, `near-duplicate queries find matches (${matched})`)
})

t.test('a query with more candidates than the lookup\'s first output area still returns every match', async (t) => {
  // 20,000 copies of one hash and its near neighbours: every one is a candidate through all 16 slots.
  const [seed] = fc.sample(hexHash, { numRuns: 1, seed: 3 })
  const index = new PdqIndex()
  for (let i = 0; i < 20000; i++) index.add(i, i % 2 === 0 ? seed : flipBits(seed, [i % 256]))
  index.build()
  const got = index.query(seed)
  t.equal(got.length, 20000, 'every copy is found')
  t.same(sorted(got), sorted(index.scan(seed)), 'and agrees with the scan')
  t.same(new Set(got.map((m) => m.distance)), new Set([0, 1]))
})

t.test('input validation', async (t) => {
  const index = new PdqIndex()
  t.throws(() => index.add('x', 'not-a-hash'), TypeError)
  t.throws(() => index.add(Number.NaN, '0'.repeat(64)), TypeError)
  t.throws(() => index.query('0'.repeat(64), -1), RangeError)
  index.add('x', 'F'.repeat(64))
  t.same(index.query('f'.repeat(64)), [{ id: 'x', distance: 0 }], 'upper-case hex accepted')
  t.equal(index.remove('y'), false)
  t.equal(index.remove('x'), true)
  t.equal(index.size, 0)
})

t.test('hammingDistance is a metric on hex hashes', async (t) => {
  fc.assert(fc.property(hexHash, hexHash, hexHash, (a, b, c) =>
    hammingDistance(a, a) === 0 &&
    hammingDistance(a, b) === hammingDistance(b, a) &&
    hammingDistance(a, c) <= hammingDistance(a, b) + hammingDistance(b, c) &&
    (a === b) === (hammingDistance(a, b) === 0)
  ))
  fc.assert(fc.property(hexHash, fc.uniqueArray(fc.integer({ min: 0, max: 255 }), { maxLength: 256 }), (a, bits) =>
    hammingDistance(a, flipBits(a, bits)) === bits.length
  ))
  t.pass('metric properties hold')
})
