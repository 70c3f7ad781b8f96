// Which ffmpeg decodes videos, and running it on untrusted input: a wall-clock limit, its whole process group killed.
import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { access, constants } from 'node:fs/promises'
import path from 'node:path'

export type FfmpegSource = 'FFMPEG_PATH' | 'system' | 'npm'

export interface FfmpegTools {
  /** The ffmpeg executable (a path, or a bare name found on PATH). */
  ffmpeg: string
  /** ffprobe when one is at hand (exact frame-rate rationals); otherwise ffmpeg's own stream description is read. */
  ffprobe?: string
  source: FfmpegSource
  /** First line of `ffmpeg -version`, for /health/ready and the logs. */
  version: string
}

export interface FfmpegSettings {
  FFMPEG_PATH?: string
  FFPROBE_PATH?: string
}

/**
 * FFMPEG_PATH when set; else an ffmpeg on PATH; else the static build the `@ffmpeg-installer/ffmpeg` package ships.
 * A system ffmpeg is preferred to the shipped one: a distribution's build receives its decoders' security fixes (the
 * shipped build dates from 2018, and every upload is untrusted input), and Debian's 5.1 reproduces the reference
 * hashes bit for bit. Undefined when none runs.
 */
export async function resolveFfmpeg (settings: FfmpegSettings = {}): Promise<FfmpegTools | undefined> {
  // Asked once per process and settings: every app built (each test file builds several) reuses the answer.
  const key = `${settings.FFMPEG_PATH ?? ''}\0${settings.FFPROBE_PATH ?? ''}`
  let found = resolved.get(key)
  if (found === undefined) {
    found = findFfmpeg(settings)
    resolved.set(key, found)
  }
  return await found
}

const resolved = new Map<string, Promise<FfmpegTools | undefined>>()

async function findFfmpeg (settings: FfmpegSettings): Promise<FfmpegTools | undefined> {
  if (settings.FFMPEG_PATH !== undefined) {
    const version = await versionOf(settings.FFMPEG_PATH)
    if (version === undefined) return undefined
    const sibling = path.join(path.dirname(settings.FFMPEG_PATH), 'ffprobe')
    return {
      ffmpeg: settings.FFMPEG_PATH,
      ffprobe: await probeTool(settings.FFPROBE_PATH, sibling),
      source: 'FFMPEG_PATH',
      version
    }
  }
  const systemVersion = await versionOf('ffmpeg')
  if (systemVersion !== undefined) {
    return {
      ffmpeg: 'ffmpeg',
      ffprobe: await probeTool(settings.FFPROBE_PATH, 'ffprobe'),
      source: 'system',
      version: systemVersion
    }
  }
  const shipped = shippedFfmpeg()
  const shippedVersion = shipped === undefined ? undefined : await versionOf(shipped)
  if (shipped === undefined || shippedVersion === undefined) return undefined
  return {
    ffmpeg: shipped, ffprobe: await probeTool(settings.FFPROBE_PATH, undefined), source: 'npm', version: shippedVersion
  }
}

function shippedFfmpeg (): string | undefined {
  try {
    const installer = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path?: string }
    return installer.path
  } catch {
    return undefined
  }
}

async function probeTool (explicit: string | undefined, fallback: string | undefined): Promise<string | undefined> {
  for (const candidate of [explicit, fallback]) {
    if (candidate === undefined) continue
    if (candidate.includes('/')) {
      try {
        await access(candidate, constants.X_OK)
      } catch {
        continue
      }
    }
    if (await versionOf(candidate) !== undefined) return candidate
  }
  return undefined
}

async function versionOf (executable: string): Promise<string | undefined> {
  try {
    const { code, stdout } = await runTool(
      executable, ['-hide_banner', '-version'], { timeoutMs: 10_000, maxOutputBytes: 64 * 1024 }
    )
    return code === 0 ? stdout.toString('utf8').split('\n')[0].trim() : undefined
  } catch {
    return undefined
  }
}

export interface RunOptions {
  timeoutMs: number
  maxOutputBytes?: number
  signal?: AbortSignal
}

export interface RunResult {
  code: number | null
  stdout: Buffer
  stderr: string
  timedOut: boolean
}

/** Runs a short command (a probe) to completion, collecting its output, under the same limits as decoding. */
export async function runTool (executable: string, args: string[], options: RunOptions): Promise<RunResult> {
  const child = spawnLimited(executable, args)
  const stdout: Buffer[] = []
  let size = 0
  const max = options.maxOutputBytes ?? 1024 * 1024
  child.stdout.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size <= max) stdout.push(chunk)
    else child.kill('SIGKILL')
  })
  const stderr = collectTail(child)
  const outcome = await supervise(child, options)
  return { ...outcome, stdout: Buffer.concat(stdout), stderr: stderr() }
}

export type LimitedChild = ChildProcess & {
  stdout: NodeJS.ReadableStream & import('node:stream').Readable, stderr: import('node:stream').Readable
}

/** Its own process group (detached), so that a kill reaches whatever it started too; no stdin. */
export function spawnLimited (executable: string, args: string[]): LimitedChild {
  return spawn(executable, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] }) as LimitedChild
}

export function killGroup (child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

/** The last 8 KB of stderr: enough for ffmpeg's final error lines, bounded whatever the input makes it print. */
export function collectTail (child: LimitedChild): () => string {
  let tail = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (text: string) => {
    tail = (tail + text).slice(-8192)
  })
  return () => tail
}

/** Resolves when the process has exited, killing its group at the deadline or on abort. */
export async function supervise (
  child: ChildProcess, options: RunOptions
): Promise<{ code: number | null, timedOut: boolean }> {
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    killGroup(child)
  }, options.timeoutMs)
  const onAbort = (): void => { killGroup(child) }
  options.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    return await new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code) => { resolve({ code, timedOut }) })
    })
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', onAbort)
  }
}
