// Which re-uploads vPDQ catches: copies of sample videos made with ffmpeg as re-uploads are made (re-encoded,
// other frame rate, grey, clipped, mirrored, letterboxed, pillarboxed, cropped, a logo), hashed at one frame a
// second, matched against a bank of the original videos with HMA's plain rule (original orientation) and as the
// gateway matches: videos hashed as its hashing threads hash them (each barred frame's trimmedHash too), banked as
// POST /v1/hash-bank/media banks them (a second entry of the trimmed frames when they differ), looked up as its
// index looks them up (eight orientations, and the trimmed frames). Every copy of one video is also checked against
// the others: nothing unrelated may match. The bank then also holds the entries banked media derives from the same
// decoding pass (BANKED_VIDEO_DERIVATION: central crops of every kept frame, every frame within 0.1 s of a kept
// one): copies caught before and after, per copy kind, with the cost (banking time, banked frames).
// The derivation and the copy kinds were tuned on the three sample videos of the first set; a second set it was
// not tuned on (the vectors' grey-barred pattern, and synthetic videos made by ffmpeg's lavfi sources: a Mandelbrot
// zoom, the game of life, a panning test pattern, a cellular automaton) is banked beside it and printed apart.
// Goals, for each set on its own (exit code 1 on a miss): no copy matches an unrelated video, and with the derived
// entries the gateway catches at least 85% of the copies (HMA's plain rule, the baseline, is printed beside it;
// the tuned set is at 89%: a small logo and one 4% crop are out of reach).
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
import { goal, verdict } from './goal.ts'

const VIDEOS = new URL('videos/', VPDQ_VECTORS)
const CAUGHT_GOAL = 0.85
const SETS = ['tuned on', 'not tuned on'] as const
type SetName = typeof SETS[number]
/**
 * A banked original. `content` names what it shows: two files of one content (the vectors' pattern, in HD and in SD
 * with grey bars) may match each other's copies, which is neither a catch nor a false match.
 */
interface Source { name: string, set: SetName, content: string, file: string }
/** Synthetic originals: six seconds of a lavfi source at 640x360, 30 fps, fixed seeds (ffmpeg input arguments). */
const SYNTHETIC: Array<[string, string[]]> = [
  ['lavfi-mandelbrot', ['-f', 'lavfi', '-i', 'mandelbrot=size=640x360:rate=30']],
  ['lavfi-life', ['-f', 'lavfi', '-i', 'life=size=640x360:rate=30:seed=7:ratio=0.3:mold=20:life_color=#f0e060:death_color=#602020:mold_color=#205080']],
  ['lavfi-testsrc2-panning', ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-vf', "crop=640:360:x='t*90':y='t*45'"]],
  ['lavfi-cellauto', ['-f', 'lavfi', '-i', 'cellauto=size=640x360:rate=30:rule=30:seed=11']]
]
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
const started = performance.now()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vpdq-robustness-'))
try {
  const vector = (name: string): string => new URL(`${name}.mp4`, VIDEOS).pathname
  const sources: Source[] = [
    { name: 'chair-orig-22-sd-bar', set: 'tuned on', content: 'chair', file: vector('chair-orig-22-sd-bar') },
    { name: 'pattern-hd-no-bar', set: 'tuned on', content: 'pattern', file: vector('pattern-hd-no-bar') },
    { name: 'doorknob-hd-no-bar', set: 'tuned on', content: 'doorknob', file: vector('doorknob-hd-no-bar') },
    { name: 'pattern-sd-grey-bar', set: 'not tuned on', content: 'pattern', file: vector('pattern-sd-grey-bar') }
  ]
  for (const [name, input] of SYNTHETIC) {
    const file = path.join(dir, `${name}.mp4`)
    execFileSync(tools.ffmpeg, ['-v', 'error', '-y', ...input, '-t', '6', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', file])
    sources.push({ name, set: 'not tuned on', content: name, file })
  }
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
  const newCost = () => ({ plainMs: 0, bankMs: 0, frames: 0, derivedFrames: 0, trimmedEntries: 0 })
  const cost: Record<SetName, ReturnType<typeof newCost>> = { 'tuned on': newCost(), 'not tuned on': newCost() }
  for (const [i, { file, set }] of sources.entries()) {
    const t0 = performance.now()
    await hash(file)
    const t1 = performance.now()
    // As the gateway banks it: one decoding pass for the vPDQ (trimmed hashes too) and the derived hashes.
    const { vpdq, derived } = await hashVideoFrames(file, { tools, secondsPerHash: 1, trimBorders: true, derive: BANKED_VIDEO_DERIVATION })
    cost[set].plainMs += t1 - t0
    cost[set].bankMs += performance.now() - t1
    const source = framesOf(vpdq.features)
    cost[set].frames += source.hashes.length + (source.trimmed?.length ?? 0)
    for (const d of derived) {
      const frames = bankedFrames(d.features, d.labels)
      derivedBank.add(derivedOf.length, frames.hashes, frames.units)
      derivedOf.push({ source: i, label: d.labels.join(',') })
      cost[set].derivedFrames += frames.hashes.length
    }
    plain.add(i, source.hashes)
    bank.add(2 * i, source.hashes)
    if (source.trimmed !== null) {
      bank.add(2 * i + 1, source.trimmed)
      cost[set].trimmedEntries++
    }
  }
  bank.build()
  derivedBank.build()
  const newTally = () => ({ rows: [] as string[], kinds: [] as string[], falseMatches: [] as string[], plain: 0, gateway: 0, derived: 0, copies: 0 })
  const tally: Record<SetName, ReturnType<typeof newTally>> = { 'tuned on': newTally(), 'not tuned on': newTally() }
  for (const [label, args] of COPIES) {
    const kind: Record<SetName, { before: number, after: number }> = { 'tuned on': { before: 0, after: 0 }, 'not tuned on': { before: 0, after: 0 } }
    for (const [i, { name, set, file, content }] of sources.entries()) {
      const t = tally[set]
      const out = path.join(dir, `${name}-${label.replace(/\W+/g, '-')}.mp4`)
      execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', file, ...args, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-an', out])
      const copy = await hash(out)
      const oriented = orientedFrames({ hashes: copy.hashes, kept: copy.hashes.map((_, k) => k) })
      const plainHits = plain.query({ original: copy.hashes }, HMA_THRESHOLDS)
      const hits = queryWithTrimmed(bank, oriented, copy.trimmed, HMA_THRESHOLDS)
      const plainOk = plainHits.some((m) => m.video === i)
      const ok = hits.find((m) => Math.floor(m.video / 2) === i)
      const derivedHits = queryWithTrimmed(derivedBank, oriented, copy.trimmed, HMA_THRESHOLDS)
      const derivedOk = derivedHits.find((m) => derivedOf[m.video].source === i)
      // A match of another content is false; one of another file of the same content is left out.
      const unrelated = (source: number): boolean => sources[source].content !== content
      const wrong = [...hits.map((m) => Math.floor(m.video / 2)), ...plainHits.map((m) => m.video), ...derivedHits.map((m) => derivedOf[m.video].source)].filter(unrelated)
      for (const w of wrong) t.falseMatches.push(`${label} of ${name} matched ${sources[w].name}`)
      t.copies++
      if (plainOk) t.plain++
      if (ok !== undefined) t.gateway++
      if (ok !== undefined || derivedOk !== undefined) t.derived++
      if (ok !== undefined) kind[set].before++
      if (ok !== undefined || derivedOk !== undefined) kind[set].after++
      const how = ok === undefined ? '' : `${ok.bordersTrimmed ? 'borders trimmed' : ok.orientation}${ok.video % 2 === 1 ? ', banked trimmed' : ''}`
      const after = ok !== undefined || derivedOk === undefined
        ? ''
        : `   derived: caught (${derivedOf[derivedOk.video].label} entry, ${derivedOk.bordersTrimmed ? 'borders trimmed' : derivedOk.orientation}, ` +
        `${derivedOk.queryMatchPercent.toFixed(0)}% / ${derivedOk.comparedMatchPercent.toFixed(0)}%)`
      t.rows.push(`${label.padEnd(24)} ${name.padEnd(22)} HMA: ${plainOk ? 'caught' : 'missed'}   gateway: ${ok !== undefined ? `caught (${how}, ${ok.queryMatchPercent.toFixed(0)}% / ${ok.comparedMatchPercent.toFixed(0)}%)` : 'missed'}${after}`)
    }
    for (const set of SETS) {
      const n = sources.filter((s) => s.set === set).length
      tally[set].kinds.push(`${label.padEnd(24)} ${kind[set].before} -> ${kind[set].after} of ${n}`)
    }
  }
  for (const set of SETS) {
    const t = tally[set]
    const c = cost[set]
    const of = sources.filter((s) => s.set === set)
    console.log(`\n=== videos the derivation was ${set}: ${of.map((s) => s.name).join(', ')}`)
    console.log(t.rows.join('\n'))
    console.log(`\ncaught per copy kind, without -> with the derived entries (${JSON.stringify(BANKED_VIDEO_DERIVATION)}):\n${t.kinds.join('\n')}`)
    for (const line of t.falseMatches) console.log(`false match: ${line}`)
    console.log(`caught: HMA ${t.plain} of ${t.copies}, gateway ${t.gateway} of ${t.copies}, with derived entries ${t.derived} of ${t.copies}; ` +
      `trimmed entries banked: ${c.trimmedEntries} of ${of.length}`)
    console.log(`banking cost for ${of.length} videos: hashing ${c.plainMs.toFixed(0)} ms without, ${c.bankMs.toFixed(0)} ms with the derived hashes ` +
      `(one pass); banked frames ${c.frames} -> ${c.frames + c.derivedFrames} (x${((c.frames + c.derivedFrames) / c.frames).toFixed(1)})`)
  }
  console.log('')
  for (const set of SETS) {
    const t = tally[set]
    const share = t.derived / t.copies
    goal(share >= CAUGHT_GOAL, `${set === 'tuned on' ? 'tuned' : 'not tuned'} set: gateway with derived entries caught ${t.derived} of ${t.copies} copies ` +
      `(${(share * 100).toFixed(0)}%; HMA's plain rule ${t.plain}, ${(t.derived / Math.max(1, t.plain)).toFixed(2)}x it; goal >= ${CAUGHT_GOAL * 100}%)`)
    goal(t.falseMatches.length === 0, `${set === 'tuned on' ? 'tuned' : 'not tuned'} set: matches of an unrelated video ${t.falseMatches.length} (goal: none)`)
  }
  console.log(`run time ${((performance.now() - started) / 1000).toFixed(0)} s`)
  verdict()
} finally {
  fs.rmSync(dir, { recursive: true, force: true })
}
