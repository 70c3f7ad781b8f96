// Which re-uploads vPDQ catches: copies of sample videos made with ffmpeg as re-uploads are made (re-encoded,
// other frame rate, grey, clipped, mirrored, letterboxed, pillarboxed, cropped, a logo), hashed at one frame a
// second, matched against a bank of the original videos with HMA's plain rule (original orientation) and as the
// gateway matches: videos hashed as its hashing threads hash them (each barred frame's trimmedHash too), banked as
// POST /v1/hash-bank/media banks them (a second entry of the trimmed frames when they differ), looked up as its
// index looks them up (eight orientations, and the trimmed frames). Every copy of one video is also checked against
// the others: nothing unrelated may match. The bank then also holds the entries banked media derives from the same
// decoding pass (BANKED_VIDEO_DERIVATION: central crops of every kept frame, every frame within 0.1 s of a kept
// one): copies caught before and after, per copy kind, with the cost (banking time, banked frames).
// Run: tsx bench/video-robustness.ts
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile, hashVideoFrames } from '../src/media/hash-video.ts'
import { HMA_THRESHOLDS, orientedFrames, prepareVideo } from '../src/domain/matching/vpdq-match.ts'
import { VpdqIndex, queryWithTrimmed } from '../src/domain/matching/vpdq-index.ts'
import { bordersTrimmed } from '../src/domain/matching/vpdq.ts'
import { BANKED_VIDEO_DERIVATION, bankedFrames } from '../src/domain/matching/vpdq-derive.ts'
import type { VpdqFeature } from '../src/domain/matching/vpdq-types.ts'
import { VPDQ_VECTORS } from '../test/helpers/vectors.ts'

const VIDEOS = new URL('videos/', VPDQ_VECTORS)
const SOURCES = ['chair-orig-22-sd-bar', 'pattern-hd-no-bar', 'doorknob-hd-no-bar']
const COPIES: Array<[string, string[]]> = [
  ['re-encoded at half size', ['-vf', 'scale=trunc(iw/4)*2:trunc(ih/4)*2', '-crf', '32']],
  // Two ways to the same frame rate: the fps filter keeps every other frame of a 30 fps source; the -r output option
  // (ffmpeg 5.1's constant-frame-rate sync) duplicates a frame or two at the start and then keeps the odd frames, so
  // its second n shows the source about 0.1 s earlier (frame 2n-3 of 30 fps): vPDQ, which numbers frames, misses
  // that on fast motion.
  ['15 fps (fps filter)', ['-vf', 'fps=15']],
  ['15 fps (-r 15)', ['-r', '15']],
  ['25 fps (-r 25)', ['-r', '25']],
  ['grey', ['-vf', 'hue=s=0']],
  ['clip (1 s to 3.5 s)', ['-ss', '1', '-t', '2.5']],
  ['mirrored', ['-vf', 'hflip']],
  ['letterboxed', ['-vf', 'pad=iw:trunc(ih*1.4/2)*2:0:(oh-ih)/2:black']],
  ['pillarboxed', ['-vf', 'pad=trunc(iw*1.4/2)*2:ih:(ow-iw)/2:0:black']],
  ['cropped 5% a border', ['-vf', 'crop=trunc(iw*0.9/2)*2:trunc(ih*0.9/2)*2']],
  // Between two banked crop levels (94% and 90%): the levels' reach, not only their own copies.
  ['cropped 4% a border', ['-vf', 'crop=trunc(iw*0.92/2)*2:trunc(ih*0.92/2)*2']],
  ['small logo', ['-vf', 'drawbox=x=8:y=8:w=iw/6:h=ih/6:color=white:t=fill']]
]

const tools = await resolveFfmpeg()
if (tools === undefined) throw new Error('no ffmpeg found')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpdq-robustness-'))
try {
  // Each frame hashed as it is (the reference's hash) and without its uniform borders (letterbox, pillarbox).
  const framesOf = (features: VpdqFeature[]): { hashes: string[], trimmed: string[] | null } => {
    const trimmed = bordersTrimmed(features)
    return { hashes: prepareVideo(features).hashes, trimmed: trimmed === null ? null : prepareVideo(trimmed).hashes }
  }
  const hash = async (file: string): Promise<{ hashes: string[], trimmed: string[] | null }> =>
    framesOf((await hashVideoFile(file, { tools, secondsPerHash: 1, trimBorders: true })).features)
  const plain = new VpdqIndex() // HMA: each video's frames as they are, the query's likewise, no other orientation
  const bank = new VpdqIndex() // the gateway: entry 2i the video's frames, 2i + 1 its trimmed frames when it has any
  const derivedBank = new VpdqIndex() // the entries banked media derives, matched like any vpdq entry
  const derivedOf: Array<{ source: number, label: string }> = []
  const cost = { plainMs: 0, bankMs: 0, frames: 0, derivedFrames: 0 }
  let trimmedEntries = 0
  for (const [i, name] of SOURCES.entries()) {
    const file = new URL(`${name}.mp4`, VIDEOS).pathname
    const t0 = performance.now()
    await hash(file)
    const t1 = performance.now()
    // As the gateway banks it: one decoding pass for the vPDQ (trimmed hashes too) and the derived hashes.
    const { vpdq, derived } = await hashVideoFrames(file, { tools, secondsPerHash: 1, trimBorders: true, derive: BANKED_VIDEO_DERIVATION })
    cost.plainMs += t1 - t0
    cost.bankMs += performance.now() - t1
    const source = framesOf(vpdq.features)
    cost.frames += source.hashes.length + (source.trimmed?.length ?? 0)
    for (const d of derived) {
      const frames = bankedFrames(d.features, d.labels)
      derivedBank.add(derivedOf.length, frames.hashes, frames.units)
      derivedOf.push({ source: i, label: d.labels.join(',') })
      cost.derivedFrames += frames.hashes.length
    }
    plain.add(i, source.hashes)
    bank.add(2 * i, source.hashes)
    if (source.trimmed !== null) {
      bank.add(2 * i + 1, source.trimmed)
      trimmedEntries++
    }
  }
  bank.build()
  derivedBank.build()
  const rows: string[] = []
  const kinds: string[] = []
  let falseMatches = 0
  const caught = { plain: 0, gateway: 0, derived: 0 }
  for (const [label, args] of COPIES) {
    const kind = { before: 0, after: 0 }
    for (const [i, name] of SOURCES.entries()) {
      const out = path.join(dir, `${name}-${label.replace(/\W+/g, '-')}.mp4`)
      execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', new URL(`${name}.mp4`, VIDEOS).pathname, ...args, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', out])
      const copy = await hash(out)
      const oriented = orientedFrames({ hashes: copy.hashes, kept: copy.hashes.map((_, k) => k) })
      const plainHits = plain.query({ original: copy.hashes }, HMA_THRESHOLDS)
      const hits = queryWithTrimmed(bank, oriented, copy.trimmed, HMA_THRESHOLDS)
      const plainOk = plainHits.some((m) => m.video === i)
      const ok = hits.find((m) => Math.floor(m.video / 2) === i)
      const derivedHits = queryWithTrimmed(derivedBank, oriented, copy.trimmed, HMA_THRESHOLDS)
      const derivedOk = derivedHits.find((m) => derivedOf[m.video].source === i)
      falseMatches += hits.filter((m) => Math.floor(m.video / 2) !== i).length + plainHits.filter((m) => m.video !== i).length +
        derivedHits.filter((m) => derivedOf[m.video].source !== i).length
      if (plainOk) caught.plain++
      if (ok !== undefined) caught.gateway++
      if (ok !== undefined || derivedOk !== undefined) caught.derived++
      if (ok !== undefined) kind.before++
      if (ok !== undefined || derivedOk !== undefined) kind.after++
      const how = ok === undefined ? '' : `${ok.bordersTrimmed ? 'borders trimmed' : ok.orientation}${ok.video % 2 === 1 ? ', banked trimmed' : ''}`
      const after = ok !== undefined || derivedOk === undefined ? '' : `   derived: caught (${derivedOf[derivedOk.video].label} entry, ${derivedOk.bordersTrimmed ? 'borders trimmed' : derivedOk.orientation}, ` +
        `${derivedOk.queryMatchPercent.toFixed(0)}% / ${derivedOk.comparedMatchPercent.toFixed(0)}%)`
      rows.push(`${label.padEnd(24)} ${name.padEnd(22)} HMA: ${plainOk ? 'caught' : 'missed'}   gateway: ${ok !== undefined ? `caught (${how}, ${ok.queryMatchPercent.toFixed(0)}% / ${ok.comparedMatchPercent.toFixed(0)}%)` : 'missed'}${after}`)
    }
    kinds.push(`${label.padEnd(24)} ${kind.before} -> ${kind.after} of ${SOURCES.length}`)
  }
  console.log(rows.join('\n'))
  console.log(`\ncaught per copy kind, without -> with the derived entries (${JSON.stringify(BANKED_VIDEO_DERIVATION)}):\n${kinds.join('\n')}`)
  const total = COPIES.length * SOURCES.length
  console.log(`caught: HMA ${caught.plain} of ${total}, gateway ${caught.gateway} of ${total}, with derived entries ${caught.derived} of ${total}; ` +
    `trimmed entries banked: ${trimmedEntries} of ${SOURCES.length}; matches of an unrelated video: ${falseMatches}`)
  console.log(`banking cost for ${SOURCES.length} videos: hashing ${cost.plainMs.toFixed(0)} ms without, ${cost.bankMs.toFixed(0)} ms with the derived hashes ` +
    `(one pass); banked frames ${cost.frames} -> ${cost.frames + cost.derivedFrames} (x${((cost.frames + cost.derivedFrames) / cost.frames).toFixed(1)})`)
  if (falseMatches > 0) process.exitCode = 1
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
