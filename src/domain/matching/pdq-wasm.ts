// Instantiates the WebAssembly lookup kernel (pdq-kernel.wat) that gathers a query's MIH candidates and verifies them.
import { BUCKETS } from './pdq-mih.ts'
import { PDQ_KERNEL_WASM } from './pdq-kernel-wasm.ts'

// Memory layout the kernel expects; pdq-kernel.wat spells out the same numbers and describes each area.
export const QUERY_PTR = 0
export const OFFSETS_PER_SLOT = BUCKETS + 1
// Kernel scratch below this address: the query, a sink word, and the probed buckets' bounds (16 * 17 pairs).
export const SCRATCH_BYTES = 4096

/**
 * The kernel: writes the matches (entry << 8 | distance, an entry once per slot that finds it) to the out area
 * and returns their number, or, when outCap is less than the candidate count, minus that count (rerun with more room).
 */
export type LookupKernel = (
  wordsPtr: number, offsetsPtr: number, postingsPtr: number, stride: number,
  flips: number, max: number, outPtr: number, outCap: number
) => number

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
  compiled ??= new wasm.Module(PDQ_KERNEL_WASM)
  const instance = new wasm.Instance(compiled, { env: { memory } })
  return instance.exports.lookup as LookupKernel
}
