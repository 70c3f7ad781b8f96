// Reading one bank entry, retired ones included, with its provenance as the caller may see it.
import type { Database } from '../../db/index.ts'
import { notFound } from '../../lib/errors.ts'
import { findEntry } from '../../repositories/hash-bank.ts'
import type { EntryView } from '../../schemas/hash-bank.ts'
import { toEntryView, type Viewer } from './views.ts'

export async function getBankEntry (db: Database, viewer: Viewer, id: string): Promise<EntryView> {
  const row = await findEntry(db, id)
  if (!row) throw notFound(`hash-bank entry ${id}`)
  return toEntryView(row, viewer)
}
