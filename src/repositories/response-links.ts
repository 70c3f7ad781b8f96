// Response-page links: one active link per notice and link key, found by its token's digest, revoked by the authority.
import { and, eq, isNull } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { responseLinks } from '../db/schema.ts'

export type ResponseLinkRow = typeof responseLinks.$inferSelect

export async function findActiveLink (db: Executor, noticeId: string, keyId: string): Promise<ResponseLinkRow | null> {
  const [row] = await db.select().from(responseLinks)
    .where(and(eq(responseLinks.noticeId, noticeId), eq(responseLinks.keyId, keyId), isNull(responseLinks.revokedAt)))
    .limit(1)
  return row ?? null
}

/** Inserts a link unless the notice already has an active one under this key (two sends at once keep one). */
export async function insertLinkIfNone (
  db: Executor, link: typeof responseLinks.$inferInsert
): Promise<ResponseLinkRow | null> {
  const [row] = await db.insert(responseLinks).values(link).onConflictDoNothing().returning()
  return row ?? null
}

export async function findLinkByTokenHash (db: Executor, tokenHash: string): Promise<ResponseLinkRow | null> {
  const [row] = await db.select().from(responseLinks).where(eq(responseLinks.tokenHash, tokenHash)).limit(1)
  return row ?? null
}

/** Revokes every active link of the notice; answers the ids revoked. */
export async function revokeLinks (
  db: Executor, noticeId: string, by: string | null, at: Date
): Promise<string[]> {
  const rows = await db.update(responseLinks).set({ revokedAt: at, revokedBy: by })
    .where(and(eq(responseLinks.noticeId, noticeId), isNull(responseLinks.revokedAt)))
    .returning({ id: responseLinks.id })
  return rows.map((r) => r.id)
}
