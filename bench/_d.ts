import { resolveFfmpeg } from '../src/media/ffmpeg.ts'
import { hashVideoFile } from '../src/media/hash-video.ts'
const tools = (await resolveFfmpeg())!
const a = await hashVideoFile('/work/shared/vectors/vpdq/videos/pattern-hd-no-bar.mp4', { tools, secondsPerHash: 0 }); const b = await hashVideoFile(process.argv[2], { tools, secondsPerHash: 0 })
const ham = (x: string, y: string) => { let d = 0; for (let i = 0; i < 64; i++) { let v = parseInt(x[i], 16) ^ parseInt(y[i], 16); while (v) { d += v & 1; v >>= 1 } } return d }
console.log(b.frameRate, b.features.length, b.features.map((f) => { const ds = a.features.map((g) => ham(f.hash, g.hash)); const best = ds.indexOf(Math.min(...ds)); return `${f.frame}:${best}(${ds[best]})` }).join(' '))
