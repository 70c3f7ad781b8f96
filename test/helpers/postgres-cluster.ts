// A small throw-away PostgreSQL cluster of a test's own, for a server setting the shared server lacks (the
// machine's PostgreSQL is never reconfigured or restarted by the tests). It is made with the system's initdb and
// pg_ctl, run as the postgres system user when the tests run as root (PostgreSQL refuses root), under the system
// temp folder, which that user can reach, and removed by `destroy`. bench/chaos/harness.ts makes its clusters so.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../scripts/free-port.ts'

/** Each PostgreSQL program gets this long before the cluster is given up on. */
const STEP_TIMEOUT_MS = 60_000

/** The newest server programs under /usr/lib/postgresql, or null when the machine has none. */
export function systemPostgresBin (): string | null {
  const base = '/usr/lib/postgresql'
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/pg_ctl'))) : []
  if (versions.length === 0) return null
  versions.sort((a, b) => Number(b) - Number(a))
  return path.join(base, versions[0], 'bin')
}

function idOf (flag: '-u' | '-g'): number {
  const id = String(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8', timeout: 5000 }).stdout ?? '').trim()
  if (!/^\d+$/.test(id)) throw new Error('there is no postgres system user to run PostgreSQL as')
  return Number(id)
}

export interface OwnCluster {
  /** A superuser URL (trust authentication, loopback only) of the cluster's `postgres` database. */
  url: string
  destroy: () => void
}

export async function startOwnCluster (bin: string, settings: Record<string, string>): Promise<OwnCluster> {
  const asPostgres = process.getuid?.() === 0
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'takedown-test-cluster-'))
  fs.chmodSync(dir, 0o755)
  const dataDir = path.join(dir, 'data')
  const run = (tool: string, args: string[]): void => {
    const command = path.join(bin, tool)
    const result = asPostgres
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8', timeout: STEP_TIMEOUT_MS })
      : spawnSync(command, args, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS })
    if (result.status !== 0) {
      const why = result.error?.message ?? result.stderr ?? result.stdout
      throw new Error(`${tool} ${args.join(' ')} failed (status ${result.status}, signal ${result.signal}): ${why}`)
    }
  }
  let started = false
  const destroy = (): void => {
    try {
      if (started) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop'])
    } catch {
      // Nothing is left to stop when the start failed; the folder goes all the same.
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  try {
    if (asPostgres) fs.chownSync(dir, idOf('-u'), idOf('-g'))
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
    const port = await freePort()
    const conf = {
      port: String(port), listen_addresses: "'127.0.0.1'", unix_socket_directories: `'${dir}'`, fsync: 'off', max_connections: '20', ...settings
    }
    fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), '\n' + Object.entries(conf).map(([k, v]) => `${k} = ${v}\n`).join(''))
    started = true
    run('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start'])
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, destroy }
  } catch (error) {
    destroy()
    throw error
  }
}
