// Runs the takedown CLI as a real child process (bin/takedown.js), as `npx takedown` would run it.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/takedown.js', import.meta.url))

export interface Run { code: number | null, stdout: string, stderr: string }

export function start (args: string[], env: Record<string, string>): { child: ChildProcess, output: () => Run, done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8') })
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8') })
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
  return { child, output: () => ({ code: null, stdout, stderr }), done }
}

export const run = async (args: string[], env: Record<string, string> = {}): Promise<Run> => await start(args, env).done
