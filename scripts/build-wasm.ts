// `npm run wasm:build`: assembles src/domain/matching/pdq-kernel.wat into pdq-kernel.wasm and its TypeScript copy.
import fs from 'node:fs/promises'
import { KERNEL_MODULE, KERNEL_WASM, assembleKernel, renderKernelModule } from './wasm-kernel.ts'

const binary = await assembleKernel()
await fs.writeFile(KERNEL_WASM, binary)
await fs.writeFile(KERNEL_MODULE, renderKernelModule(binary))
process.stdout.write(`wrote ${KERNEL_WASM.pathname} (${binary.length} bytes) and ${KERNEL_MODULE.pathname}\n`)
