// Importing an outside hash list: parse it, then store its valid lines, the import's record, its audit entry and
// (under an Idempotency-Key) the answer in one transaction.
import crypto from 'node:crypto'
import type { Database } from '../../db/index.ts'
import type { Category } from '../../domain/vocabulary.ts'
import { isImportableListName } from '../../domain/matching/hash-bank.ts'
import { parseHashList, type ListFormat } from '../../domain/matching/hash-list-parser.ts'
import { insertImportRecord, insertListEntries } from '../../repositories/hash-bank-imports.ts'
import type { HashBankIndex } from '../../hash-bank/index-service.ts'
import type { Principal } from '../../repositories/clients.ts'
import { appendAudit } from '../../repositories/audit.ts'
import { createdAnswer, storeAnswer, type IdempotencyClaim } from '../../repositories/idempotency.ts'
import { AppError, unprocessable } from '../../lib/errors.ts'
import type { ImportView } from '../../schemas/hash-bank.ts'
import { toImportView } from './views.ts'

export const MAX_LISTED_ERRORS = 1000
const AWAIT_INDEX_LINES = 10_000

export interface ImportRequest {
  text: string
  format: ListFormat
  name: string
  mode: 'lenient' | 'strict'
  category?: Category
}

const lineErrors = (errors: Array<{ line: number, detail: string }>) =>
  errors.map((e) => ({ pointer: `body:line ${e.line}`, line: e.line, detail: e.detail }))

/**
 * Lenient keeps every valid line and reports the malformed ones; strict refuses the whole list (422, nothing
 * stored) if any line is malformed. A list that cannot be read at all (no usable CSV header) is refused in
 * either mode. Lines the bank already holds under this list count as duplicates and change nothing (a retired
 * entry stays retired: an import does not undo a deliberate retirement).
 */
export async function importHashList (
  db: Database, bank: HashBankIndex, principal: Principal, request: ImportRequest,
  idempotency: IdempotencyClaim | null = null
): Promise<ImportView> {
  if (!isImportableListName(request.name)) {
    throw unprocessable('hash_list_name_reserved',
      '"notice" is the gateway\'s own source and cannot name an imported list', [
        { pointer: 'querystring:/name', detail: 'is reserved' }
      ])
  }
  const parsed = parseHashList(request.text, request.format, MAX_LISTED_ERRORS)
  if (parsed.fatal !== null) {
    throw unprocessable('hash_list_unreadable', parsed.fatal.detail, lineErrors([parsed.fatal]))
  }
  if (parsed.lines === 0) {
    throw new AppError('hash_list_empty', 'the list holds no hash lines; nothing was stored')
  }
  // One video hash in the text format cannot be kept in part: a malformed line refuses it in either mode.
  if ((request.mode === 'strict' || request.format === 'vpdq') && parsed.rejected > 0) {
    throw new AppError('hash_list_rejected', request.format === 'vpdq'
      ? 'the video hash has malformed lines; nothing was stored'
      : `${parsed.rejected} of ${parsed.lines} line(s) are malformed; strict mode stored nothing`, {
      extra: { errors: lineErrors(parsed.errors), rejected: parsed.rejected }
    })
  }
  const importId = crypto.randomUUID()
  const record = await db.transaction(async (tx) => {
    const added = await insertListEntries(
      tx, parsed, { source: request.name, category: request.category ?? null, importId }
    )
    const stored = await insertImportRecord(tx, {
      id: importId,
      name: request.name,
      format: request.format,
      mode: request.mode,
      category: request.category ?? null,
      lines: parsed.lines,
      accepted: parsed.types.length + parsed.videos.length,
      added,
      duplicates: parsed.types.length + parsed.videos.length - added,
      rejected: parsed.rejected,
      errors: parsed.errors,
      createdBy: principal.id
    })
    await appendAudit(tx, principal, {
      action: 'hash-bank.imported',
      targetType: 'hash-bank-import',
      targetId: importId,
      change: {
        name: stored.name,
        format: stored.format,
        mode: stored.mode,
        category: stored.category,
        lines: stored.lines,
        accepted: stored.accepted,
        added: stored.added,
        duplicates: stored.duplicates,
        rejected: stored.rejected
      }
    })
    const view = toImportView(stored)
    // A retry after a crash replays this answer: it commits with the entries and the record it describes.
    if (idempotency) await storeAnswer(tx, idempotency, createdAnswer(null, view))
    return view
  })
  // A small list is matched by this process as soon as it is answered; a big one (its index catch-up takes
  // seconds) within the poll interval, like every other process.
  const catchUp = bank.refresh().catch(() => 0)
  if (record.accepted <= AWAIT_INDEX_LINES) await catchUp
  return record
}
