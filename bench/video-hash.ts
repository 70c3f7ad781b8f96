// `npm run bench:video-hash`: vPDQ of a 60 s 720p H.264 video at one hash per second, against ffmpeg decoding the
// same file to nothing (which no hasher can beat); then /health/live latency while 8 large images and 2 videos are
// hashed through the gateway, against the same probe on the idle gateway.
// Goals (exit code 1 on a miss): vPDQ within 1.5x of decoding alone (median ratio over the rounds); /health/live
// under 100 ms (the slowest probe) while the media is hashed, every upload answered 200 (so the probes really ran
// beside the hashing).
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile } from '../src/media/hash-video.ts'
import { freshDatabase, median, ROUNDS, startProcess } from './lib.ts'
import { goal, verdict } from './goal.ts'

const run = promisify(execFile)
const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-video-'))
const tools = await resolveFfmpeg({
  ...(process.env.FFMPEG_PATH === undefined ? {} : { FFMPEG_PATH: process.env.FFMPEG_PATH }),
  ...(process.env.FFPROBE_PATH === undefined ? {} : { FFPROBE_PATH: process.env.FFPROBE_PATH })
})
if (tools === undefined) throw new Error('no ffmpeg found')
console.log(`ffmpeg: ${tools.version} (${tools.source}${tools.ffprobe === undefined ? ', no ffprobe' : ''}); ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`)

const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

try {
  const video = path.join(dir, 'sample-720p-60s.mp4')
  const start = performance.now()
  await run(tools.ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-f', 'lavfi', '-i', 'mandelbrot=size=320x180:rate=30',
    '-filter_complex', '[0][1]overlay=x=W-w-20:y=20', '-t', '60', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', video])
  console.log(`made a 60 s 1280x720 30 fps H.264 video in ${((performance.now() - start) / 1000).toFixed(1)} s`)

  // Part 1: hashing against decoding alone, in turns so that a slow stretch of the machine falls on both.
  const decodeOnly = async (): Promise<number> => {
    const t0 = performance.now()
    await run(tools.ffmpeg, ['-v', 'error', '-nostdin', '-i', video, '-map', '0:v:0', '-f', 'null', '-'])
    return performance.now() - t0
  }
  const hashOnce = async (): Promise<number> => {
    const t0 = performance.now()
    // As the gateway hashes an upload: each frame also without its uniform borders, where it has any.
    const hash = await hashVideoFile(video, { tools, secondsPerHash: 1, trimBorders: true })
    if (hash.features.length !== 60) throw new Error(`expected 60 features, got ${hash.features.length}`)
    return performance.now() - t0
  }
  await decodeOnly()
  const ratios: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const base = await decodeOnly()
    const hashed = await hashOnce()
    ratios.push(hashed / base)
    console.log(`round ${round}: ffmpeg -f null ${(base / 1000).toFixed(2)} s, vPDQ at 1 s per hash ${(hashed / 1000).toFixed(2)} s, ratio ${(hashed / base).toFixed(2)}`)
  }
  goal(median(ratios) <= 1.5, `vPDQ ${median(ratios).toFixed(2)}x the time of decoding alone (median ratio over ${ROUNDS} rounds; goal <= 1.5x)`)

  // Part 2: liveness while media is hashed, through a gateway process.
  const png = await sharp({ create: { width: 7000, height: 7000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([{ input: Buffer.from('<svg width="7000" height="7000"><circle cx="3500" cy="3500" r="2000" fill="white"/></svg>') }])
    .png({ compressionLevel: 9 }).toBuffer()
  const clip = path.join(dir, 'clip.mp4')
  await run(tools.ffmpeg, ['-v', 'error', '-i', video, '-t', '20', '-c', 'copy', clip])
  const clipBytes = await readFile(clip)
  console.log(`\nliveness: 8 PNGs of 7000x7000 (${(png.length / 1024).toFixed(0)} KB each) and 2 videos of 20 s 720p hashed at once`)
  const db = await freshDatabase('bench_video')
  const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
  const PORT = 3911
  const gateway = await startProcess('src/server.ts', { DATABASE_URL: db.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, PORT)
  try {
    const base = `http://127.0.0.1:${PORT}`
    const created = await fetch(`${base}/v1/clients`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench liaison', role: 'liaison', platform: 'telegram' })
    })
    const { apiKey } = await created.json() as { apiKey: string }
    const probe = async (until: () => boolean): Promise<number[]> => {
      const latencies: number[] = []
      while (!until()) {
        const t0 = performance.now()
        await fetch(`${base}/health/live`)
        latencies.push(performance.now() - t0)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return latencies
    }
    const idleUntil = Date.now() + 5000
    const idle = await probe(() => Date.now() > idleUntil)
    let pending = 10
    const upload = async (body: Buffer, type: string): Promise<number> => {
      try {
        const res = await fetch(`${base}/v1/media/hashes`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': type }, body })
        await res.arrayBuffer()
        return res.status
      } finally {
        pending--
      }
    }
    const t0 = performance.now()
    const uploads = Promise.all([...Array.from({ length: 8 }, async () => await upload(png, 'image/png')), upload(clipBytes, 'video/mp4'), upload(clipBytes, 'video/mp4')])
    const busy = await probe(() => pending === 0)
    const statuses = await uploads
    const seconds = (performance.now() - t0) / 1000
    const row = (label: string, xs: number[]): string => `${label.padEnd(22)} n=${String(xs.length).padStart(4)}  p50 ${median(xs).toFixed(1).padStart(6)} ms  p99 ${percentile(xs, 0.99).toFixed(1).padStart(6)} ms  max ${Math.max(...xs).toFixed(1).padStart(6)} ms`
    console.log(row('idle gateway', idle))
    console.log(row('while hashing', busy))
    console.log(`answers: ${statuses.join(' ')} in ${seconds.toFixed(1)} s`)
    goal(statuses.every((status) => status === 200), `uploads answered 200: ${statuses.filter((status) => status === 200).length} of ${statuses.length} (goal: all)`)
    goal(Math.max(...busy) < 100, `/health/live while hashing: max ${Math.max(...busy).toFixed(1)} ms, p99 ${percentile(busy, 0.99).toFixed(1)} ms ` +
      `(idle: max ${Math.max(...idle).toFixed(1)} ms, ${(Math.max(...busy) / Math.max(...idle)).toFixed(1)}x; goal: max < 100 ms)`)
    verdict()
  } finally {
    gateway.kill('SIGTERM')
    await new Promise((resolve) => { gateway.once('exit', resolve) })
    await db.drop()
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
