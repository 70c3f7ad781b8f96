// Which re-uploads vPDQ catches: copies of sample videos made with ffmpeg as re-uploads are made (re-encoded,
// other frame rate, grey, clipped, mirrored, letterboxed, cropped, a logo), hashed at one frame a second, matched
// against a bank of the original videos with HMA's plain rule (original orientation) and with the gateway's
// eight orientations, then with each frame's uniform borders trimmed on both sides (the bank's videos and the
// copy). Every copy of one video is also checked against the others: nothing unrelated may match.
// The bank side is then what POST /v1/hash-bank/media banks for a video: beside its vPDQ, the hashes derived from
// the same decoding pass (BANKED_VIDEO_DERIVATION: central crops of every kept frame, every frame within 0.1 s of a kept one), each an
// entry of its own; the copies are counted caught before (the vPDQ only) and after (with the derived entries), with
// the cost: banking time and banked frames per video.
// Run: tsx bench/video-robustness.ts
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile, hashVideoFrames } from '../src/media/hash-video.ts'
import { HMA_THRESHOLDS, orientedFrames, prepareVideo } from '../src/domain/vpdq-match.ts'
import { VpdqIndex } from '../src/domain/vpdq-index.ts'
import { trimmedHashes } from '../src/domain/vpdq.ts'
import { BANKED_VIDEO_DERIVATION, bankedFrames } from '../src/domain/vpdq-derive.ts'

const VIDEOS = new URL('../../shared/vectors/vpdq/videos/', import.meta.url)
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
  const hashBoth = async (file: string): Promise<{ hashes: string[], trimmed: string[] }> => {
    const { features } = await hashVideoFile(file, { tools, secondsPerHash: 1, trimBorders: true })
    return { hashes: prepareVideo(features).hashes, trimmed: prepareVideo(trimmedHashes(features)).hashes }
  }
  const bank = new VpdqIndex()
  const plain = new VpdqIndex() // HMA: the query's frames as they are, no other orientation
  const trimmedBank = new VpdqIndex() // both sides' borders trimmed, in the original orientation
  const derivedBank = new VpdqIndex() // the derived entries banked media adds, matched like any vpdq entry
  const derivedOf = new Map<number, { source: number, label: string }>()
  const cost = { plainMs: 0, bankMs: 0, frames: 0, derivedFrames: 0 }
  for (const [i, name] of SOURCES.entries()) {
    const file = new URL(`${name}.mp4`, VIDEOS).pathname
    const t0 = performance.now()
    await hashVideoFile(file, { tools, secondsPerHash: 1, trimBorders: true })
    const t1 = performance.now()
    // As the gateway banks it: one decoding pass for the vPDQ (with trimmed hashes here) and the derived hashes.
    const { vpdq, derived } = await hashVideoFrames(file, { tools, secondsPerHash: 1, trimBorders: true, derive: BANKED_VIDEO_DERIVATION })
    cost.plainMs += t1 - t0
    cost.bankMs += performance.now() - t1
    const hashes = prepareVideo(vpdq.features).hashes
    bank.add(i, hashes)
    plain.add(i, hashes)
    trimmedBank.add(i, prepareVideo(trimmedHashes(vpdq.features)).hashes)
    cost.frames += hashes.length
    for (const d of derived) {
      const id = derivedOf.size
      const frames = bankedFrames(d.features, d.labels)
      derivedBank.add(id, frames.hashes, frames.units)
      derivedOf.set(id, { source: i, label: d.labels.join(',') })
      cost.derivedFrames += frames.hashes.length
    }
  }
  bank.build()
  trimmedBank.build()
  derivedBank.build()
  const rows: string[] = []
  const kinds: string[] = []
  let falseMatches = 0
  const caught = { plain: 0, oriented: 0, derived: 0 }
  for (const [label, args] of COPIES) {
    const kind = { before: 0, after: 0 }
    for (const [i, name] of SOURCES.entries()) {
      const out = path.join(dir, `${name}-${label.replace(/\W+/g, '-')}.mp4`)
      execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', new URL(`${name}.mp4`, VIDEOS).pathname, ...args, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', out])
      const both = await hashBoth(out)
      const frames = both.hashes
      const oriented = orientedFrames({ hashes: frames, kept: frames.map((_, k) => k) })
      const plainHits = plain.query({ original: frames }, HMA_THRESHOLDS)
      const hits = bank.query(oriented, HMA_THRESHOLDS)
      const plainOk = plainHits.some((m) => m.video === i)
      const trimmedHits = trimmedBank.query({ original: both.trimmed }, HMA_THRESHOLDS)
      const trimmedOk = trimmedHits.find((m) => m.video === i)
      const derivedHits = derivedBank.query(oriented, HMA_THRESHOLDS)
      const derivedOk = derivedHits.find((m) => derivedOf.get(m.video)?.source === i)
      // The gateway tries both: the frames as they are (eight orientations), then the frames without borders.
      const ok = hits.find((m) => m.video === i) ?? (trimmedOk === undefined ? undefined : { ...trimmedOk, orientation: 'borders trimmed' })
      falseMatches += hits.filter((m) => m.video !== i).length + plainHits.filter((m) => m.video !== i).length + trimmedHits.filter((m) => m.video !== i).length +
        derivedHits.filter((m) => derivedOf.get(m.video)?.source !== i).length
      const after = ok ?? (derivedOk === undefined ? undefined : { ...derivedOk, orientation: `${derivedOf.get(derivedOk.video)?.label ?? ''} entry, ${derivedOk.orientation}` })
      if (plainOk) caught.plain++
      if (ok) caught.oriented++
      if (after) caught.derived++
      if (ok) kind.before++
      if (after) kind.after++
      const shown = (m: typeof after): string => m === undefined ? 'missed' : `caught (${m.orientation}, ${m.queryMatchPercent.toFixed(0)}% / ${m.comparedMatchPercent.toFixed(0)}%)`
      rows.push(`${label.padEnd(24)} ${name.padEnd(22)} HMA: ${plainOk ? 'caught' : 'missed'}   gateway: ${shown(ok)}   with derived entries: ${shown(after)}`)
    }
    kinds.push(`${label.padEnd(24)} ${kind.before} -> ${kind.after} of ${SOURCES.length}`)
  }
  console.log(rows.join('\n'))
  console.log(`\ncaught per copy kind, gateway before -> with derived entries (${JSON.stringify(BANKED_VIDEO_DERIVATION)}):\n${kinds.join('\n')}`)
  const total = COPIES.length * SOURCES.length
  console.log(`caught: HMA ${caught.plain} of ${total}, gateway ${caught.oriented} of ${total}, with derived entries ${caught.derived} of ${total}; matches of an unrelated video: ${falseMatches}`)
  console.log(`banking cost for ${SOURCES.length} videos: hashing ${cost.plainMs.toFixed(0)} ms for the vPDQ alone, ${cost.bankMs.toFixed(0)} ms with the derived hashes ` +
    `(one pass); banked frames ${cost.frames} -> ${cost.frames + cost.derivedFrames} (x${((cost.frames + cost.derivedFrames) / cost.frames).toFixed(1)})`)
  if (falseMatches > 0) process.exitCode = 1
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
