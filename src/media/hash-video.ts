// Decodes a video file with an ffmpeg executable (raw rgb24 frames on a pipe) and hashes it with vPDQ.
import { AppError } from '../lib/errors.ts'
import { DEFAULT_SECONDS_PER_HASH, vpdqFeature, vpdqFrameRate, vpdqFrameStep } from '../domain/matching/vpdq.ts'
import type { VpdqFeature, VpdqHash } from '../domain/matching/vpdq-types.ts'
import {
  VideoDeriver, decodedFramesFilter, nextDecodedFrame, type DerivedVpdq, type VideoDerivation
} from '../domain/matching/vpdq-derive.ts'
import { collectTail, killGroup, runTool, spawnLimited, supervise, type FfmpegTools } from './ffmpeg.ts'

export interface VideoLimits {
  /** Largest frame (width * height) decoded; larger ones are refused before decoding (decompression bombs). */
  maxFramePixels: number
  /** Longest video hashed; a longer one, or one whose end is not reached by then, is refused. */
  maxDurationSeconds: number
  /** Wall-clock limit for probing and decoding together; ffmpeg's process group is killed then. */
  timeoutMs: number
}

export const DEFAULT_VIDEO_LIMITS: VideoLimits = {
  maxFramePixels: 4096 * 2304,
  maxDurationSeconds: 3 * 3600,
  timeoutMs: 10 * 60_000
}

export interface VideoProgress {
  /** Position of the last decoded kept frame, in seconds. */
  seconds: number
  durationSeconds?: number
}

export interface HashVideoOptions {
  tools: FfmpegTools
  /** 1 (HMA's setting) by default; 0 hashes every frame. */
  secondsPerHash?: number
  limits?: Partial<VideoLimits>
  signal?: AbortSignal
  onProgress?: (progress: VideoProgress) => void
  /** Also hash each frame without its uniform borders (its `trimmedHash`); off by default (the reference's output). */
  trimBorders?: boolean
  /** Also derive these video hashes (crops, dense frames) in the same decoding pass, for banking. */
  derive?: VideoDerivation
}

/** A video's vPDQ and, when asked for, the hashes derived from the same decoded frames. */
export interface DerivedVideoHashes { vpdq: VpdqHash, derived: DerivedVpdq[] }

export interface VideoProbe {
  width: number
  height: number
  frameRate: number
  durationSeconds?: number
}

// Only the containers the API takes (MP4/QuickTime, Matroska/WebM), read from the local file only: a playlist or
// concat script uploaded as a video must not make ffmpeg open other files or URLs.
const INPUT_RESTRICTIONS = ['-format_whitelist', 'mov,matroska', '-protocol_whitelist', 'file']

const unsupported = (detail: string): AppError =>
  new AppError('unsupported_media_type', `${detail}; send an MP4, WebM, QuickTime or Matroska video`)
const unreadable = (detail: string): AppError => new AppError('media_unreadable', detail)
const refused = (detail: string): AppError => new AppError('video_not_accepted', detail)

/** vPDQ of a video file: one feature per kept frame, each frame hashed with full-resolution PDQ at its own size. */
export async function hashVideoFile (file: string, options: HashVideoOptions): Promise<VpdqHash> {
  return (await hashVideoFrames(file, options)).vpdq
}

/** hashVideoFile, with the derived hashes of options.derive from the same frames (one ffmpeg run). */
export async function hashVideoFrames (file: string, options: HashVideoOptions): Promise<DerivedVideoHashes> {
  const limits = { ...DEFAULT_VIDEO_LIMITS, ...options.limits }
  const secondsPerHash = options.secondsPerHash ?? DEFAULT_SECONDS_PER_HASH
  const deadline = Date.now() + limits.timeoutMs
  const probe = await probeVideo(file, options.tools, { timeoutMs: limits.timeoutMs, signal: options.signal })
  const { width, height, frameRate, durationSeconds } = probe
  if (width * height > limits.maxFramePixels) {
    throw refused(`frames of ${width}x${height} exceed ${limits.maxFramePixels} pixels`)
  }
  if (durationSeconds !== undefined && durationSeconds > limits.maxDurationSeconds) {
    throw refused(`the video lasts ${durationSeconds.toFixed(1)} s, more than ${limits.maxDurationSeconds} s`)
  }
  const step = vpdqFrameStep(secondsPerHash, frameRate)
  const stepSeconds = step / frameRate
  const deriver = options.derive === undefined
    ? undefined
    : new VideoDeriver(
      options.derive, frameRate, step, durationSeconds
    )
  const window = deriver?.window ?? null
  // ffmpeg drops the frames vPDQ skips (and the dense hash, if any, skips too) before converting them, so only the
  // frames hashed cross the pipe.
  const select = decodedFramesFilter(step, window)
  const args = [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-noautorotate', '-max_pixels', String(limits.maxFramePixels),
    ...INPUT_RESTRICTIONS, '-i', file, '-map', '0:v:0', '-an', '-sn', '-dn',
    ...(select === undefined ? [] : ['-vf', select]),
    '-vsync', '0', '-t', String(limits.maxDurationSeconds + stepSeconds + 1),
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'
  ]
  const child = spawnLimited(options.tools.ffmpeg, args)
  const stderr = collectTail(child)
  const exited = supervise(child, { timeoutMs: Math.max(1, deadline - Date.now()), signal: options.signal })
  exited.catch(() => {}) // awaited below; a spawn failure also ends the frame loop
  const features: VpdqFeature[] = []
  let tooLong = false
  let filled = 0
  let frameNumber = 0
  try {
    const frameBytes = width * height * 3
    const frame = Buffer.allocUnsafe(frameBytes)
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let offset = 0
      while (offset < chunk.length) {
        const n = Math.min(frameBytes - filled, chunk.length - offset)
        chunk.copy(frame, filled, offset, offset + n)
        filled += n
        offset += n
        if (filled < frameBytes) continue
        filled = 0
        if (frameNumber / frameRate > limits.maxDurationSeconds) {
          tooLong = true
          killGroup(child)
          break
        }
        const image = { width, height, data: frame }
        let kept: VpdqFeature | undefined
        if (frameNumber % step === 0) {
          kept = vpdqFeature(frameNumber, image, frameRate, { trimBorders: options.trimBorders === true })
          features.push(kept)
          options.onProgress?.({ seconds: frameNumber / frameRate, durationSeconds })
        }
        deriver?.add(frameNumber, image, kept)
        frameNumber = nextDecodedFrame(frameNumber, step, window)
      }
      if (tooLong) break
    }
  } finally {
    killGroup(child)
  }
  const { code, timedOut } = await exited.catch((error: unknown) => {
    throw new AppError(
      'video_hashing_unavailable', `ffmpeg could not be started: ${(error as Error).message}`,
      { cause: error, retryAfterSeconds: 30 }
    )
  })
  if (options.signal?.aborted === true) throw new AppError('media_hashing_cancelled', 'the video hashing was cancelled')
  if (timedOut) throw refused(`decoding did not finish within ${Math.round(limits.timeoutMs / 1000)} s`)
  if (tooLong) throw refused(`the video lasts more than ${limits.maxDurationSeconds} s`)
  if (code !== 0) throw unreadable(`the video could not be decoded: ${lastError(stderr(), file)}`)
  // The demuxer's word for data missing from the end: hashing what came before would pass a part off as the whole.
  if (/partial file/.test(stderr())) throw unreadable('the video is truncated: its data ends before its stated end')
  if (features.length === 0) throw unreadable('no frame of the video could be decoded')
  // Frames are read at the probed size; a stream whose frames change size would leave bytes over (and misread).
  if (filled !== 0) throw unreadable('the frame size changes within the video')
  const vpdq = { secondsPerHash, frameRate, ...(durationSeconds === undefined ? {} : { durationSeconds }), features }
  return { vpdq, derived: deriver?.result() ?? [] }
}

/** Size, frame rate and duration of the first video stream, from ffprobe or else from ffmpeg's stream description. */
export async function probeVideo (
  file: string, tools: FfmpegTools, options: { timeoutMs: number, signal?: AbortSignal }
): Promise<VideoProbe> {
  const probe = tools.ffprobe === undefined
    ? await probeWithFfmpeg(
      file, tools.ffmpeg, options
    )
    : await probeWithFfprobe(
      file, tools.ffprobe, options
    )
  if (!(probe.width > 0 && probe.height > 0)) throw unreadable('the video stream states no frame size')
  if (probe.frameRate === undefined) throw refused('the video stream has a frame rate of 0')
  return probe as VideoProbe
}

type RawProbe = Omit<VideoProbe, 'frameRate'> & { frameRate: number | undefined }

async function probeWithFfprobe (
  file: string, ffprobe: string, options: { timeoutMs: number, signal?: AbortSignal }
): Promise<RawProbe> {
  const result = await runTool(ffprobe, [
    '-v', 'error', ...INPUT_RESTRICTIONS, '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height,avg_frame_rate,r_frame_rate:format=duration', '-of', 'json', '-i', file
  ], options)
  if (result.timedOut) throw refused(`probing did not finish within ${Math.round(options.timeoutMs / 1000)} s`)
  if (result.code !== 0) throw unsupported(`not a recognised video (${lastError(result.stderr, file)})`)
  let parsed: { streams?: Array<Record<string, unknown>>, format?: Record<string, unknown> }
  try {
    parsed = JSON.parse(result.stdout.toString('utf8'))
  } catch {
    throw unreadable('the video could not be probed')
  }
  const stream = parsed.streams?.[0]
  if (stream === undefined) throw unsupported('the file holds no video stream')
  const duration = Number(parsed.format?.duration)
  return {
    width: Number(stream.width ?? 0),
    height: Number(stream.height ?? 0),
    frameRate: vpdqFrameRate(String(stream.avg_frame_rate ?? ''), String(stream.r_frame_rate ?? '')),
    ...(Number.isFinite(duration) && duration > 0 ? { durationSeconds: duration } : {})
  }
}

// Without ffprobe (the npm-shipped build has none), `ffmpeg -i FILE` describes the input on stderr and exits 1.
async function probeWithFfmpeg (
  file: string, ffmpeg: string, options: { timeoutMs: number, signal?: AbortSignal }
): Promise<RawProbe> {
  const result = await runTool(ffmpeg, ['-hide_banner', '-nostdin', ...INPUT_RESTRICTIONS, '-i', file], options)
  if (result.timedOut) throw refused(`probing did not finish within ${Math.round(options.timeoutMs / 1000)} s`)
  const text = result.stderr
  if (!/^Input #0/m.test(text)) throw unsupported(`not a recognised video (${lastError(text, file)})`)
  return parseStreamDescription(text) ?? (() => { throw unsupported('the file holds no video stream') })()
}

/** Reads the first video stream of ffmpeg's input description: size, then `fps` (avg_frame_rate) or `tbr`. */
export function parseStreamDescription (text: string): RawProbe | undefined {
  const line = text.split('\n').find((l) => /Stream #0:\d+.*: Video: /.test(l))
  if (line === undefined) return undefined
  const size = / (\d+)x(\d+)[ ,\n]/.exec(line + '\n')
  const rate = (unit: string): number | undefined => {
    const m = new RegExp(`([\\d.]+)(k?) ${unit}`).exec(line)
    return m === null ? undefined : fromPrinted(Number(m[1]) * (m[2] === 'k' ? 1000 : 1))
  }
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(text)
  const seconds = duration === null
    ? undefined
    : Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])
  const fps = rate('fps')
  return {
    width: size === null ? 0 : Number(size[1]),
    height: size === null ? 0 : Number(size[2]),
    frameRate: fps !== undefined && fps > 0 ? fps : rate('tbr'),
    ...(seconds !== undefined && seconds > 0 ? { durationSeconds: seconds } : {})
  }
}

// ffmpeg prints rates with two decimals: 29.97 stands for the NTSC rational 30000/1001, which timestamps need.
function fromPrinted (value: number): number | undefined {
  if (!(value > 0)) return undefined
  if (Number.isInteger(value)) return value
  const ntsc = Math.round(value * 1.001) / 1.001
  return Math.abs(ntsc - value) < 0.005 ? Math.round(value * 1.001) * 1000 / 1001 : value
}

// ffmpeg's last error line, with the temporary file's path taken out of it.
function lastError (stderr: string, file: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  const last = lines.at(-1) ?? 'no detail'
  return last.replaceAll(`${file}: `, '').replaceAll(file, 'the file').slice(0, 300)
}
