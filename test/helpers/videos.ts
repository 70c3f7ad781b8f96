// Small test videos made with the machine's ffmpeg at test time (lavfi sources), so none is committed.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const run = promisify(execFile)

/** Encodes `seconds` of a lavfi source into `file` (its extension picks the container) and returns the path. */
export async function makeVideo (dir: string, name: string, options: { source?: string, seconds: number, extra?: string[] }): Promise<string> {
  const file = path.join(dir, name)
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', options.source ?? 'testsrc=size=160x120:rate=10', '-t', String(options.seconds),
    '-pix_fmt', 'yuv420p', ...(options.extra ?? []), file])
  return file
}

/** Live Matroska carries no duration: its length is known only by decoding to its end. */
export async function makeUnboundedVideo (dir: string, name: string, seconds: number): Promise<string> {
  const file = path.join(dir, name)
  await run('sh', ['-c', `ffmpeg -v error -f lavfi -i testsrc=size=32x32:rate=1 -t ${seconds} -pix_fmt yuv420p -c:v libx264 -live 1 -f matroska pipe:1 > '${file}'`])
  return file
}

/**
 * A video test file's folders, removed when the file's tests end: `work` for the videos it makes, `uploads` for the
 * gateway's temporary files (MEDIA_TMP_DIR, see `smallVideoLimits`), and what is left in it.
 */
export async function videoFolders (t: { teardown: (fn: () => Promise<void>) => void }, name: string) {
  const work = await mkdtemp(path.join(os.tmpdir(), `takedown-${name}-test-`))
  const uploads = await mkdtemp(path.join(os.tmpdir(), `takedown-${name}-uploads-`))
  t.teardown(async () => {
    await rm(work, { recursive: true, force: true })
    await rm(uploads, { recursive: true, force: true })
  })
  return { work, uploads, leftInTmp: async (): Promise<string[]> => await readdir(uploads) }
}

/** Limits that the test videos fit and hostile ones break quickly: 30 s, 320x240 frames, 2 MB. */
export const smallVideoLimits = (uploads: string): Record<string, string> => ({
  MEDIA_TMP_DIR: uploads,
  MEDIA_VIDEO_MAX_SECONDS: '30',
  MEDIA_VIDEO_MAX_FRAME_PIXELS: String(320 * 240),
  MEDIA_VIDEO_MAX_BYTES: String(2 * 1024 * 1024)
})
