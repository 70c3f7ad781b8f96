// Maps the stored platform and legal-basis catalogues to the API's shapes.
import type { PlatformRow } from '../repositories/platforms.ts'
import { citationsOf, type LegalBasisRow } from '../repositories/legal-bases.ts'
import type { PlatformView } from '../schemas/platforms.ts'
import type { LegalBasisView } from '../schemas/legal-bases.ts'

export function toPlatformView (row: PlatformRow): PlatformView {
  return {
    slug: row.slug,
    name: row.name,
    legalEntity: row.legalEntity as PlatformView['legalEntity'],
    legalRepresentative: row.legalRepresentative as PlatformView['legalRepresentative'],
    hosts: row.hosts,
    urlPatterns: row.urlPatterns,
    channels: row.channels as PlatformView['channels'],
    languages: row.languages,
    deadlines: { normalHours: row.deadlineNormalHours, urgentHours: row.deadlineUrgentHours },
    version: row.version,
    updatedAt: row.updatedAt.toISOString()
  }
}

export function toLegalBasisView (row: LegalBasisRow): LegalBasisView {
  return {
    id: row.id,
    citation: row.citation,
    citations: citationsOf(row),
    title: row.title as LegalBasisView['title'],
    text: row.text as LegalBasisView['text'],
    version: row.version,
    updatedAt: row.updatedAt.toISOString()
  }
}
