// Assembles the PDQ lookup kernel from its WebAssembly text, for `npm run wasm:build` and the drift test.
import wabt from 'wabt'
import fs from 'node:fs/promises'

export const KERNEL_WAT = new URL('../src/domain/matching/pdq-kernel.wat', import.meta.url)
export const KERNEL_WASM = new URL('../src/domain/matching/pdq-kernel.wasm', import.meta.url)
/** The same bytes as a module, because src/domain/ reads no files. */
export const KERNEL_MODULE = new URL('../src/domain/matching/pdq-kernel-wasm.ts', import.meta.url)

/** The kernel's binary, validated; without a name section, so the bytes depend on the code alone. */
export async function assembleKernel (): Promise<Uint8Array> {
  const toolkit = await wabt()
  const parsed = toolkit.parseWat('pdq-kernel.wat', await fs.readFile(KERNEL_WAT, 'utf8'))
  try {
    parsed.resolveNames()
    parsed.validate()
    return Uint8Array.from(parsed.toBinary({ write_debug_names: false }).buffer)
  } finally {
    parsed.destroy()
  }
}

/** The TypeScript module that carries the binary into the domain. */
export function renderKernelModule (binary: Uint8Array): string {
  const rows: string[] = []
  for (let i = 0; i < binary.length; i += 24) rows.push(`  ${[...binary.subarray(i, i + 24)].join(', ')}`)
  return [
    '// The PDQ lookup kernel\'s binary: generated from pdq-kernel.wat by `npm run wasm:build`; do not edit.',
    'export const PDQ_KERNEL_WASM = new Uint8Array([',
    rows.join(',\n'),
    '])',
    ''
  ].join('\n')
}
