// Hand-assembled WebAssembly kernel for MIH lookups: gathers a query's candidates from the slot tables, verifies them.
import { BUCKETS, SLOTS } from './pdq-mih.ts'

// Memory layout the kernel expects (all little-endian, in the imported memory):
//   QUERY_PTR: the query as 8 uint32 words (as pdqToWords)
//   wordsPtr: 8 uint32 words per entry
//   offsetsPtr: per slot, BUCKETS + 1 uint32 bucket bounds (CSR offsets), slots back to back
//   postingsPtr: per slot, stride bytes of 24-bit entry numbers, and 4 readable bytes after the last slot
//   outPtr: room for outCap uint32 values: first the candidates, then the matches (entry << 8 | distance)
export const QUERY_PTR = 0
export const OFFSETS_PER_SLOT = BUCKETS + 1
// Kernel scratch below this address: the query, a sink word, and the probed buckets' bounds (16 * 17 pairs).
export const SCRATCH_BYTES = 4096
const SINK_PTR = 60
const RANGES_PTR = 64
// Candidates are verified in chunks small enough that the words loaded ahead are still in cache.
const VERIFY_CHUNK = 512

/**
 * The kernel: writes the matches (entry << 8 | distance, an entry once per slot that finds it) to the out area
 * and returns their number, or, when outCap is less than the candidate count, minus that count (rerun with more room).
 */
export type LookupKernel = (
  wordsPtr: number, offsetsPtr: number, postingsPtr: number, stride: number,
  flips: number, max: number, outPtr: number, outCap: number
) => number

const uleb = (n: number): number[] => {
  const out: number[] = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n !== 0) b |= 0x80
    out.push(b)
  } while (n !== 0)
  return out
}

const sleb = (n: number): number[] => {
  const out: number[] = []
  for (;;) {
    const b = n & 0x7f
    n >>= 7
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b]
    out.push(b | 0x80)
  }
}

const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body]
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()]
const name = (s: string): number[] => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))]

// Opcodes used below.
const BLOCK = 0x02
const LOOP = 0x03
const IF = 0x04
const END = 0x0b
const BR = 0x0c
const BR_IF = 0x0d
const VOID = 0x40
const I32 = 0x7f
const I64 = 0x7e
const get = (i: number): number[] => [0x20, ...uleb(i)]
const set = (i: number): number[] => [0x21, ...uleb(i)]
const tee = (i: number): number[] => [0x22, ...uleb(i)]
const i32c = (n: number): number[] => [0x41, ...sleb(n)]
const i32load = (align: number, offset: number): number[] => [0x28, align, ...uleb(offset)]
const i64load = (offset: number): number[] => [0x29, 3, ...uleb(offset)]
const I32_STORE = [0x36, 2, 0]
const I32_STORE_4 = [0x36, 2, 4]
const RETURN = 0x0f
const I32_GT_U = 0x4b
const SELECT = 0x1b
const I32_LT_S = 0x48
const I32_LT_U = 0x49
const I32_GE_S = 0x4e
const I32_GE_U = 0x4f
const I32_LE_U = 0x4d
const I32_ADD = 0x6a
const I32_SUB = 0x6b
const I32_MUL = 0x6c
const I32_AND = 0x71
const I32_OR = 0x72
const I32_XOR = 0x73
const I32_SHL = 0x74
const I32_SHR_U = 0x76
const I64_POPCNT = 0x7b
const I64_ADD = 0x7c
const I64_XOR = 0x85
const I32_WRAP_I64 = 0xa7

// Parameters, then locals.
const WORDS = 0
const OFFSETS = 1
const POSTINGS = 2
const STRIDE = 3
const FLIPS = 4
const MAX = 5
const OUT = 6
const OUT_CAP = 7
const S = 8
const KEY = 9
const F = 10
const K = 11
const P = 12
const STOP = 13
const OFF_BASE = 14
const POST_BASE = 15
const E = 16
const D = 17
const COUNT = 18
const B = 19
const R = 20
const TOTAL = 21
const I = 22
const TO = 23
const ACC = 24
const R_END = 25
const Q = 26 // four i64 locals: the query's words in pairs
const I32_LOCALS = Q - S

// `while (a < b) { ...body }` over i32 locals (unsigned compare).
const whileLess = (a: number, b: number, body: number[], signed = false): number[] => [
  BLOCK, VOID, LOOP, VOID,
  ...get(a), ...get(b), signed ? I32_GE_S : I32_GE_U, BR_IF, 1,
  ...body,
  BR, 0, END, END
]
const inc = (local: number, by: number): number[] => [...get(local), ...i32c(by), I32_ADD, ...set(local)]

// The distance of the entry whose words start at local B: four 64-bit xor + popcount.
const distance: number[] = [
  ...get(B), ...i64load(0), ...get(Q), I64_XOR, I64_POPCNT,
  ...get(B), ...i64load(8), ...get(Q + 1), I64_XOR, I64_POPCNT, I64_ADD,
  ...get(B), ...i64load(16), ...get(Q + 2), I64_XOR, I64_POPCNT, I64_ADD,
  ...get(B), ...i64load(24), ...get(Q + 3), I64_XOR, I64_POPCNT, I64_ADD,
  I32_WRAP_I64
]

// Pass 1: every probed bucket's bounds, as byte addresses into its slot's postings, at RANGES_PTR; TOTAL candidates.
const ranges: number[] = [
  ...i32c(RANGES_PTR), ...set(R),
  ...whileLess(S, STOP, [
    // key: the high (even s) or low (odd s) 16 bits of query word s >> 1
    ...get(S), ...i32c(1), I32_SHR_U, ...i32c(2), I32_SHL, ...i32load(2, QUERY_PTR),
    ...i32c(16), ...get(S), ...i32c(1), I32_AND, ...i32c(4), I32_SHL, I32_SUB, I32_SHR_U,
    ...i32c(0xffff), I32_AND, ...set(KEY),
    ...get(OFFSETS), ...get(S), ...i32c(OFFSETS_PER_SLOT * 4), I32_MUL, I32_ADD, ...set(OFF_BASE),
    ...get(POSTINGS), ...get(S), ...get(STRIDE), I32_MUL, I32_ADD, ...set(POST_BASE),
    ...i32c(-1), ...set(F),
    ...whileLess(F, FLIPS, [
      // k = f < 0 ? key : key ^ (1 << f)
      ...get(KEY), ...get(KEY), ...i32c(1), ...get(F), I32_SHL, I32_XOR, ...get(F), ...i32c(0), I32_LT_S, SELECT,
      ...i32c(2), I32_SHL, ...get(OFF_BASE), I32_ADD, ...set(K),
      ...get(R), ...get(K), ...i32load(2, 0), ...i32c(3), I32_MUL, ...get(POST_BASE), I32_ADD, ...I32_STORE,
      ...get(R), ...get(K), ...i32load(2, 4), ...i32c(3), I32_MUL, ...get(POST_BASE), I32_ADD, ...I32_STORE_4,
      ...get(TOTAL), ...get(K), ...i32load(2, 4), I32_ADD, ...get(K), ...i32load(2, 0), I32_SUB, ...set(TOTAL),
      ...inc(R, 8),
      ...inc(F, 1)
    ], true),
    ...inc(S, 1)
  ]),
  ...get(R), ...set(R_END)
]

// Pass 2: the candidates' entry numbers into the out area, after touching each bucket so their misses overlap.
const gather: number[] = [
  ...i32c(RANGES_PTR), ...set(R),
  ...whileLess(R, R_END, [
    ...get(ACC), ...get(R), ...i32load(2, 0), ...i32load(0, 0), I32_XOR, ...set(ACC),
    ...inc(R, 8)
  ]),
  ...get(OUT), ...set(I),
  ...i32c(RANGES_PTR), ...set(R),
  ...whileLess(R, R_END, [
    ...get(R), ...i32load(2, 0), ...set(P),
    ...get(R), ...i32load(2, 4), ...set(STOP),
    ...whileLess(P, STOP, [
      ...get(I), ...get(P), ...i32load(0, 0), ...i32c(0xffffff), I32_AND, ...I32_STORE,
      ...inc(I, 4),
      ...inc(P, 3)
    ]),
    ...inc(R, 8)
  ])
]

// Pass 3: in chunks, touch the chunk's entries (independent loads, many misses in flight), then measure them,
// compacting matches (entry << 8 | distance) to the front of the out area.
const verify: number[] = [
  ...get(OUT), ...set(I),
  ...get(OUT), ...get(TOTAL), ...i32c(2), I32_SHL, I32_ADD, ...set(STOP),
  ...whileLess(I, STOP, [
    ...get(I), ...i32c(VERIFY_CHUNK * 4), I32_ADD, ...get(STOP),
    ...get(I), ...i32c(VERIFY_CHUNK * 4), I32_ADD, ...get(STOP), I32_LT_U, SELECT, ...set(TO),
    ...get(I), ...set(P),
    ...whileLess(P, TO, [
      ...get(ACC), ...get(P), ...i32load(2, 0), ...i32c(5), I32_SHL, ...get(WORDS), I32_ADD, ...i32load(2, 0),
      I32_XOR, ...set(ACC),
      ...inc(P, 4)
    ]),
    ...whileLess(I, TO, [
      ...get(I), ...i32load(2, 0), ...tee(E), ...i32c(5), I32_SHL, ...get(WORDS), I32_ADD, ...set(B),
      ...distance, ...tee(D), ...get(MAX), I32_LE_U,
      IF, VOID,
      ...get(COUNT), ...i32c(2), I32_SHL, ...get(OUT), I32_ADD,
      ...get(E), ...i32c(8), I32_SHL, ...get(D), I32_OR, ...I32_STORE,
      ...inc(COUNT, 1),
      END,
      ...inc(I, 4)
    ])
  ])
]

const body: number[] = [
  ...vec([[I32_LOCALS, I32], [4, I64]]),
  ...i32c(0), ...i64load(QUERY_PTR), ...set(Q),
  ...i32c(0), ...i64load(QUERY_PTR + 8), ...set(Q + 1),
  ...i32c(0), ...i64load(QUERY_PTR + 16), ...set(Q + 2),
  ...i32c(0), ...i64load(QUERY_PTR + 24), ...set(Q + 3),
  ...i32c(SLOTS), ...set(STOP),
  ...ranges,
  // Out area too small for the candidates: return minus the room needed.
  ...get(TOTAL), ...get(OUT_CAP), I32_GT_U,
  IF, VOID, ...i32c(0), ...get(TOTAL), I32_SUB, RETURN, END,
  ...gather,
  ...verify,
  // Keep the touching loads observable.
  ...i32c(SINK_PTR), ...get(ACC), ...I32_STORE,
  ...get(COUNT),
  END
]

const binary = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([[I32]])]])),
  ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])),
  ...section(3, vec([[0]])),
  ...section(7, vec([[...name('lookup'), 0x00, 0]])),
  ...section(10, vec([[...uleb(body.length), ...body]]))
])

// The WebAssembly global as far as it is used here (the project's lib and @types/node do not declare it).
/** A WebAssembly.Memory: its buffer is replaced (the old one detached) by every grow. */
export interface WasmMemory { readonly buffer: ArrayBuffer, grow: (pages: number) => number }
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> }
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly
let compiled: object | undefined

/** A new memory of the given number of 64 KiB pages. */
export function createWasmMemory (pages: number): WasmMemory {
  return new wasm.Memory({ initial: pages })
}

/** Instantiates the lookup kernel over a memory (the module is compiled once, on first use). */
export function createLookupKernel (memory: WasmMemory): LookupKernel {
  compiled ??= new wasm.Module(binary)
  const instance = new wasm.Instance(compiled, { env: { memory } })
  return instance.exports.lookup as LookupKernel
}
