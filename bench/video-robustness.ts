// Which re-uploads vPDQ catches: copies of sample videos made with ffmpeg as re-uploads are made (re-encoded,
// other frame rate, grey, clipped, mirrored, letterboxed, cropped, a logo), hashed at one frame a second, matched
// against a bank of the original videos with HMA's plain rule (original orientation) and with the gateway's
// eight orientations, then with each frame's uniform borders trimmed on both sides (the bank's videos and the
// copy). Every copy of one video is also checked against the others: nothing unrelated may match.
// Run: tsx bench/video-robustness.ts
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile } from '../src/media/hash-video.ts'
import { HMA_THRESHOLDS, orientedFrames, prepareVideo } from '../src/domain/vpdq-match.ts'
import { VpdqIndex } from '../src/domain/vpdq-index.ts'
import { trimmedHashes } from '../src/domain/vpdq.ts'

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
  ['grey', ['-vf', 'hue=s=0']],
  ['clip (1 s to 3.5 s)', ['-ss', '1', '-t', '2.5']],
  ['mirrored', ['-vf', 'hflip']],
  ['letterboxed', ['-vf', 'pad=iw:trunc(ih*1.4/2)*2:0:(oh-ih)/2:black']],
  ['cropped 5% a border', ['-vf', 'crop=trunc(iw*0.9/2)*2:trunc(ih*0.9/2)*2']],
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
  for (const [i, name] of SOURCES.entries()) {
    const source = await hashBoth(new URL(`${name}.mp4`, VIDEOS).pathname)
    bank.add(i, source.hashes)
    plain.add(i, source.hashes)
    trimmedBank.add(i, source.trimmed)
  }
  bank.build()
  trimmedBank.build()
  const rows: string[] = []
  let falseMatches = 0
  const caught = { plain: 0, oriented: 0 }
  for (const [label, args] of COPIES) {
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
      // The gateway tries both: the frames as they are (eight orientations), then the frames without borders.
      const ok = hits.find((m) => m.video === i) ?? (trimmedOk === undefined ? undefined : { ...trimmedOk, orientation: 'borders trimmed' })
      falseMatches += hits.filter((m) => m.video !== i).length + plainHits.filter((m) => m.video !== i).length + trimmedHits.filter((m) => m.video !== i).length
      if (plainOk) caught.plain++
      if (ok) caught.oriented++
      rows.push(`${label.padEnd(24)} ${name.padEnd(22)} HMA: ${plainOk ? 'caught' : 'missed'}   gateway: ${ok ? `caught (${ok.orientation}, ${ok.queryMatchPercent.toFixed(0)}% / ${ok.comparedMatchPercent.toFixed(0)}%)` : 'missed'}`)
    }
  }
  console.log(rows.join('\n'))
  const total = COPIES.length * SOURCES.length
  console.log(`caught: HMA ${caught.plain} of ${total}, gateway ${caught.oriented} of ${total}; matches of an unrelated video: ${falseMatches}`)
  if (falseMatches > 0) process.exitCode = 1
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
