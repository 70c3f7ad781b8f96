// The committed kernel binary is what its WebAssembly text assembles to, so every change to it shows in review.
import t from 'tap'
import fs from 'node:fs/promises'
import { KERNEL_MODULE, KERNEL_WASM, assembleKernel, renderKernelModule } from '../../scripts/wasm-kernel.ts'
import { PDQ_KERNEL_WASM } from '../../src/domain/matching/pdq-kernel-wasm.ts'

const STALE = 'run `npm run wasm:build` and commit its output'

t.test('the committed pdq-kernel.wasm is the assembled pdq-kernel.wat', async (t) => {
  const assembled = await assembleKernel()
  const committed = new Uint8Array(await fs.readFile(KERNEL_WASM))
  t.ok(Buffer.from(committed).equals(Buffer.from(assembled)), `src/domain/matching/pdq-kernel.wasm is stale: ${STALE}`)
})

t.test('the domain instantiates those same bytes', async (t) => {
  const assembled = await assembleKernel()
  t.equal(await fs.readFile(KERNEL_MODULE, 'utf8'), renderKernelModule(assembled),
    `src/domain/matching/pdq-kernel-wasm.ts is stale: ${STALE}`)
  t.ok(Buffer.from(PDQ_KERNEL_WASM).equals(Buffer.from(assembled)), 'PDQ_KERNEL_WASM holds the assembled binary')
})
