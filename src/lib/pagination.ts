// Opaque keyset cursors for list endpoints: the sequence number of the last row served, base64url-encoded.
import { AppError } from './errors.ts'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

export function encodeCursor (seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url')
}

export function decodeCursor (raw: string | undefined): number | null {
  if (raw === undefined) return null
  const text = Buffer.from(raw, 'base64url').toString('utf8')
  const match = /^s(\d{1,15})$/.exec(text)
  if (!match) {
    throw new AppError('invalid_cursor', 'the cursor is not one this service issued', {
      extra: { errors: [{ pointer: 'querystring:/cursor', detail: 'is not a valid cursor' }] }
    })
  }
  return Number(match[1])
}

/** Rows are fetched one beyond the limit: that extra row is what tells whether a next page exists. */
export function page<T extends { seq: number }> (rows: T[], limit: number): { data: T[], nextCursor: string | null } {
  const data = rows.slice(0, limit)
  const nextCursor = rows.length > limit ? encodeCursor(data[data.length - 1].seq) : null
  return { data, nextCursor }
}
