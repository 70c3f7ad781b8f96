// The hash bank's changes feed: commit-safe positions behind opaque cursors, so a platform can mirror the bank.
import type { Database } from '../../db/index.ts'
import type { BankEntryType } from '../../domain/vocabulary.ts'
import { listChanges, type FeedPosition } from '../../repositories/hash-bank.ts'
import { AppError } from '../../lib/errors.ts'
import type { ChangeView } from '../../schemas/hash-bank.ts'
import { toEntryView, type Viewer } from './views.ts'

export function encodeFeedCursor (position: FeedPosition): string {
  return Buffer.from(`h${position.txId}.${position.changeId}`).toString('base64url')
}

export function decodeFeedCursor (raw: string | undefined): FeedPosition | null {
  if (raw === undefined) return null
  const match = /^h(\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'))
  if (!match || !Number.isSafeInteger(Number(match[1])) || !Number.isSafeInteger(Number(match[2]))) {
    throw new AppError('invalid_cursor', 'the cursor is not one this service issued', {
      extra: { errors: [{ pointer: 'querystring:/cursor', detail: 'is not a valid cursor' }] }
    })
  }
  return { txId: Number(match[1]), changeId: Number(match[2]) }
}

/**
 * Changes after the cursor, oldest first. Only changes of transactions older than every one still running in this
 * database are served, so a transaction that commits late can never land behind a cursor already handed out; the
 * price is that a change shows once every transaction of this database that began before it has finished.
 * Transactions in other databases of the cluster do not hold it back.
 */
export async function readChanges (
  db: Database, since: string | undefined, limit: number, viewer: Viewer, type?: BankEntryType
): Promise<{ data: ChangeView[], nextCursor: string | null }> {
  const rows = await listChanges(db, decodeFeedCursor(since), limit + 1, type)
  const data = rows.slice(0, limit).map((row) => ({
    cursor: encodeFeedCursor(row),
    change: row.retiredAt === null ? 'added' as const : 'retired' as const,
    at: (row.retiredAt ?? row.addedAt).toISOString(),
    entry: toEntryView(row, viewer)
  }))
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].cursor : null }
}
