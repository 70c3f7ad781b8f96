// Creating, listing and revoking API clients, and the first administrator of a fresh installation.
import { sql } from 'drizzle-orm'
import { announceChange } from '../repositories/changes.ts'
import { createdAnswer, storeAnswer, type IdempotencyClaim } from '../repositories/idempotency.ts'
import type { Database } from '../db/index.ts'
import { generateApiKey, describeApiKey } from '../domain/api-keys.ts'
import * as repo from '../repositories/clients.ts'
import { platformExists } from '../repositories/platforms.ts'
import { AppError, notFound, unprocessable } from '../lib/errors.ts'
import { decodeCursor, page } from '../lib/pagination.ts'
import { appendAudit } from '../repositories/audit.ts'
import type { Principal } from '../repositories/clients.ts'
import type { ClientView, CreateClientInput } from '../schemas/clients.ts'
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

export async function createClient (
  db: Database, input: CreateClientInput, createdBy: Principal, idempotency: IdempotencyClaim | null = null
) {
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
  if (errors.length > 0) throw unprocessable('client_not_accepted', 'the client cannot be created as described', errors)
  const key = generateApiKey()
  const row = await db.transaction(async (tx) => {
    const created = await repo.insertClient(tx, {
      name: input.name,
      role: input.role,
      platform: input.platform ?? null,
      keyPrefix: key.prefix,
      keyHash: key.hash,
      createdBy: createdBy.id
    })
    await appendAudit(
      tx, createdBy,
      {
        action: 'client.created',
        targetType: 'client',
        targetId: created.id,
        change: { name: created.name, role: created.role, platform: created.platform, keyPrefix: created.keyPrefix }
      }
    )
    // A retry after a crash replays this answer (key included, as the first answer had it): it commits with the client.
    if (idempotency) {
      await storeAnswer(
        tx, idempotency, createdAnswer(`/v1/clients/${created.id}`, { ...toClientView(created), apiKey: key.key })
      )
    }
    return created
  })
  return { ...toClientView(row), apiKey: key.key }
}

/** One page of clients in creation order, revoked ones included. */
export async function listClientViews (
  db: Database, limit: number, cursor: string | undefined
): Promise<{ data: ClientView[], nextCursor: string | null }> {
  const rows = await repo.listClients(db, limit + 1, decodeCursor(cursor))
  const { data, nextCursor } = page(rows, limit)
  return { data: data.map(toClientView), nextCursor }
}

export async function getClient (db: Database, id: string): Promise<ClientView> {
  const row = await repo.findClient(db, id)
  if (!row) throw notFound(`client ${id}`)
  return toClientView(row)
}

/** Null when there is no such client. */
export async function revokeClient (db: Database, id: string, by: Principal): Promise<ClientView | null> {
  const row = await db.transaction(async (tx) => {
    const existing = await repo.findClient(tx, id)
    if (!existing) return null
    if (existing.role === 'admin' && existing.revokedAt === null && (await repo.countActiveAdmins(tx)) <= 1) {
      throw new AppError('last_administrator', 'the last active administrator cannot be revoked')
    }
    const revoked = await repo.revokeClient(tx, id)
    // Every process forgets the key when this commits (this one also clears its cache when the revoke returns).
    await announceChange(tx, 'clients')
    await appendAudit(
      tx, by,
      {
        action: 'client.revoked',
        targetType: 'client',
        targetId: id,
        change: { revokedAt: revoked!.revokedAt!.toISOString() }
      }
    )
    return revoked
  })
  return row && toClientView(row)
}

/**
 * A fresh installation needs one administrator to create everyone else. With a configured key that key is
 * used; otherwise a key is generated and returned once so the caller can print it.
 */
export async function bootstrapAdmin (
  db: Database, configuredKey: string | undefined
): Promise<{ created: boolean, apiKey?: string }> {
  return db.transaction(async (tx) => {
    // Several processes may start at once on a fresh database; only one may create the administrator.
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`)
    if ((await repo.countActiveAdmins(tx)) > 0) return { created: false }
    const key = configuredKey ? describeApiKey(configuredKey) : generateApiKey()
    const admin = await repo.insertClient(
      tx, { name: 'bootstrap administrator', role: 'admin', keyPrefix: key.prefix, keyHash: key.hash }
    )
    await appendAudit(
      tx, { id: null, role: 'system' },
      {
        action: 'client.created',
        targetType: 'client',
        targetId: admin.id,
        change: { name: admin.name, role: 'admin', keyPrefix: admin.keyPrefix, bootstrap: true }
      }
    )
    return { created: true, apiKey: configuredKey ? undefined : key.key }
  })
}
