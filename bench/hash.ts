// Images hashed per second over the PDQ reference vectors: decode + SHA-256 + MD5 + PDQ, against the baseline of
// decoding alone (sharp to raw RGB, the same call without the hashing, which no hasher can go under), in alternating
// rounds; and PDQ alone on decoded pixels.
// Goal (exit code 1 on a miss): decoding and hashing keeps at least 0.20x the images a second of decoding alone
// (median ratio over the rounds): the hashes, PDQ's passes over every pixel above all, cost at most four times the
// decoding (about 0.26x on a busy two-core machine).
// Run: tsx bench/hash.ts [seconds per measurement]
import { readFileSync } from 'node:fs'
import { decodeImageForPdq, hashMedia } from '../src/media/decode-image.ts'
import { pdqFromRgb, type RgbImage } from '../src/domain/matching/pdq.ts'
import { PDQ_VECTORS } from '../test/helpers/vectors.ts'
import { goal, verdict } from './goal.ts'

const VECTORS = PDQ_VECTORS
const SECONDS = Number(process.argv[2] ?? 5)
const ROUNDS = 3
const RATIO_GOAL = 0.2

const files = readFileSync(new URL('expected.tsv', VECTORS), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split('\t')[0])
const inputs = files.map((file) => ({ file, bytes: readFileSync(new URL(file, VECTORS)) }))
const decoded: RgbImage[] = []
for (const { bytes } of inputs) decoded.push(await decodeImageForPdq(bytes))
const megapixels = decoded.reduce((sum, d) => sum + d.width * d.height, 0) / 1e6

/** Images a second over the whole set, for SECONDS, after a warm-up pass; printed as it goes. */
async function rate (label: string, once: () => Promise<void> | void): Promise<number> {
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
  return images
}

console.log(`${inputs.length} vector images, ${megapixels.toFixed(1)} Mpx in all (mostly 1600x1004 JPEG and PNG)`)
const ratios: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  const base = await rate('baseline: decode alone', async () => { for (const { bytes } of inputs) await decodeImageForPdq(bytes) })
  const full = await rate('decode + sha256 + md5 + PDQ', async () => { for (const { bytes } of inputs) await hashMedia(bytes) })
  ratios.push(full / base)
}
await rate('PDQ alone (pre-decoded RGB)', () => { for (const image of decoded) pdqFromRgb(image) })
const big = decoded.find((d) => d.width === 1600 && d.height === 1004)
if (big !== undefined) {
  const n = 40
  const start = performance.now()
  for (let i = 0; i < n; i++) pdqFromRgb(big)
  console.log(`PDQ alone on one 1600x1004 image      ${((performance.now() - start) / n).toFixed(1)} ms`)
}
const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]
goal(ratio >= RATIO_GOAL, `decode + hashes at ${ratio.toFixed(2)}x the images a second of decoding alone (by round: ${ratios.map((r) => r.toFixed(2) + 'x').join(' ')}; ` +
  `median; goal >= ${RATIO_GOAL.toFixed(2)}x)`)
console.log('(a shared machine: the rates move with its other work)')
verdict()
