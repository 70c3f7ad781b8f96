// Maps hash-bank rows to the API's shapes, hiding other platforms' notices from liaisons.
import type { Role } from '../../domain/vocabulary.ts'
import type { Orientation } from '../../domain/matching/pdq.ts'
import type { BankEntryType } from '../../domain/vocabulary.ts'
import { decodeFeatures } from '../../domain/matching/vpdq-match.ts'
import type { EntryWithNotice } from '../../repositories/hash-bank.ts'
import type { HashBankImportRow } from '../../repositories/hash-bank-imports.ts'
import type { EntryView, ImportView, MatchView } from '../../schemas/hash-bank.ts'

/** Who is looking: a liaison acts for one platform, every other role for none. */
export interface Viewer { role: Role, platform: string | null }

/**
 * The bank is shared with every platform, but which notice (and so which platform and case) an entry came from is
 * private: a liaison sees it only for its own platform's notices. Category, source and dates stay visible so a
 * platform can act on a match.
 */
export function seesProvenance (viewer: Viewer, row: EntryWithNotice): boolean {
  return viewer.role !== 'liaison' || (row.platform !== null && row.platform === viewer.platform)
}

function noticeRef (viewer: Viewer, row: EntryWithNotice): MatchView['notice'] {
  if (row.noticeId === null || row.referenceNumber === null || !seesProvenance(viewer, row)) return null
  return { id: row.noticeId, referenceNumber: row.referenceNumber }
}

export function toMatchView (
  row: EntryWithNotice, distance: number, orientation: Orientation | null, viewer: Viewer
): MatchView {
  return {
    entryId: row.id,
    kind: row.type as BankEntryType,
    distance,
    orientation,
    notice: noticeRef(viewer, row),
    category: row.category as MatchView['category'],
    source: row.source,
    labels: row.labels,
    addedAt: row.addedAt.toISOString()
  }
}

export function toEntryView (row: EntryWithNotice, viewer: Viewer): EntryView {
  const visible = seesProvenance(viewer, row)
  return {
    id: row.id,
    type: row.type as BankEntryType,
    value: row.value,
    // A video's frame hashes are the hash itself: a platform mirroring the bank needs them to match.
    ...(row.features === null ? {} : { features: decodeFeatures(row.features) }),
    quality: row.quality,
    labels: row.labels,
    category: row.category as MatchView['category'],
    source: row.source,
    notice: noticeRef(viewer, row),
    noticeItemId: visible ? row.noticeItemId : null,
    platform: visible ? row.platform : null,
    importId: row.importId,
    addedAt: row.addedAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    retireReason: viewer.role === 'liaison' ? null : row.retireReason
  }
}

export function toImportView (row: HashBankImportRow): ImportView {
  return {
    id: row.id,
    name: row.name,
    format: row.format as ImportView['format'],
    mode: row.mode as ImportView['mode'],
    category: row.category as ImportView['category'],
    lines: row.lines,
    accepted: row.accepted,
    added: row.added,
    duplicates: row.duplicates,
    rejected: row.rejected,
    errors: row.errors as ImportView['errors'],
    createdAt: row.createdAt.toISOString()
  }
}
