// Figures for the benchmarks that measure inside their own process (the PDQ and vPDQ matching indexes): memory
// held after full collections, percentiles of sorted timings, and how milliseconds are printed.

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) console.log('warning: run with node --expose-gc for a meaningful memory figure')

/** Heap and array buffers in use after two full collections (with --expose-gc; otherwise as they stand). */
export function heldMemory (): number {
  gc?.()
  gc?.()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

/** The p-quantile (0..1) of timings sorted ascending. */
export const pct = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]

export const ms = (t: number): string => `${t.toFixed(3)} ms`
