// Which re-uploads vPDQ catches: copies of sample videos made with ffmpeg as re-uploads are made (re-encoded,
// other frame rate, grey, clipped, mirrored, letterboxed, cropped, a logo), hashed at one frame a second, matched
// against a bank of the original videos with HMA's plain rule (original orientation) and with the gateway's
// eight orientations. Every copy of one video is also checked against the others: nothing unrelated may match.
// Run: tsx bench/video-robustness.ts
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile } from '../src/media/hash-video.ts'
import { HMA_THRESHOLDS, orientedFrames, prepareVideo } from '../src/domain/vpdq-match.ts'
import { VpdqIndex } from '../src/domain/vpdq-index.ts'

const VIDEOS = new URL('../../shared/vectors/vpdq/videos/', import.meta.url)
const SOURCES = ['chair-orig-22-sd-bar', 'pattern-hd-no-bar', 'doorknob-hd-no-bar']
const COPIES: Array<[string, string[]]> = [
  ['re-encoded at half size', ['-vf', 'scale=trunc(iw/4)*2:trunc(ih/4)*2', '-crf', '32']],
  ['15 frames a second', ['-r', '15']],
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
  const hash = async (file: string): Promise<string[]> => prepareVideo((await hashVideoFile(file, { tools, secondsPerHash: 1 })).features).hashes
  const bank = new VpdqIndex()
  for (const [i, name] of SOURCES.entries()) bank.add(i, await hash(new URL(`${name}.mp4`, VIDEOS).pathname))
  bank.build()
  const plain = new VpdqIndex() // HMA: the query's frames as they are, no other orientation
  for (const [i, name] of SOURCES.entries()) plain.add(i, await hash(new URL(`${name}.mp4`, VIDEOS).pathname))
  const rows: string[] = []
  let falseMatches = 0
  const caught = { plain: 0, oriented: 0 }
  for (const [label, args] of COPIES) {
    for (const [i, name] of SOURCES.entries()) {
      const out = path.join(dir, `${name}-${label.replace(/\W+/g, '-')}.mp4`)
      execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', new URL(`${name}.mp4`, VIDEOS).pathname, ...args, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', out])
      const frames = await hash(out)
      const oriented = orientedFrames({ hashes: frames, kept: frames.map((_, k) => k) })
      const plainHits = plain.query({ original: frames }, HMA_THRESHOLDS)
      const hits = bank.query(oriented, HMA_THRESHOLDS)
      const plainOk = plainHits.some((m) => m.video === i)
      const ok = hits.find((m) => m.video === i)
      falseMatches += hits.filter((m) => m.video !== i).length + plainHits.filter((m) => m.video !== i).length
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
