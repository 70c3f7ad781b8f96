// The platform and legal-basis catalogues: reads, and edits whose change and audit entry commit in one transaction.
import type { Database } from '../db/index.ts'
import { notFound } from '../lib/errors.ts'
import { appendAudit } from '../repositories/audit.ts'
import type { Principal } from '../repositories/clients.ts'
import { createdAnswer, storeAnswer, type IdempotencyClaim } from '../repositories/idempotency.ts'
import * as legalBases from '../repositories/legal-bases.ts'
import { findPlatform, listPlatforms, updatePlatform } from '../repositories/platforms.ts'
import type { PlatformView, UpdatePlatformInput } from '../schemas/platforms.ts'
import type { LegalBasisView } from '../schemas/legal-bases.ts'
import { toLegalBasisView, toPlatformView } from './catalogue-views.ts'

export interface LegalBasisTexts { kk: string, ru: string, en: string }
export interface CreateLegalBasisInput {
  id: string, citation: string, citations?: LegalBasisTexts, title: LegalBasisTexts, text: LegalBasisTexts
}
export type UpdateLegalBasisInput = Partial<Omit<CreateLegalBasisInput, 'id'>>

/** The whole platform catalogue, ordered by slug. */
export async function listPlatformViews (db: Database): Promise<PlatformView[]> {
  return (await listPlatforms(db)).map(toPlatformView)
}

export async function getPlatform (db: Database, slug: string): Promise<PlatformView> {
  const row = await findPlatform(db, slug)
  if (!row) throw notFound(`platform ${slug}`)
  return toPlatformView(row)
}

/** Each field sent replaces the stored value whole; the version goes up by one. */
export async function editPlatform (
  db: Database, by: Principal, slug: string, input: UpdatePlatformInput
): Promise<PlatformView> {
  const { deadlines, ...rest } = input
  const row = await db.transaction(async (tx) => {
    const updated = await updatePlatform(tx, slug, {
      ...rest,
      ...(deadlines ? { deadlineNormalHours: deadlines.normalHours, deadlineUrgentHours: deadlines.urgentHours } : {})
    })
    if (updated) {
      await appendAudit(
        tx, by,
        {
          action: 'platform.updated',
          targetType: 'platform',
          targetId: updated.slug,
          change: { ...input, version: updated.version }
        }
      )
    }
    return updated
  })
  if (!row) throw notFound(`platform ${slug}`)
  return toPlatformView(row)
}

/** The whole legal-basis catalogue, ordered by id. */
export async function listLegalBasisViews (db: Database): Promise<LegalBasisView[]> {
  return (await legalBases.listLegalBases(db)).map(toLegalBasisView)
}

export async function getLegalBasis (db: Database, id: string): Promise<LegalBasisView> {
  const row = await legalBases.findLegalBasis(db, id)
  if (!row) throw notFound(`legal basis ${id}`)
  return toLegalBasisView(row)
}

/**
 * An id already in the catalogue is a unique violation, which the problems plugin answers as a conflict. A retry
 * after a crash replays the stored answer: it commits with the row it describes.
 */
export async function createLegalBasis (
  db: Database, by: Principal, input: CreateLegalBasisInput, idempotency: IdempotencyClaim | null = null
): Promise<LegalBasisView> {
  return db.transaction(async (tx) => {
    const created = await legalBases.insertLegalBasis(tx, input)
    await appendAudit(
      tx, by, { action: 'legal-basis.created', targetType: 'legal-basis', targetId: created.id, change: { ...input } }
    )
    const view = toLegalBasisView(created)
    if (idempotency) await storeAnswer(tx, idempotency, createdAnswer(`/v1/legal-bases/${created.id}`, view))
    return view
  })
}

export async function editLegalBasis (
  db: Database, by: Principal, id: string, input: UpdateLegalBasisInput
): Promise<LegalBasisView> {
  const row = await db.transaction(async (tx) => {
    const updated = await legalBases.updateLegalBasis(tx, id, input)
    if (updated) {
      await appendAudit(
        tx, by,
        {
          action: 'legal-basis.updated',
          targetType: 'legal-basis',
          targetId: updated.id,
          change: { ...input, version: updated.version }
        }
      )
    }
    return updated
  })
  if (!row) throw notFound(`legal basis ${id}`)
  return toLegalBasisView(row)
}
