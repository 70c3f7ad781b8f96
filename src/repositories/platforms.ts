// Reads and edits the platform catalogue.
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { platforms } from '../db/schema.ts'
import { TtlCache } from '../lib/ttl-cache.ts'
import { announceChange } from './changes.ts'

export type PlatformRow = typeof platforms.$inferSelect

export async function listPlatforms (db: Executor): Promise<PlatformRow[]> {
  return db.select().from(platforms).orderBy(platforms.slug)
}

export async function findPlatform (db: Executor, slug: string): Promise<PlatformRow | null> {
  const [row] = await db.select().from(platforms).where(eq(platforms.slug, slug)).limit(1)
  return row ?? null
}

/** Intake needs every platform's addressee and deadlines per report; an edit clears every process's copy at once. */
const catalogue = new TtlCache<'all', Map<string, PlatformRow>>(5_000, 1, Date.now, 'platforms')

export async function platformCatalogue (db: Executor): Promise<Map<string, PlatformRow>> {
  return catalogue.getOrLoad('all', async () => new Map((await listPlatforms(db)).map((row) => [row.slug, row])))
}

export async function platformExists (db: Executor, slug: string): Promise<boolean> {
  return (await findPlatform(db, slug)) !== null
}

export async function updatePlatform (
  db: Executor, slug: string, changes: Partial<typeof platforms.$inferInsert>
): Promise<PlatformRow | null> {
  const [row] = await db.update(platforms)
    .set({ ...changes, version: sql`${platforms.version} + 1`, updatedAt: sql`now()` })
    .where(eq(platforms.slug, slug))
    .returning()
  catalogue.clear()
  await announceChange(db, 'platforms')
  return row ?? null
}
