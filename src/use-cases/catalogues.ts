// Edits of the platform and legal-basis catalogues: each change and its audit entry commit in one transaction.
import type { Database, Executor } from '../db/index.ts'
import { notFound } from '../lib/errors.ts'
import { appendAudit } from '../repositories/audit.ts'
import type { Principal } from '../repositories/clients.ts'
import * as legalBases from '../repositories/legal-bases.ts'
import { updatePlatform, type PlatformRow } from '../repositories/platforms.ts'
import type { UpdatePlatformInput } from '../schemas/platforms.ts'

export interface LegalBasisTexts { kk: string, ru: string, en: string }
export interface CreateLegalBasisInput { id: string, citation: string, citations?: LegalBasisTexts, title: LegalBasisTexts, text: LegalBasisTexts }
export type UpdateLegalBasisInput = Partial<Omit<CreateLegalBasisInput, 'id'>>

/** Each field sent replaces the stored value whole; the version goes up by one. */
export async function editPlatform (db: Database, by: Principal, slug: string, input: UpdatePlatformInput): Promise<PlatformRow> {
  const { deadlines, ...rest } = input
  const row = await db.transaction(async (tx) => {
    const updated = await updatePlatform(tx, slug, {
      ...rest,
      ...(deadlines ? { deadlineNormalHours: deadlines.normalHours, deadlineUrgentHours: deadlines.urgentHours } : {})
    })
    if (updated) await appendAudit(tx, by, { action: 'platform.updated', targetType: 'platform', targetId: updated.slug, change: { ...input, version: updated.version } })
    return updated
  })
  if (!row) throw notFound(`platform ${slug}`)
  return row
}

/** An id already in the catalogue is a unique violation, which the problems plugin answers as a conflict. */
/** `beforeCommit` writes in the same transaction (the idempotent answer describing the new row, say). */
export async function createLegalBasis (
  db: Database, by: Principal, input: CreateLegalBasisInput, beforeCommit?: (tx: Executor, created: legalBases.LegalBasisRow) => Promise<void>
): Promise<legalBases.LegalBasisRow> {
  return db.transaction(async (tx) => {
    const created = await legalBases.insertLegalBasis(tx, input)
    await appendAudit(tx, by, { action: 'legal-basis.created', targetType: 'legal-basis', targetId: created.id, change: { ...input } })
    await beforeCommit?.(tx, created)
    return created
  })
}

export async function editLegalBasis (db: Database, by: Principal, id: string, input: UpdateLegalBasisInput): Promise<legalBases.LegalBasisRow> {
  const row = await db.transaction(async (tx) => {
    const updated = await legalBases.updateLegalBasis(tx, id, input)
    if (updated) await appendAudit(tx, by, { action: 'legal-basis.updated', targetType: 'legal-basis', targetId: updated.id, change: { ...input, version: updated.version } })
    return updated
  })
  if (!row) throw notFound(`legal basis ${id}`)
  return row
}
