// Shared benchmark plumbing: a fresh database, a server in a child process, and an autocannon run.
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import autocannon from 'autocannon'

export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)

export async function freshDatabase (prefix: string): Promise<{ url: string, drop: () => Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: SERVER_URL })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(SERVER_URL)
  url.pathname = '/' + name
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: SERVER_URL })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
}

/** Refreshes the planner's statistics, as autovacuum does on a database in service but not within seconds. */
export async function analyze (url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('analyze')
  await client.end()
}

/**
 * Leaves a database as it would be in steady service: the dead rows and the WAL of a load just run are cleaned
 * up and flushed now, rather than by autovacuum and a checkpoint in the middle of the next measurement.
 */
export async function settle (url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('vacuum (analyze)')
  await client.query('checkpoint')
  await client.end()
}

/** Stops a server started by startProcess and waits until it has exited. */
export async function stopProcess (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}

/**
 * Node flags for every server a benchmark starts, the gateway and its baseline alike: the ones `npm start` uses.
 * A young generation that starts at 16 MB and may grow to 64 MB keeps a busy server's short-lived request objects
 * from being promoted, and scavenges less often: at half the maximum intake the open loop's p99 was 25-72 ms
 * (median 34) with the 64 MB cap against 39-90 ms (median 46) with V8's default, in six alternating pairs.
 */
const SERVER_NODE_FLAGS = ['--min-semi-space-size=16', '--max-semi-space-size=64']

/** Starts a TypeScript entry point in its own process and resolves once it answers on the port. */
export async function startProcess (entry: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', path.resolve(entry)], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/live`)
      if (res.ok) return child
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill()
  throw new Error(`${entry} did not start`)
}

export interface LoadResult {
  name: string
  rps: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  /** How many answers had each status code (closed loops only). */
  statuses?: Record<string, number>
  /** CPU milliseconds per answered request, of the server process and of the whole machine (open loops only). */
  cpu?: { server: number | null, machine: number }
}

export async function load (name: string, options: autocannon.Options): Promise<LoadResult> {
  const result = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options })
  if (process.env.BENCH_DEBUG) console.log(name, JSON.stringify(result.statusCodeStats))
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]))
  }
}

/** The middle value (the upper of the two middle ones for an even count); 0 for none. */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

export interface Comparison {
  baseline: LoadResult
  subject: LoadResult
  /** The subject's throughput over the baseline's, round by round. */
  ratios: number[]
}

/**
 * Runs each subject once per round, ROUNDS rounds, so that a slow stretch of a shared machine falls on all alike;
 * the order turns by one place each round, so no subject always runs straight after another. Answers each
 * subject's results, round by round, in the order the subjects were given.
 */
export async function inTurns<T> (subjects: Array<() => Promise<T>>, rounds = ROUNDS): Promise<T[][]> {
  const runs: T[][] = subjects.map(() => [])
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const s = (k + round) % subjects.length
      runs[s].push(await subjects[s]())
    }
  }
  return runs
}

/** One row for a subject's rounds: each figure the median over the rounds, except p99, the worst round's. */
export function summary (results: LoadResult[]): LoadResult {
  return {
    name: results[0].name,
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    statuses: results.reduce<Record<string, number>>((sum, r) => {
      for (const [status, n] of Object.entries(r.statuses ?? {})) sum[status] = (sum[status] ?? 0) + n
      return sum
    }, {})
  }
}

/** Loads the baseline and the subject in turns (inTurns); figures as summary gives them. */
export async function compare (baseline: [string, autocannon.Options], subject: [string, autocannon.Options]): Promise<Comparison> {
  const runs = await inTurns([async () => await load(...baseline), async () => await load(...subject)])
  return { baseline: summary(runs[0]), subject: summary(runs[1]), ratios: runs[1].map((r, i) => r.rps / runs[0][i].rps) }
}

/** The table of medians, the ratio round by round, and the median ratio (what a goal is judged by). */
export function printComparison ({ baseline, subject, ratios }: Comparison): number {
  printTable([baseline, subject], baseline)
  const ratio = median(ratios)
  console.log(`${ROUNDS} alternating rounds of ${SECONDS} s; ratio by round: ${ratios.map((r) => r.toFixed(2) + 'x').join(' ')}; median ${ratio.toFixed(2)}x`)
  return ratio
}

export function printTable (rows: LoadResult[], baseline: LoadResult): void {
  const line = (cells: Array<string | number>) => cells.map((c, i) => String(c).padStart(i === 0 ? 28 : 11)).join(' ')
  const withCpu = rows.some((r) => r.cpu !== undefined)
  const cpuCells = (r: LoadResult): string[] => withCpu ? [r.cpu?.server?.toFixed(2) ?? '-', r.cpu?.machine.toFixed(2) ?? '-'] : []
  console.log(line(['', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'vs baseline', ...(withCpu ? ['server CPU', 'machine CPU'] : [])]))
  for (const r of rows) {
    console.log(line([r.name, r.rps.toFixed(0), r.p50, r.p99, r.errors, r.non2xx, (r.rps / baseline.rps).toFixed(2) + 'x', ...cpuCells(r)]))
  }
  if (withCpu) console.log(`${''.padStart(28)} (CPU columns: ms of CPU per answered request, the server process's and the whole machine's)`)
}

export interface OpenLoopTarget {
  url: string
  method: string
  path: string
  /** The same for every request, or made for each (an Idempotency-Key of its own). */
  headers: Record<string, string> | (() => Record<string, string>)
  body: () => string
}

/** CPU time the machine has spent busy, all cores together, in ms. */
function machineCpuMs (): number {
  return os.cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0)
}

/** CPU time a process has used (user and system), in ms; null where /proc is not there to tell. */
function processCpuMs (pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

/**
 * An open loop: `rate` requests a second, evenly spaced, each sent at its time whether or not earlier ones have
 * been answered (on as many keep-alive connections as that takes). Latency counts from the time a request was
 * due, so a stall of the load generator itself shows instead of hiding. (autocannon's overallRate is a quota per
 * connection and second: requests start in bursts at each second and wait for a free connection.)
 */
export async function openLoop (name: string, target: OpenLoopTarget, rate: number, seconds = SECONDS, serverPid?: number): Promise<LoadResult> {
  const server0 = serverPid === undefined ? null : processCpuMs(serverPid)
  const machine0 = machineCpuMs()
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })
  const base = new URL(target.url)
  const latencies: number[] = []
  let errors = 0
  let non2xx = 0
  const send = (due: number) => new Promise<void>((resolve) => {
    const body = target.body()
    const headers = typeof target.headers === 'function' ? target.headers() : target.headers
    const req = http.request({ host: base.hostname, port: base.port, method: target.method, path: target.path, agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume()
      res.on('end', () => {
        latencies.push(performance.now() - due)
        if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) non2xx++
        resolve()
      })
    })
    req.on('error', () => { errors++; resolve() })
    req.end(body)
  })
  const total = Math.round(rate * seconds)
  const start = performance.now()
  const pending: Array<Promise<void>> = []
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    pending.push(send(due))
  }
  await Promise.all(pending)
  const elapsed = (performance.now() - start) / 1000
  const server1 = serverPid === undefined ? null : processCpuMs(serverPid)
  const perRequest = (ms: number): number => ms / Math.max(1, latencies.length)
  const cpu = { server: server0 === null || server1 === null ? null : perRequest(server1 - server0), machine: perRequest(machineCpuMs() - machine0) }
  agent.destroy()
  const sorted = latencies.sort((a, b) => a - b)
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0)
  return { name, rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, non2xx, cpu }
}
