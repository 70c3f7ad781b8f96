// What every fault scenario shares: a PostgreSQL cluster of its own (which it may restart, stop or kill), gateway
// processes on it spoken to over real HTTP, and a load of report submissions that retry until acknowledged.
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

function postgresBin (): string {
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/pg_ctl'))) : []
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql')
  versions.sort((a, b) => Number(b) - Number(a))
  return path.join(base, versions[0], 'bin')
}

/** A throw-away PostgreSQL cluster under /tmp, run as the postgres system user when started as root. */
export class Cluster {
  readonly dir: string
  readonly dataDir: string
  private readonly bin = postgresBin()
  private readonly asPostgres = process.getuid?.() === 0

  private constructor (readonly port: number) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-pg-'))
    fs.chmodSync(this.dir, 0o755)
    this.dataDir = path.join(this.dir, 'data')
  }

  static async create (): Promise<Cluster> {
    const cluster = new Cluster(await freePort())
    if (cluster.asPostgres) spawnSync('chown', ['postgres:postgres', cluster.dir])
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
    fs.appendFileSync(path.join(cluster.dataDir, 'postgresql.conf'),
      `\nport = ${cluster.port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${cluster.dir}'\nfsync = off\nmax_connections = 200\n`)
    cluster.start()
    return cluster
  }

  url (database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`
  }

  private run (tool: string, args: string[]): void {
    const command = path.join(this.bin, tool)
    const result = this.asPostgres
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`)
  }

  start (): void { this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'log'), '-w', 'start']) }
  stop (mode: 'fast' | 'immediate' = 'fast'): void { this.run('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']) }
  restart (): void { this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'log'), '-m', 'fast', '-w', 'restart']) }

  async createDatabase (name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() })
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
    try { this.stop('immediate') } catch {}
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

/** A gateway process (node src/server.ts) on a port of its own, which can be killed and started again. */
export class Gateway {
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
        if ((await fetch(`${this.base}/health/live`)).ok) return
      } catch {}
      await sleep(100)
    }
    throw new Error('gateway did not start listening')
  }

  /** kill -9: no chance to finish anything. */
  async kill9 (): Promise<void> {
    const child = this.child
    if (!child || !this.alive) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    this.stopping = true
    child.kill('SIGKILL')
    await exited
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

export async function api (base: string, key: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(base + url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
}

export async function createClient (base: string, role: string, name = `chaos ${role}`, platform?: string): Promise<{ id: string, apiKey: string }> {
  const res = await api(base, ADMIN_KEY, 'POST', '/v1/clients', { name, role, ...(platform ? { platform } : {}) })
  if (res.status !== 201) throw new Error(`client creation failed: ${res.status} ${await res.text()}`)
  return await res.json() as { id: string, apiKey: string }
}

export function reportBody (ref: string, serial: number): Record<string, unknown> {
  return {
    externalRef: ref,
    category: 'terrorism',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'Calls for violence against civilians.',
    urgency: 'normal',
    items: [
      { url: `https://t.me/chaos_channel/${serial}`, contentType: 'video' },
      { url: `https://www.tiktok.com/@chaos/video/${7_100_000_000_000 + serial}`, contentType: 'video' }
    ]
  }
}

/** Every answer a load saw, by kind; `other` lists the unexpected ones. */
export interface LoadFigures {
  acknowledged: Map<string, string>
  statuses: Map<string, number>
  other: string[]
  /** Answers 503 without a Retry-After header. */
  missingRetryAfter: number
  /** When each acknowledgement arrived (ms since the epoch). */
  ackTimes: number[]
  /** Acknowledgements that replayed an answer committed before (the first attempt's answer was lost). */
  replayed: number
}

/**
 * Writers that each submit reports one after another, every one under its own Idempotency-Key, retrying the same
 * key and body (after a short pause) until it is acknowledged with a 201 — as a careful client does through
 * faults. `targets` gives the gateways' base URLs at the moment of each attempt.
 */
export class ReportLoad {
  readonly figures: LoadFigures = { acknowledged: new Map(), statuses: new Map(), other: [], missingRetryAfter: 0, ackTimes: [], replayed: 0 }
  private stopping = false
  private readonly writers: Array<Promise<void>> = []
  private serial = 0

  constructor (private readonly targets: () => string[], private readonly key: string, private readonly tag: string) {}

  start (writers: number): void {
    for (let w = 0; w < writers; w++) this.writers.push(this.write(w))
  }

  /** Stops after each writer's report in progress is acknowledged. */
  async stop (): Promise<void> {
    this.stopping = true
    await Promise.all(this.writers)
  }

  private count (status: string): void {
    this.figures.statuses.set(status, (this.figures.statuses.get(status) ?? 0) + 1)
  }

  private async write (writer: number): Promise<void> {
    while (!this.stopping) {
      const serial = ++this.serial
      const ref = `CHAOS-${this.tag}-${writer}-${serial}`
      const body = reportBody(ref, serial + writer * 1_000_000 + hashTag(this.tag))
      for (let attempt = 0; ; attempt++) {
        const targets = this.targets()
        const base = targets[attempt % targets.length]
        try {
          const res = await api(base, this.key, 'POST', '/v1/reports', body, { 'idempotency-key': ref })
          const text = await res.text()
          this.count(String(res.status))
          if (res.status === 201) {
            this.figures.acknowledged.set(ref, (JSON.parse(text) as { id: string }).id)
            this.figures.ackTimes.push(Date.now())
            if (res.headers.get('idempotent-replayed') === 'true') this.figures.replayed++
            break
          }
          if (res.status === 503 && !res.headers.get('retry-after')) this.figures.missingRetryAfter++
          if (res.status !== 503 && res.status !== 409) this.figures.other.push(`${res.status} ${text.slice(0, 300)}`)
        } catch {
          this.count('no answer')
        }
        await sleep(100)
      }
    }
  }
}

function hashTag (tag: string): number {
  let h = 0
  for (const c of tag) h = (h * 31 + c.charCodeAt(0)) % 100_000
  return h * 10_000
}

/** What the database holds after a load: lost and duplicated reports, reference-number gaps. */
export async function checkIntegrity (databaseUrl: string, figures: LoadFigures, tag: string): Promise<{ lost: number, duplicated: number, gaps: number, notices: number }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ external_ref: string, n: number }>(
      'select external_ref, count(*)::int as n from reports where external_ref like $1 group by external_ref', [`CHAOS-${tag}-%`])
    const stored = new Map(rows.map((r) => [r.external_ref, r.n]))
    let lost = 0
    for (const ref of figures.acknowledged.keys()) if (!stored.has(ref)) lost++
    const duplicated = rows.filter((r) => r.n > 1).reduce((sum, r) => sum + r.n - 1, 0)
    const { rows: serials } = await client.query<{ platform: string, reference_number: string }>('select platform, reference_number from notices')
    const byPrefix = new Map<string, number[]>()
    for (const { reference_number: ref } of serials) {
      const cut = ref.lastIndexOf('-')
      const list = byPrefix.get(ref.slice(0, cut)) ?? []
      list.push(Number(ref.slice(cut + 1)))
      byPrefix.set(ref.slice(0, cut), list)
    }
    let gaps = 0
    for (const list of byPrefix.values()) {
      list.sort((a, b) => a - b)
      list.forEach((n, i) => { if (n !== i + 1) gaps++ })
    }
    return { lost, duplicated, gaps, notices: serials.length }
  } finally {
    await client.end()
  }
}

/** Verifies notices' signatures through the gateway (JWKS and compact JWS), a sample of `sample` at most. */
export async function checkSignatures (base: string, key: string, databaseUrl: string, sample = 100): Promise<{ checked: number, invalid: number }> {
  const { compactVerify, importJWK } = await import('jose')
  const jwks = await (await fetch(`${base}/.well-known/jwks.json`)).json() as { keys: Array<Record<string, unknown> & { kid: string }> }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const { rows } = await client.query<{ id: string }>('select id from notices order by random() limit $1', [sample])
  await client.end()
  let invalid = 0
  for (const { id } of rows) {
    const res = await api(base, key, 'GET', `/v1/notices/${id}/signature`)
    try {
      const { jws } = await res.json() as { jws: string }
      const kid = (JSON.parse(Buffer.from(jws.split('.')[0], 'base64url').toString()) as { kid: string }).kid
      const jwk = jwks.keys.find((k) => k.kid === kid)
      if (!jwk) throw new Error('unknown kid')
      await compactVerify(jws, await importJWK(jwk, 'EdDSA'))
    } catch {
      invalid++
    }
  }
  return { checked: rows.length, invalid }
}

/** The audit trail's hash chain, once every entry is sealed. */
export async function checkAuditChain (base: string, databaseUrl: string): Promise<{ intact: boolean, checked: number, unsealed: number }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  let unsealed = 0
  try {
    for (let i = 0; i < 100; i++) {
      unsealed = (await client.query<{ n: number }>('select count(*)::int as n from audit_entries where position is null')).rows[0].n
      if (unsealed === 0) break
      await sleep(200)
    }
  } finally {
    await client.end()
  }
  const res = await api(base, ADMIN_KEY, 'GET', '/v1/audit/verify')
  const result = await res.json() as { intact: boolean, checked: number }
  return { ...result, unsealed }
}

export function printFigures (title: string, figures: Record<string, unknown>): void {
  console.log(`\n${title}`)
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(38)} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
}

export function statusSummary (figures: LoadFigures): Record<string, number> {
  return Object.fromEntries([...figures.statuses.entries()].sort())
}

/** Background work resumed: every event numbered by the feed's sequencer within `ms` (0 when it never was). */
export async function waitEventsNumbered (databaseUrl: string, ms = 20_000): Promise<{ unnumbered: number, waitedMs: number }> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const started = Date.now()
  try {
    for (;;) {
      const unnumbered = (await client.query<{ n: number }>('select count(*)::int as n from notice_events where position is null')).rows[0].n
      if (unnumbered === 0 || Date.now() - started > ms) return { unnumbered, waitedMs: Date.now() - started }
      await sleep(100)
    }
  } finally {
    await client.end()
  }
}
