// The takedown command line: `takedown hash [--json] FILE...` prints each file's SHA-256, MD5 and PDQ hash.
import { readFile } from 'node:fs/promises'
import { UnsupportedMediaError, hashMedia } from '../media/decode-image.ts'

const USAGE = `usage: takedown hash [--json] FILE...

  Prints one line per file: PATH<TAB>sha256<TAB>md5<TAB>pdq<TAB>quality, or PATH<TAB>error: message.
  --json   one JSON object per line instead: { path, sha256, md5, pdq: { hash, quality } } or { path, error }
  Exit status: 0 all hashed, 1 some file failed, 2 usage error.
`

export interface CliIo {
  out: (line: string) => void
  err: (text: string) => void
}

const processIo: CliIo = {
  out: (line) => { process.stdout.write(`${line}\n`) },
  err: (text) => { process.stderr.write(text) }
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
  for (const path of files) {
    try {
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

function describe (err: unknown): string {
  if (err instanceof UnsupportedMediaError) return err.message
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'is a directory'
  if (code === 'EACCES') return 'permission denied'
  return err instanceof Error ? err.message : String(err)
}
