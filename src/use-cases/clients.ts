// Creating, listing and revoking API clients, and the first administrator of a fresh installation.
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { generateApiKey, describeApiKey } from '../domain/api-keys.ts'
import * as repo from '../repositories/clients.ts'
import { platformExists } from '../repositories/platforms.ts'
import { HttpProblem } from '../plugins/problems.ts'
import type { ClientView, CreateClientInput } from '../routes/clients/schemas.ts'
import type { Role } from '../domain/vocabulary.ts'

const BOOTSTRAP_LOCK = 7_310_002

export function toClientView (row: repo.ClientRow): ClientView {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    platform: row.platform,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt ? row.revokedAt.toISOString() : null
  }
}

export async function createClient (db: Database, input: CreateClientInput, createdBy: string | null) {
  const errors: Array<{ pointer: string, detail: string }> = []
  if (input.role === 'liaison' && input.platform === undefined) {
    errors.push({ pointer: '/platform', detail: 'is required for a liaison' })
  }
  if (input.role !== 'liaison' && input.platform !== undefined) {
    errors.push({ pointer: '/platform', detail: 'is only for liaisons' })
  }
  if (input.platform !== undefined && !(await platformExists(db, input.platform))) {
    errors.push({ pointer: '/platform', detail: `is not a catalogued platform: ${input.platform}` })
  }
  if (errors.length > 0) throw new HttpProblem(422, 'Invalid client', 'the client cannot be created as described', { errors })
  const key = generateApiKey()
  const row = await repo.insertClient(db, {
    name: input.name, role: input.role, platform: input.platform ?? null,
    keyPrefix: key.prefix, keyHash: key.hash, createdBy
  })
  return { ...toClientView(row), apiKey: key.key }
}

export async function revokeClient (db: Database, id: string) {
  return db.transaction(async (tx) => {
    const existing = await repo.findClient(tx, id)
    if (!existing) return null
    if (existing.role === 'admin' && existing.revokedAt === null && (await repo.countActiveAdmins(tx)) <= 1) {
      throw new HttpProblem(409, 'Last administrator', 'the last active administrator cannot be revoked')
    }
    return repo.revokeClient(tx, id)
  })
}

/**
 * A fresh installation needs one administrator to create everyone else. With a configured key that key is
 * used; otherwise a key is generated and returned once so the caller can print it.
 */
export async function bootstrapAdmin (db: Database, configuredKey: string | undefined): Promise<{ created: boolean, apiKey?: string }> {
  return db.transaction(async (tx) => {
    // Several processes may start at once on a fresh database; only one may create the administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`)
    if ((await repo.countActiveAdmins(tx)) > 0) return { created: false }
    const key = configuredKey ? describeApiKey(configuredKey) : generateApiKey()
    await repo.insertClient(tx, { name: 'bootstrap administrator', role: 'admin', keyPrefix: key.prefix, keyHash: key.hash })
    return { created: true, apiKey: configuredKey ? undefined : key.key }
  })
}
