// Seeds the platform and legal-basis catalogues on an empty database; later edits by admins are never overwritten.
import type { Database } from './index.ts'
import { platforms, legalBases } from './schema.ts'
import { PLATFORMS } from '../domain/platforms.ts'
import { LEGAL_BASES } from '../domain/notices/legal-bases.ts'

export async function seedCatalogues (db: Database): Promise<void> {
  await db.insert(platforms).values(PLATFORMS.map((p) => ({
    slug: p.slug,
    name: p.name,
    legalEntity: p.legalEntity,
    legalRepresentative: p.legalRepresentative,
    hosts: [...p.hosts],
    urlPatterns: [...p.urlPatterns],
    channels: p.channels,
    languages: [...p.languages],
    deadlineNormalHours: p.deadlines.normalHours,
    deadlineUrgentHours: p.deadlines.urgentHours
  }))).onConflictDoNothing()
  await db.insert(legalBases).values(LEGAL_BASES.map((b) => ({ ...b }))).onConflictDoNothing()
}
