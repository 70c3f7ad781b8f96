// A real PostgreSQL database of its own for each test file, cloned from a migrated template.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { MIGRATIONS_DIR, migrateDatabase } from '../../src/db/migrate.ts'
import { createPool } from '../../src/db/index.ts'
import { grantServiceRole } from '../../src/db/roles.ts'

const ROOT = path.resolve(MIGRATIONS_DIR, '..')
const TEMPLATE_LOCK = 7_310_900

/** The template is rebuilt whenever a migration or the seed data changes. */
function templateName (): string {
  const hash = crypto.createHash('sha256')
  const files = [
    ...fs.readdirSync(MIGRATIONS_DIR, { recursive: true }).map((f) => path.join(MIGRATIONS_DIR, String(f))),
    'src/db/seed.ts', 'src/domain/platforms.ts', 'src/domain/notices/legal-bases.ts'
  ].map((f) => path.resolve(ROOT, f)).filter((f) => fs.statSync(f).isFile()).sort()
  for (const file of files) hash.update(file).update(fs.readFileSync(file))
  return `takedown_tpl_${hash.digest('hex').slice(0, 16)}`
}

export function serverUrl (): string {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL is not set: run the suite with `npm test`, which provides a database')
  return url
}

export function databaseUrl (name: string): string {
  const url = new URL(serverUrl())
  url.pathname = '/' + name
  return url.toString()
}

async function withAdmin<T> (fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function ensureTemplate (): Promise<string> {
  const name = templateName()
  await withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK])
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [name])
      if (found.rowCount === 1) return
      await admin.query(`create database ${name}`)
      const pool = createPool(databaseUrl(name), 2)
      try {
        await migrateDatabase(pool)
      } finally {
        await pool.end()
      }
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK])
    }
  })
  return name
}

export interface TestDatabase {
  name: string
  url: string
  drop: () => Promise<void>
}

export async function createTestDatabase (): Promise<TestDatabase> {
  const template = await ensureTemplate()
  const name = `takedown_test_${crypto.randomBytes(6).toString('hex')}`
  await withAdmin(async (admin) => {
    // Cloning fails while another session is connected to the template; that only lasts a moment.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`)
        return
      } catch (error) {
        if (attempt >= 20) throw error
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
      }
    }
  })
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin(async (admin) => { await admin.query(`drop database if exists ${name} with (force)`) })
  }
}

/** A login role of least privilege on one test database, granted as the service's role is (src/db/roles.ts). */
export async function createServiceRole (url: string): Promise<{ role: string, url: string, drop: () => Promise<void> }> {
  const role = `takedown_svc_${crypto.randomBytes(6).toString('hex')}`
  await withAdmin(async (admin) => { await admin.query(`create role ${role} login password 'service'`) })
  const owner = new pg.Client({ connectionString: url })
  await owner.connect()
  try {
    await grantServiceRole(owner, role)
  } finally {
    await owner.end()
  }
  const serviceUrl = new URL(url)
  serviceUrl.username = role
  serviceUrl.password = 'service'
  return {
    role,
    url: serviceUrl.toString(),
    // After the database is dropped, nothing of the role's is left but its membership of pg_read_all_stats.
    drop: () => withAdmin(async (admin) => { await admin.query(`drop role if exists ${role}`) })
  }
}

/** A transaction holding a transaction id (a writer's, as far as the horizon is concerned) until `end` is called. */
export async function openWriteTransaction (url: string): Promise<{ xid: number, end: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('begin')
  const { rows } = await client.query<{ xid: string }>('select pg_current_xact_id()::text as xid')
  return {
    xid: Number(rows[0].xid),
    end: async () => {
      await client.query('rollback')
      await client.end()
    }
  }
}
