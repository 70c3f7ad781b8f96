// The takedown command line: `takedown hash [--json] FILE...` prints each file's SHA-256, MD5 and PDQ (images) or
// vPDQ (videos).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { UnsupportedMediaError, hashMedia } from '../media/decode-image.ts'
import { resolveFfmpeg, type FfmpegTools } from '../media/ffmpeg.ts'
import { hashVideoFile } from '../media/hash-video.ts'
import { AppError } from '../lib/errors.ts'
import { formatVpdqText } from '../domain/vpdq.ts'
import { loadConfig } from '../config.ts'

const USAGE = `usage: takedown hash [--json] FILE...

  Prints one line per file: PATH<TAB>sha256<TAB>md5<TAB>pdq<TAB>quality, or PATH<TAB>error: message.
  A video (MP4, QuickTime, WebM, Matroska) prints PATH<TAB>sha256<TAB>md5<TAB>vpdq<TAB>N features, then one
  line per feature, indented: frame,quality,pdq,timestamp (one frame per second, as HMA hashes videos).
  --json   one JSON object per line instead: { path, sha256, md5, pdq: { hash, quality } } for an image,
           { path, sha256, md5, vpdq: { secondsPerHash, frameRate, durationSeconds, features } } for a video,
           or { path, error }
  Videos are decoded with FFMPEG_PATH, else the ffmpeg on PATH, else the one the npm package ships.
  Exit status: 0 all hashed, 1 some file failed, 2 usage error.
`

export interface CliIo {
  out: (line: string) => void
  err: (text: string) => void
  /** Set when a person watches (standard error is a terminal): a long video's progress, rewritten in place. */
  progress?: (text: string) => void
}

const processIo: CliIo = {
  out: (line) => { process.stdout.write(`${line}\n`) },
  err: (text) => { process.stderr.write(text) },
  ...(process.stderr.isTTY ? { progress: (text: string) => { process.stderr.write(`\r\x1b[K${text}`) } } : {})
}

/** Runs the CLI and resolves to its exit status. */
export async function main (argv: string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === '--help' || command === '-h') {
    io.out(USAGE.trimEnd())
    return 0
  }
  if (command !== 'hash') {
    io.err(`${command === undefined ? 'missing command' : `unknown command: ${command}`}\n${USAGE}`)
    return 2
  }
  let json = false
  const files: string[] = []
  const unknown: string[] = []
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (arg === '--') {
      files.push(...rest.slice(i + 1))
      break
    }
    if (arg === '--json') json = true
    else if (arg.startsWith('-') && arg !== '-') unknown.push(arg)
    else files.push(arg)
  }
  if (unknown.length > 0 || files.length === 0) {
    io.err(`${unknown.length > 0 ? `unknown option: ${unknown[0]}` : 'no files given'}\n${USAGE}`)
    return 2
  }
  let failed = false
  let tools: Promise<FfmpegTools | undefined> | undefined
  for (const path of files) {
    try {
      if (await isVideo(path)) {
        tools ??= resolveFfmpeg(loadConfig(process.env))
        const line = await hashVideo(path, await tools, io)
        io.out(json ? JSON.stringify(line) : [[path, line.sha256, line.md5, 'vpdq', `${line.vpdq.features.length} features`].join('\t'),
          ...formatVpdqText(line.vpdq).trimEnd().split('\n').filter((l) => l !== '').map((l) => `  ${l}`)].join('\n'))
        continue
      }
      const h = await hashMedia(await readFile(path))
      io.out(json
        ? JSON.stringify({ path, sha256: h.sha256, md5: h.md5, pdq: h.pdq })
        : [path, h.sha256, h.md5, h.pdq.hash, h.pdq.quality].join('\t'))
    } catch (err) {
      failed = true
      const error = describe(err)
      io.out(json ? JSON.stringify({ path, error }) : `${path}\terror: ${error}`)
    }
  }
  return failed ? 1 : 0
}

// MP4 and QuickTime open with a box type at byte 4, Matroska and WebM with the EBML magic number.
async function isVideo (path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(12), 0, 12, 0)
    if (bytesRead < 8) return false
    if (buffer.readUInt32BE(0) === 0x1a45dfa3) return true
    return ['ftyp', 'moov', 'mdat', 'free', 'wide', 'skip', 'pnot'].includes(buffer.toString('latin1', 4, 8))
  } finally {
    await file.close()
  }
}

async function hashVideo (path: string, tools: FfmpegTools | undefined, io: CliIo) {
  if (tools === undefined) throw new Error('no ffmpeg found: install one or set FFMPEG_PATH')
  const sha256 = createHash('sha256')
  const md5 = createHash('md5')
  for await (const chunk of createReadStream(path)) {
    sha256.update(chunk as Buffer)
    md5.update(chunk as Buffer)
  }
  const progress = io.progress
  const started = Date.now()
  try {
    const vpdq = await hashVideoFile(path, {
      tools,
      // As the gateway hashes: trimmedHash beside each barred frame's hash (--json shows it; the text lines stay the reference's).
      trimBorders: true,
      // Shown once a video has taken a couple of seconds: short ones print nothing extra.
      ...(progress === undefined
        ? {}
        : {
            onProgress: ({ seconds, durationSeconds }) => {
              if (Date.now() - started < 2000) return
              const total = durationSeconds === undefined ? '' : ` / ${durationSeconds.toFixed(0)} s (${Math.min(100, Math.round(seconds * 100 / durationSeconds))}%)`
              progress(`${path}: ${seconds.toFixed(0)} s${total}`)
            }
          })
    })
    return { path, sha256: sha256.digest('hex'), md5: md5.digest('hex'), vpdq }
  } finally {
    if (progress !== undefined && Date.now() - started >= 2000) progress('')
  }
}

function describe (err: unknown): string {
  if (err instanceof UnsupportedMediaError) return err.message
  if (err instanceof AppError) return err.detail ?? err.title
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES') return 'permission denied'
  return err instanceof Error ? err.message : String(err)
}
