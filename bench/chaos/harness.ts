// What every fault scenario shares: a PostgreSQL cluster of its own (which it may restart, crash, stop or cut off),
// gateway processes on it spoken to over real HTTP, and deadlines on every wait. The retrying load is in load.ts,
// the integrity checks in checks.ts, the TCP proxy that can blackhole the database in proxy.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from '../../scripts/free-port.ts'

/** What SQL text or drizzle's parameter list looks like in a log line. */
const LEAK = /Failed query|params: |\binsert into\b|\bselect .* from\b|\bupdate "?[a-z_]+"? set\b/i

export const ADMIN_KEY = 'chaos-admin-key-0123456789abcdefghijklmnop'
const ROOT = path.resolve(import.meta.dirname, '../..')

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
export { sleep }

/** A wait that ran past its deadline; the scenario reports `message` as a missed goal. */
export class DeadlineMissed extends Error {}

/** Settles as `work` does, or fails with `what` once `ms` have passed. */
export async function withDeadline<T> (what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineMissed(`${what}: not done within ${(ms / 1000).toFixed(0)} s`)), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Polls `check` every `every` ms until it holds; fails with `what` once `ms` have passed. */
export async function waitFor (what: string, ms: number, check: () => boolean | Promise<boolean>, every = 50): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    if (await check()) return
    if (Date.now() >= deadline) throw new DeadlineMissed(`${what}: not seen within ${(ms / 1000).toFixed(0)} s`)
    await sleep(every)
  }
}

function postgresBin (): string {
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/pg_ctl'))) : []
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql')
  versions.sort((a, b) => Number(b) - Number(a))
  return path.join(base, versions[0], 'bin')
}

/** How long one pg_ctl may take (a crash recovery replays the WAL written since the last checkpoint). */
const PG_CTL_DEADLINE_MS = 90_000

/**
 * A throw-away PostgreSQL cluster under /tmp, run as the postgres system user when started as root. Its tools run
 * as child processes the harness waits for without blocking, so a load keeps sending requests meanwhile.
 */
export class Cluster {
  readonly dir: string
  readonly dataDir: string
  private readonly bin = postgresBin()
  private readonly asPostgres = process.getuid?.() === 0

  private constructor (readonly port: number, readonly fsync: boolean) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-pg-'))
    fs.chmodSync(this.dir, 0o755)
    this.dataDir = path.join(this.dir, 'data')
  }

  /** `fsync`: on for the scenarios that crash the server, where an acknowledged commit must survive the crash. */
  static async create ({ fsync = false } = {}): Promise<Cluster> {
    const cluster = new Cluster(await freePort(), fsync)
    if (cluster.asPostgres) spawnSync('chown', ['postgres:postgres', cluster.dir])
    await cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
    fs.appendFileSync(path.join(cluster.dataDir, 'postgresql.conf'),
      `\nport = ${cluster.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${cluster.dir}'\nfsync = ${fsync ? 'on' : 'off'}\nmax_connections = 200\n`)
    await cluster.start()
    return cluster
  }

  url (database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  private run (tool: string, args: string[]): Promise<void> {
    const command = path.join(this.bin, tool)
    const child = this.asPostgres
      ? spawn('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
    const done = new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', (code) => { code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} failed (${code}): ${output.slice(-2000)}`)) })
    })
    return withDeadline(`${tool} ${args.join(' ')}`, PG_CTL_DEADLINE_MS, done).catch((error) => {
      child.kill('SIGKILL')
      throw error
    })
  }

  private get logFile (): string { return path.join(this.dir, 'log') }

  /**
   * Starts the server and waits until it accepts connections. After a kill -9 of the postmaster its orphaned
   * backends hold the shared memory for a moment and refuse a new postmaster, so it is tried again until `ms`.
   */
  async start (ms = PG_CTL_DEADLINE_MS): Promise<void> {
    const deadline = Date.now() + ms
    for (;;) {
      try {
        return await this.run('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-w', 'start'])
      } catch (error) {
        if (Date.now() >= deadline) throw error
        await sleep(250)
      }
    }
  }

  async stop (mode: 'fast' | 'immediate' = 'fast'): Promise<void> { await this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']) }
  async restart (): Promise<void> { await this.run('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-m', 'fast', '-w', 'restart']) }

  /** kill -9 of the postmaster: no shutdown of any kind; the next start runs crash recovery. */
  async killPostmaster (): Promise<void> {
    const pid = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    process.kill(pid, 'SIGKILL')
    await waitFor(`postmaster ${pid} gone after kill -9`, 10_000, () => {
      try { process.kill(pid, 0); return false } catch { return true }
    }, 20)
  }

  async createDatabase (name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url(), connectionTimeoutMillis: 10_000 })
    await client.connect()
    try {
      await client.query(`drop database if exists ${name}`)
      await client.query(`create database ${name}`)
    } finally {
      await client.end()
    }
    return this.url(name)
  }

  destroy (): void {
    const stop = spawnSync(this.asPostgres ? 'runuser' : path.join(this.bin, 'pg_ctl'),
      [...(this.asPostgres ? ['-u', 'postgres', '--', path.join(this.bin, 'pg_ctl')] : []), '-D', this.dataDir, '-m', 'immediate', '-w', 'stop'], { timeout: 60_000 })
    void stop
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

/** A gateway process (node src/server.ts) on a port of its own, which can be killed and started again. */
export class Gateway {
  /** Every gateway started, so that a run cut short by a deadline leaves none behind. */
  static readonly started = new Set<Gateway>()
  child: ChildProcess | null = null
  exits: Array<{ code: number | null, signal: NodeJS.Signals | null }> = []
  /** Exits the run did not cause (a crash). */
  unexpectedExits = 0
  private stopping = false
  private stderr = ''
  /** Log chunks that carried SQL text or query parameters. */
  leaks = 0

  private constructor (readonly port: number, private readonly env: Record<string, string>) {}

  static async start (databaseUrl: string, env: Record<string, string> = {}, dataDir?: string): Promise<Gateway> {
    const gateway = new Gateway(await freePort(), {
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_KEY: ADMIN_KEY,
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-gw-')),
      DEADLINE_SWEEP_SECONDS: '5',
      ...env
    })
    Gateway.started.add(gateway)
    await gateway.launch()
    return gateway
  }

  get base (): string { return `http://127.0.0.1:${this.port}` }
  get alive (): boolean { return this.child !== null && this.child.exitCode === null && this.child.signalCode === null }
  /** The last lines the process logged (its warnings and errors). */
  get log (): string { return this.stderr }

  /** Starts the process; `waitReady` waits until it answers (it waits for its database itself). */
  async launch (waitReady = true): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString()
      if (LEAK.test(text)) this.leaks++
      this.stderr = (this.stderr + text).slice(-20_000)
    }
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    child.on('exit', (code, signal) => {
      this.exits.push({ code, signal })
      if (!this.stopping) this.unexpectedExits++
    })
    this.stopping = false
    this.child = child
    if (waitReady) await this.waitListening()
  }

  async waitListening (timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`gateway exited during start-up: ${this.stderr.slice(-2000)}`)
      try {
        if ((await fetch(`${this.base}/health/live`, { signal: AbortSignal.timeout(5_000) })).ok) return
      } catch {}
      await sleep(100)
    }
    throw new DeadlineMissed(`the gateway did not start listening within ${(timeoutMs / 1000).toFixed(0)} s: ${this.stderr.slice(-1000)}`)
  }

  /** kill -9: no chance to finish anything. */
  async kill9 (): Promise<void> {
    const child = this.child
    if (!child || !this.alive) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    this.stopping = true
    child.kill('SIGKILL')
    await withDeadline('the gateway\'s exit after SIGKILL', 30_000, exited)
  }

  async stop (): Promise<void> {
    const child = this.child
    if (!child || !this.alive) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    this.stopping = true
    child.kill('SIGTERM')
    await Promise.race([exited, sleep(15_000)])
    if (this.alive) await this.kill9()
  }
}

/** How long one HTTP request of the harness may take before it counts as unanswered. */
export const REQUEST_DEADLINE_MS = 30_000

export async function api (base: string, key: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: signal ?? AbortSignal.timeout(REQUEST_DEADLINE_MS)
  })
}

export async function createClient (base: string, role: string, name = `chaos ${role}`, platform?: string): Promise<{ id: string, apiKey: string }> {
  const res = await api(base, ADMIN_KEY, 'POST', '/v1/clients', { name, role, ...(platform ? { platform } : {}) })
  if (res.status !== 201) throw new Error(`client creation failed: ${res.status} ${await res.text()}`)
  return await res.json() as { id: string, apiKey: string }
}

/** The message of a failure: a missed deadline says what it waited for; anything else is reported with its stack. */
export function failureOf (error: unknown): string {
  return error instanceof DeadlineMissed ? error.message : String((error as Error)?.stack ?? error)
}
