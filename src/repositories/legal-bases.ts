// Reads and edits the legal-basis catalogue.
import { eq, sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { legalBases } from '../db/schema.ts'
import { TtlCache } from '../lib/ttl-cache.ts'
import { announceChange } from './changes.ts'

export type LegalBasisRow = typeof legalBases.$inferSelect

/** The citation in each notice language: the ones given, else the one citation in all three. */
export function citationsOf (row: LegalBasisRow): { kk: string, ru: string, en: string } {
  return (
    row.citations as { kk: string, ru: string, en: string } | null
  ) ?? { kk: row.citation, ru: row.citation, en: row.citation }
}

export async function listLegalBases (db: Executor): Promise<LegalBasisRow[]> {
  return db.select().from(legalBases).orderBy(legalBases.id)
}

export async function findLegalBasis (db: Executor, id: string): Promise<LegalBasisRow | null> {
  const [row] = await db.select().from(legalBases).where(eq(legalBases.id, id)).limit(1)
  return row ?? null
}

/**
 * Report intake cites the catalogue on every request; it changes rarely, so reads are cached briefly. An edit
 * clears this process's cache and is announced to the others, which clear theirs on hearing it.
 */
export const CATALOGUE_CACHE_TTL_MS = 5_000
const cache = new TtlCache<string, LegalBasisRow | null>(CATALOGUE_CACHE_TTL_MS, 1_000, Date.now, 'legal-bases')

export async function findLegalBasisCached (db: Executor, id: string): Promise<LegalBasisRow | null> {
  return cache.getOrLoad(id, () => findLegalBasis(db, id))
}

export async function insertLegalBasis (db: Executor, values: typeof legalBases.$inferInsert): Promise<LegalBasisRow> {
  const [row] = await db.insert(legalBases).values(values).returning()
  cache.clear()
  await announceChange(db, 'legal-bases')
  return row
}

export async function updateLegalBasis (
  db: Executor, id: string, changes: Partial<typeof legalBases.$inferInsert>
): Promise<LegalBasisRow | null> {
  const [row] = await db.update(legalBases)
    .set({ ...changes, version: sql`${legalBases.version} + 1`, updatedAt: sql`now()` })
    .where(eq(legalBases.id, id))
    .returning()
  cache.clear()
  await announceChange(db, 'legal-bases')
  return row ?? null
}
