// Images hashed per second over the PDQ reference vectors: decode + PDQ, and PDQ alone on decoded pixels.
import { readFileSync } from 'node:fs'
import { decodeImageForPdq, hashMedia } from '../src/media/decode-image.ts'
import { pdqFromRgb, type RgbImage } from '../src/domain/matching/pdq.ts'
import { PDQ_VECTORS } from '../test/helpers/vectors.ts'

const VECTORS = PDQ_VECTORS
const SECONDS = Number(process.argv[2] ?? 5)

const files = readFileSync(new URL('expected.tsv', VECTORS), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split('\t')[0])
const inputs = files.map((file) => ({ file, bytes: readFileSync(new URL(file, VECTORS)) }))
const decoded: RgbImage[] = []
for (const { bytes } of inputs) decoded.push(await decodeImageForPdq(bytes))
const megapixels = decoded.reduce((sum, d) => sum + d.width * d.height, 0) / 1e6

async function rate (label: string, once: () => Promise<void> | void): Promise<void> {
  await once() // warm-up pass over the whole set
  let rounds = 0
  const start = performance.now()
  while (performance.now() - start < SECONDS * 1000) {
    await once()
    rounds++
  }
  const seconds = (performance.now() - start) / 1000
  const images = (rounds * inputs.length) / seconds
  console.log(`${label.padEnd(34)} ${images.toFixed(1).padStart(7)} images/s  ${(rounds * megapixels / seconds).toFixed(1).padStart(6)} Mpx/s  (${rounds} rounds in ${seconds.toFixed(1)} s)`)
}

console.log(`${inputs.length} vector images, ${megapixels.toFixed(1)} Mpx in all (mostly 1600x1004 JPEG and PNG)`)
await rate('decode + sha256 + md5 + PDQ', async () => { for (const { bytes } of inputs) await hashMedia(bytes) })
await rate('PDQ alone (pre-decoded RGB)', () => { for (const image of decoded) pdqFromRgb(image) })
const big = decoded.find((d) => d.width === 1600 && d.height === 1004)
if (big !== undefined) {
  const n = 40
  const start = performance.now()
  for (let i = 0; i < n; i++) pdqFromRgb(big)
  console.log(`PDQ alone on one 1600x1004 image      ${((performance.now() - start) / n).toFixed(1)} ms`)
}
