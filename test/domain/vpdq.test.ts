import t from 'tap'
import {
  formatVpdqText, isKeptFrame, parseVpdqText, vpdqFeature, vpdqFrameRate, vpdqFrameStep, vpdqTimestamp
} from '../../src/domain/matching/vpdq.ts'
import { pdqFromRgb, PDQ_ZERO_HASH } from '../../src/domain/matching/pdq.ts'
import { parseStreamDescription } from '../../src/media/hash-video.ts'

t.test('the frame rate is avg_frame_rate, else r_frame_rate, and never 0', async (t) => {
  t.equal(vpdqFrameRate('30/1', '60/1'), 30)
  t.equal(vpdqFrameRate('30000/1001', '30000/1001'), 30000 / 1001)
  t.equal(vpdqFrameRate('0/0', '25/1'), 25, '0/0 falls back to r_frame_rate')
  t.equal(vpdqFrameRate('0/0', '0/0'), undefined, 'no rate at all')
  t.equal(vpdqFrameRate('0/1', '25/1'), undefined, 'a stated rate of 0 is refused, not replaced')
  t.equal(vpdqFrameRate('garbage', undefined), undefined)
})

t.test('the kept frames: every floor(secondsPerHash * rate)-th, from frame 0', async (t) => {
  const table: Array<[number, number, number]> = [
    [1, 30, 30], [1, 29.97, 29], [1, 30000 / 1001, 29], [0, 30, 1], [0.5, 25, 12], [2, 24, 48], [1, 0.5, 1], [0.01, 30, 1]
  ]
  for (const [secondsPerHash, rate, step] of table) t.equal(vpdqFrameStep(secondsPerHash, rate), step, `${secondsPerHash} s at ${rate} fps`)
  t.throws(() => vpdqFrameStep(1, 0), RangeError, 'a zero frame rate is an error')
  t.throws(() => vpdqFrameStep(-1, 30), RangeError)
  const kept = Array.from({ length: 95 }, (_, n) => n).filter((n) => isKeptFrame(n, 30))
  t.same(kept, [0, 30, 60, 90])
})

t.test('timestamps are frame / rate with three decimals', async (t) => {
  t.equal(vpdqTimestamp(0, 30), 0)
  t.equal(vpdqTimestamp(1, 30), 0.033)
  t.equal(vpdqTimestamp(2, 30), 0.067)
  t.equal(vpdqTimestamp(90, 30), 3)
  t.equal(vpdqTimestamp(1000, 30000 / 1001), 33.367)
})

t.test('a frame becomes one feature through full-resolution PDQ', async (t) => {
  const width = 64
  const height = 48
  const data = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) data.fill((i % width) < 32 ? 0 : 255, i * 3, i * 3 + 3)
  const feature = vpdqFeature(60, { width, height, data }, 30)
  const pdq = pdqFromRgb({ width, height, data })
  t.same(feature, { frame: 60, quality: pdq.quality, hash: pdq.hash, timestamp: 2 })
  t.same(vpdqFeature(0, { width: 4, height: 4, data: new Uint8Array(48) }, 25), { frame: 0, quality: 0, hash: PDQ_ZERO_HASH, timestamp: 0 },
    'a frame under 5 pixels a side hashes to zeros with quality 0')
})

t.test('the reference text format reads and writes back the same lines', async (t) => {
  const text = '0,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0.000\n' +
    '30,87,c0f1117837246aaccddea259648fbfd62f434c89c9e99b249776be216c8d055c,1.000\n'
  const features = parseVpdqText(text)
  t.same(features.map((f) => [f.frame, f.quality, f.timestamp]), [[0, 100, 0], [30, 87, 1]])
  t.equal(formatVpdqText({ features }), text)
  t.throws(() => parseVpdqText('0,100,zz,0.000'), /line 1/)
})

t.test('ffmpeg\'s stream description gives size, rate and duration when there is no ffprobe', async (t) => {
  const text = '  Duration: 00:01:02.50, start: 0.000000, bitrate: 900 kb/s\n' +
    '  Stream #0:0[0x1](und): Video: h264 (Main) (avc1 / 0x31637661), yuv420p(progressive), 480x720 [SAR 1:1 DAR 2:3], 827 kb/s, 29.97 fps, 29.97 tbr, 30k tbn (default)\n'
  t.same(parseStreamDescription(text), { width: 480, height: 720, frameRate: 30000 / 1001, durationSeconds: 62.5 })
  const noFps = '  Stream #0:0: Video: vp9, yuv420p(tv), 320x240, SAR 1:1 DAR 4:3, 25 tbr, 1k tbn\n'
  t.same(parseStreamDescription(noFps), { width: 320, height: 240, frameRate: 25 }, 'tbr when no fps is printed')
  t.same(parseStreamDescription('  Stream #0:0: Video: h264, yuv420p, 320x240, 0 fps, 0 tbr\n'), { width: 320, height: 240, frameRate: undefined },
    'a zero rate stays unknown (the video is refused)')
  t.equal(parseStreamDescription('  Stream #0:0: Audio: aac, 48000 Hz\n'), undefined, 'no video stream')
})
