// Cropped re-uploads: recall and precision of PDQ matching with and without banked central-crop hashes; the bank
// without crop entries, in the same run, is the baseline.
// Goals for the bank as the gateway keeps it (banked crops; exit code 1 on a miss): no false match, every uncropped
// vector found, at least 80% of the copies cut by up to 10% a border found (a cut between two banked crop levels
// may fall out of reach), and at no cut fewer than the baseline.
// Run: tsx bench/crops.ts   (images: test/vectors/pdq, or VECTORS_DIR's pdq/; crops re-encoded as JPEG the way a re-upload would be)
import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { decodeImageForPdq, hashMedia } from '../src/media/decode-image.ts'
import { pdqFromRgb, PDQ_MIN_MATCH_QUALITY, type Orientation } from '../src/domain/matching/pdq.ts'
import { PdqIndex } from '../src/domain/matching/pdq-index.ts'
import { centreCrop } from '../src/domain/matching/image-crops.ts'
import { BANKED_CROP_PERCENTS } from '../src/domain/matching/hash-bank.ts'
import { PDQ_VECTORS } from '../test/helpers/vectors.ts'
import { goal, verdict } from './goal.ts'

const VECTORS = PDQ_VECTORS
const BORDER_CUTS = [0.02, 0.05, 0.08, 0.1, 0.15] // removed from each border
const RECALL_GOAL = 0.8 // of the copies cut by up to GOAL_CUT a border
const GOAL_CUT = 0.1
const files = readFileSync(new URL('expected.tsv', VECTORS), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0])
const bytesOf = (file: string): Buffer => readFileSync(new URL(file, VECTORS))

// Every usable vector with its variants; images within distance 31 of each other (any orientation) are one photo.
const hashed: Array<{ file: string, hash: string, variants: Record<Orientation, string> }> = []
for (const file of files) {
  const h = await hashMedia(bytesOf(file))
  if (h.pdq.quality >= PDQ_MIN_MATCH_QUALITY) hashed.push({ file, hash: h.pdq.hash, variants: h.variants })
}
const probe = new PdqIndex()
hashed.forEach((h, i) => probe.add(i, h.hash))
const group = hashed.map((_, i) => i)
const find = (i: number): number => (group[i] === i ? i : (group[i] = find(group[i])))
hashed.forEach((h, i) => { for (const m of probe.queryAllOrientations(h.variants, 31)) group[find(m.id as number)] = find(i) })
const photos = [...new Set(hashed.map((_, i) => find(i)))].map((root) => hashed[root])
const photoOf = (file: string): string => hashed[find(hashed.findIndex((h) => h.file === file))].file
console.log(`${hashed.length} usable vectors, ${photos.length} distinct photos: ${photos.map((p) => p.file).join(', ')}`)

// The bank: each photo's own PDQ, and with crops the PDQ of its central crops, as POST /v1/hash-bank/media stores.
async function bank (crops: readonly number[]): Promise<{ index: PdqIndex, owner: string[] }> {
  const index = new PdqIndex()
  const owner: string[] = []
  for (const photo of photos) {
    const image = await decodeImageForPdq(bytesOf(photo.file))
    const hashes = [pdqFromRgb(image)]
    for (const p of crops) hashes.push(pdqFromRgb(centreCrop(image, p)))
    for (const h of hashes) {
      if (h.quality < PDQ_MIN_MATCH_QUALITY) continue
      index.add(owner.length, h.hash)
      owner.push(photo.file)
    }
  }
  return { index, owner }
}

// Queries: every photo cropped at each cut and re-encoded, plus every vector file as it is (the unmodified set).
const queries: Array<{ label: string, photo: string, variants: Record<Orientation, string>, cut: number }> = []
for (const photo of photos) {
  const bytes = bytesOf(photo.file)
  const { width = 0, height = 0 } = await sharp(bytes).metadata()
  for (const cut of BORDER_CUTS) {
    const dx = Math.round(width * cut)
    const dy = Math.round(height * cut)
    const cropped = await sharp(bytes).extract({ left: dx, top: dy, width: width - 2 * dx, height: height - 2 * dy }).jpeg({ quality: 85 }).toBuffer()
    const h = await hashMedia(cropped)
    if (h.pdq.quality >= PDQ_MIN_MATCH_QUALITY) queries.push({ label: `${photo.file} -${cut * 100}%`, photo: photo.file, variants: h.variants, cut })
  }
}
for (const h of hashed) queries.push({ label: h.file, photo: photoOf(h.file), variants: h.variants, cut: 0 })

const CROP_SETS: Array<[string, readonly number[]]> = [['no crop entries', []], ['sparse crops', [90, 80, 70]], ['banked crops', BANKED_CROP_PERCENTS]]
const results = new Map<string, { falsePositives: number, byCut: Map<number, { hit: number, all: number }> }>()
for (const [name, crops] of CROP_SETS) {
  const { index, owner } = await bank(crops)
  let truePositives = 0
  let falsePositives = 0
  const byCut = new Map<number, { hit: number, all: number }>()
  for (const q of queries) {
    const matches = index.queryAllOrientations(q.variants, 31)
    const hit = matches.some((m) => owner[m.id as number] === q.photo)
    const wrong = matches.filter((m) => owner[m.id as number] !== q.photo).length
    falsePositives += wrong
    if (hit) truePositives++
    const c = byCut.get(q.cut) ?? { hit: 0, all: 0 }
    byCut.set(q.cut, { hit: c.hit + (hit ? 1 : 0), all: c.all + 1 })
    if (wrong > 0) console.log(`  false match: ${q.label}`)
  }
  const recall = [...byCut].map(([cut, c]) => `${cut === 0 ? 'uncropped' : `-${cut * 100}%/border`} ${c.hit}/${c.all}`).join(', ')
  const precision = truePositives / Math.max(1, truePositives + falsePositives)
  console.log(`${name.padEnd(16)} [${crops.join(',')}] bank ${String(owner.length).padStart(3)} hashes | recall ${recall} | ` +
    `false matches ${falsePositives}, precision ${(precision * 100).toFixed(1)}%`)
  results.set(name, { falsePositives, byCut })
}
const banked = results.get('banked crops')!
const baseline = results.get('no crop entries')!
const cutAt = (r: typeof banked, cut: number): { hit: number, all: number } => r.byCut.get(cut) ?? { hit: 0, all: 0 }
goal(banked.falsePositives === 0, `banked crops: ${banked.falsePositives} false matches (baseline ${baseline.falsePositives}; goal: none)`)
const uncropped = cutAt(banked, 0)
goal(uncropped.all > 0 && uncropped.hit === uncropped.all, `banked crops: ${uncropped.hit} of ${uncropped.all} uncropped vectors found (goal: all)`)
const near = BORDER_CUTS.filter((cut) => cut <= GOAL_CUT).map((cut) => [cutAt(banked, cut), cutAt(baseline, cut)])
const hits = near.reduce((n, [b]) => n + b.hit, 0)
const all = near.reduce((n, [b]) => n + b.all, 0)
const baseHits = near.reduce((n, [, b]) => n + b.hit, 0)
goal(all > 0 && hits / all >= RECALL_GOAL, `banked crops: ${hits} of ${all} copies cut by up to ${GOAL_CUT * 100}% a border found ` +
  `(${(hits / Math.max(1, all) * 100).toFixed(0)}%; baseline ${baseHits}${baseHits > 0 ? `, ${(hits / baseHits).toFixed(2)}x it` : ''}; goal >= ${RECALL_GOAL * 100}%)`)
const worse = BORDER_CUTS.filter((cut) => cutAt(banked, cut).hit < cutAt(baseline, cut).hit)
goal(worse.length === 0, `banked crops find fewer than the baseline at ${worse.length === 0 ? 'no cut' : worse.map((c) => `-${c * 100}%`).join(', ')} (goal: no cut)`)
verdict()
