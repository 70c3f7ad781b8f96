// Small test videos made with the machine's ffmpeg at test time (lavfi sources), so none is committed.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
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
