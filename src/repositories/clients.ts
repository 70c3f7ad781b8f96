// Reads and writes API clients.
import { and, eq, isNull, sql, gt } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { clients } from '../db/schema.ts'
import type { Role } from '../domain/vocabulary.ts'

export type ClientRow = typeof clients.$inferSelect

export interface Principal {
  id: string
  name: string
  role: Role
  platform: string | null
}

export async function findActiveClientByKeyHash (db: Executor, keyHash: string): Promise<Principal | null> {
  const [row] = await db.select({ id: clients.id, name: clients.name, role: clients.role, platform: clients.platform })
    .from(clients)
    .where(and(eq(clients.keyHash, keyHash), isNull(clients.revokedAt)))
    .limit(1)
  return row ? { ...row, role: row.role as Role } : null
}

export async function insertClient (db: Executor, values: typeof clients.$inferInsert): Promise<ClientRow> {
  const [row] = await db.insert(clients).values(values).returning()
  return row
}

export async function findClient (db: Executor, id: string): Promise<ClientRow | null> {
  const [row] = await db.select().from(clients).where(eq(clients.id, id)).limit(1)
  return row ?? null
}

export async function listClients (db: Executor, limit: number, afterSeq: number | null): Promise<ClientRow[]> {
  const where = afterSeq === null ? undefined : gt(clients.seq, afterSeq)
  return db.select().from(clients).where(where).orderBy(clients.seq).limit(limit)
}

export async function revokeClient (db: Executor, id: string): Promise<ClientRow | null> {
  const [row] = await db.update(clients)
    .set({ revokedAt: sql`coalesce(${clients.revokedAt}, now())` })
    .where(eq(clients.id, id))
    .returning()
  return row ?? null
}

export async function countActiveAdmins (db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(clients)
    .where(and(eq(clients.role, 'admin'), isNull(clients.revokedAt)))
  return row.n
}
