// `npm run test:vectors -- <folder>`: the PDQ and vPDQ conformance tests against a complete copy of the reference
// vectors (every image, every frame of every video), laid out as test/vectors is. The suite itself runs on the
// subset carried in test/vectors; this is the wider check for a machine that has the whole set.
// Exits 2, saying why, when the folder is missing or incomplete: nothing is checked then, and nothing passes.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const folder = process.argv[2]
const refuse = (why: string): never => {
  process.stderr.write(`test:vectors: ${why}\nUsage: npm run test:vectors -- <folder holding pdq/ and vpdq/>\n` +
    'Nothing was checked. The suite\'s own subset is checked by npm test.\n')
  process.exit(2)
}
if (folder === undefined) refuse('no vector folder given')
const root = path.resolve(folder)
if (!fs.existsSync(root)) refuse(`${root} does not exist`)

const missing: string[] = []
const tsv = path.join(root, 'pdq', 'expected.tsv')
const images = fs.existsSync(tsv) ? fs.readFileSync(tsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]) : []
if (images.length === 0) missing.push('pdq/expected.tsv (or it lists no image)')
for (const image of images) if (!fs.existsSync(path.join(root, 'pdq', image))) missing.push(`pdq/${image}`)
const videoDir = path.join(root, 'vpdq', 'videos')
const videos = fs.existsSync(videoDir) ? fs.readdirSync(videoDir).filter((f) => f.endsWith('.mp4')) : []
if (videos.length === 0) missing.push('vpdq/videos/*.mp4')
for (const video of videos) {
  for (const set of ['reference-hashes', 'hashes-debian-ffmpeg']) {
    const hashes = path.join('vpdq', set, video.replace(/\.mp4$/, '.txt'))
    if (!fs.existsSync(path.join(root, hashes))) missing.push(hashes)
  }
}
if (missing.length > 0) refuse(`${root} is incomplete; missing:\n  ${missing.join('\n  ')}`)

process.stdout.write(`# vectors: ${images.length} images and ${videos.length} videos (every frame) from ${root}\n`)
const tap = path.resolve('node_modules/.bin/tap')
const run = spawnSync(tap, ['--timeout=1800', 'test/domain/pdq.test.ts', 'test/media/vpdq-conformance.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, VECTORS_DIR: root, VPDQ_CONFORMANCE: 'full' }
})
process.exit(run.status ?? 1)
