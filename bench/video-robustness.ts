// Which re-uploads vPDQ catches: copies of sample videos made with ffmpeg as re-uploads are made (re-encoded,
// other frame rate, grey, clipped, mirrored, letterboxed, pillarboxed, cropped, a logo), hashed at one frame a
// second, matched against a bank of the original videos with HMA's plain rule (original orientation) and as the
// gateway matches: videos hashed as its hashing threads hash them (each barred frame's trimmedHash too), banked as
// POST /v1/hash-bank/media banks them (a second entry of the trimmed frames when they differ), looked up as its
// index looks them up (eight orientations, and the trimmed frames). Every copy of one video is also checked against
// the others: nothing unrelated may match.
// Run: tsx bench/video-robustness.ts
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile } from '../src/media/hash-video.ts'
import { HMA_THRESHOLDS, orientedFrames, prepareVideo } from '../src/domain/vpdq-match.ts'
import { VpdqIndex, queryWithTrimmed } from '../src/domain/vpdq-index.ts'
import { bordersTrimmed } from '../src/domain/vpdq.ts'

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
  ['pillarboxed', ['-vf', 'pad=trunc(iw*1.4/2)*2:ih:(ow-iw)/2:0:black']],
  ['cropped 5% a border', ['-vf', 'crop=trunc(iw*0.9/2)*2:trunc(ih*0.9/2)*2']],
  ['small logo', ['-vf', 'drawbox=x=8:y=8:w=iw/6:h=ih/6:color=white:t=fill']]
]

const tools = await resolveFfmpeg()
if (tools === undefined) throw new Error('no ffmpeg found')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpdq-robustness-'))
try {
  // Each frame hashed as it is (the reference's hash) and without its uniform borders (letterbox, pillarbox).
  const hash = async (file: string): Promise<{ hashes: string[], trimmed: string[] | null }> => {
    const { features } = await hashVideoFile(file, { tools, secondsPerHash: 1, trimBorders: true })
    const trimmed = bordersTrimmed(features)
    return { hashes: prepareVideo(features).hashes, trimmed: trimmed === null ? null : prepareVideo(trimmed).hashes }
  }
  const plain = new VpdqIndex() // HMA: each video's frames as they are, the query's likewise, no other orientation
  const bank = new VpdqIndex() // the gateway: entry 2i the video's frames, 2i + 1 its trimmed frames when it has any
  let trimmedEntries = 0
  for (const [i, name] of SOURCES.entries()) {
    const source = await hash(new URL(`${name}.mp4`, VIDEOS).pathname)
    plain.add(i, source.hashes)
    bank.add(2 * i, source.hashes)
    if (source.trimmed !== null) {
      bank.add(2 * i + 1, source.trimmed)
      trimmedEntries++
    }
  }
  bank.build()
  const rows: string[] = []
  let falseMatches = 0
  const caught = { plain: 0, gateway: 0 }
  for (const [label, args] of COPIES) {
    for (const [i, name] of SOURCES.entries()) {
      const out = path.join(dir, `${name}-${label.replace(/\W+/g, '-')}.mp4`)
      execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', new URL(`${name}.mp4`, VIDEOS).pathname, ...args, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', out])
      const copy = await hash(out)
      const oriented = orientedFrames({ hashes: copy.hashes, kept: copy.hashes.map((_, k) => k) })
      const plainHits = plain.query({ original: copy.hashes }, HMA_THRESHOLDS)
      const hits = queryWithTrimmed(bank, oriented, copy.trimmed, HMA_THRESHOLDS)
      const plainOk = plainHits.some((m) => m.video === i)
      const ok = hits.find((m) => Math.floor(m.video / 2) === i)
      falseMatches += hits.filter((m) => Math.floor(m.video / 2) !== i).length + plainHits.filter((m) => m.video !== i).length
      if (plainOk) caught.plain++
      if (ok !== undefined) caught.gateway++
      const how = ok === undefined ? '' : `${ok.bordersTrimmed ? 'borders trimmed' : ok.orientation}${ok.video % 2 === 1 ? ', banked trimmed' : ''}`
      rows.push(`${label.padEnd(24)} ${name.padEnd(22)} HMA: ${plainOk ? 'caught' : 'missed'}   gateway: ${ok !== undefined ? `caught (${how}, ${ok.queryMatchPercent.toFixed(0)}% / ${ok.comparedMatchPercent.toFixed(0)}%)` : 'missed'}`)
    }
  }
  console.log(rows.join('\n'))
  const total = COPIES.length * SOURCES.length
  console.log(`caught: HMA ${caught.plain} of ${total}, gateway ${caught.gateway} of ${total}; trimmed entries banked: ${trimmedEntries} of ${SOURCES.length}; matches of an unrelated video: ${falseMatches}`)
  if (falseMatches > 0) process.exitCode = 1
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
