// Runs the takedown CLI as a real child process (bin/takedown.js), as `npx takedown` would run it.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Test } from 'tap'
import { build, type TestContext } from '../helper.ts'

const BIN = fileURLToPath(new URL('../../bin/takedown.js', import.meta.url))

export interface Run { code: number | null, stdout: string, stderr: string }

/** A command still running after this long is killed, and its run ends with a note on stderr instead of hanging. */
const DEADLINE_MS = 120_000

export function start (args: string[], env: Record<string, string>): { child: ChildProcess, output: () => Run, done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8') })
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8') })
  const deadline = setTimeout(() => {
    stderr += `\n[killed: takedown ${args.join(' ')} still running after ${DEADLINE_MS / 1000} s]\n`
    child.kill('SIGKILL')
  }, DEADLINE_MS)
  const done = new Promise<Run>((resolve) => child.on('close', (code) => {
    clearTimeout(deadline)
    resolve({ code, stdout, stderr })
  }))
  return { child, output: () => ({ code: null, stdout, stderr }), done }
}

export const run = async (args: string[], env: Record<string, string> = {}): Promise<Run> => await start(args, env).done

export interface LiveGateway {
  ctx: TestContext
  url: string
  /** An authority client's key, and the environment that points the CLI at the gateway with it. */
  authority: string
  env: Record<string, string>
  /** A temporary folder for the files a test hands the CLI, removed after the test. */
  dir: string
}

/** The gateway listening on a free port for the CLI to call; `beforeListen` may add hooks first. */
export async function liveGateway (t: Test, beforeListen: (ctx: TestContext) => void = () => {}): Promise<LiveGateway> {
  const ctx = await build(t)
  beforeListen(ctx)
  const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const authority = await ctx.clientKey('authority')
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-cli-'))
  t.teardown(async () => { await fs.rm(dir, { recursive: true, force: true }) })
  return { ctx, url, authority, env: { TAKEDOWN_URL: url, TAKEDOWN_KEY: authority }, dir }
}
