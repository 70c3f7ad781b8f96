// `takedown hash [--json] FILE...`: each file's SHA-256, MD5 and PDQ (images) or vPDQ (videos), computed locally.
// Its arguments are read by commander with the other commands' (src/cli/main.ts).
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { UnsupportedMediaError, hashMedia } from '../media/decode-image.ts'
import { resolveFfmpeg, type FfmpegTools } from '../media/ffmpeg.ts'
import { hashVideoFile } from '../media/hash-video.ts'
import { AppError } from '../lib/errors.ts'
import { formatVpdqText } from '../domain/matching/vpdq.ts'
import { loadConfig } from '../config.ts'

export interface HashIo {
  out: (line: string) => void
  /** Set when a person watches (standard error is a terminal): a long video's progress, rewritten in place. */
  progress?: (text: string) => void
}

/** Hashes each file in turn and resolves to the exit status: 0 all hashed, 1 some file failed. */
export async function hashFiles (
  files: string[], options: { json: boolean }, io: HashIo, env: Record<string, string | undefined>
): Promise<number> {
  const { json } = options
  let failed = false
  let tools: Promise<FfmpegTools | undefined> | undefined
  for (const path of files) {
    try {
      if (await isVideo(path)) {
        tools ??= resolveFfmpeg(loadConfig(env))
        const line = await hashVideo(path, await tools, io)
        const features = formatVpdqText(line.vpdq).trimEnd().split('\n').filter((l) => l !== '').map((l) => `  ${l}`)
        const head = [path, line.sha256, line.md5, 'vpdq', `${line.vpdq.features.length} features`].join('\t')
        io.out(json ? JSON.stringify(line) : [head, ...features].join('\n'))
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

async function hashVideo (path: string, tools: FfmpegTools | undefined, io: HashIo) {
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
      // As the gateway hashes: trimmedHash beside each barred frame's hash (--json shows it; the text lines stay the
      // reference's).
      trimBorders: true,
      // Shown once a video has taken a couple of seconds: short ones print nothing extra.
      ...(progress === undefined
        ? {}
        : {
            onProgress: ({ seconds, durationSeconds }) => {
              if (Date.now() - started < 2000) return
              const total = durationSeconds === undefined
                ? ''
                : ` / ${durationSeconds.toFixed(0)} s (${Math.min(100, Math.round(seconds * 100 / durationSeconds))}%)`
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
