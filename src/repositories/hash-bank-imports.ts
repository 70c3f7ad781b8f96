// Stores imported hash lists: their entries in large multi-row batches, and the import's record.
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { hashBankImports } from '../db/schema-hash-bank.ts'
import type { HashKind } from '../domain/vocabulary.ts'
import crypto from 'node:crypto'

export type HashBankImportRow = typeof hashBankImports.$inferSelect

/** Rows per staging INSERT: a million lines take ~20 round trips, each message a few MB. */
export const IMPORT_BATCH_ROWS = 50_000

export interface ImportColumns {
  types: HashKind[]
  values: string[]
  qualities: Array<number | null>
  /** Each row's labels joined with ';' (labels never contain one). */
  labels: string[]
  /** vpdq entries: digest, packed features, labels joined with ';'. */
  videos: Array<{ value: string, features: Uint8Array, labels: string }>
}

/**
 * Stores one list's entries inside the caller's transaction. The lines go first into an index-free temporary
 * table (unnest() over column arrays, one statement per batch), then into the bank in one INSERT ... SELECT
 * sorted by (type, value) with time-ordered ids: random hash values and random ids would scatter a million writes
 * over indexes larger than the buffer cache, sorted ones walk each index once. Of two equal lines the first in the
 * file is kept; entries the bank already holds under this list are left alone. Returns how many were new.
 */
export async function insertListEntries (
  db: Executor, columns: ImportColumns, list: { source: string, category: string | null, importId: string }
): Promise<number> {
  await db.execute(
    sql`create temporary table hash_list_stage (line bigint, type text, value text, quality int,
      labels text) on commit drop`
  )
  for (let from = 0; from < columns.types.length; from += IMPORT_BATCH_ROWS) {
    const to = from + IMPORT_BATCH_ROWS
    await db.execute(sql`
      insert into hash_list_stage
      select r.n + ${from}, r.type, r.value, r.quality, r.labels
      from unnest(${sql.param(columns.types.slice(from, to))}::text[],
                  ${sql.param(columns.values.slice(from, to))}::text[],
                  ${sql.param(columns.qualities.slice(from, to))}::int[],
                  ${sql.param(columns.labels.slice(from, to))}::text[])
           with ordinality as r(type, value, quality, labels, n)`)
  }
  // UUIDv7 layout: 48-bit time, version 7, 12 random bits, variant 10, then the row's rank: unique and ascending.
  const time = Date.now().toString(16).padStart(12, '0')
  const prefix = `${time}7${crypto.randomBytes(2).toString('hex').slice(0, 3)}8`
  const result = await db.execute(sql`
    insert into hash_bank_entries (id, type, value, quality, labels, source, category, import_id)
    select (${prefix} || lpad(to_hex(row_number() over (order by s.type, s.value, s.line)), 15, '0'))::uuid,
           s.type, s.value, s.quality, coalesce(string_to_array(nullif(s.labels, ''), ';'), '{}'),
           ${list.source}, ${list.category}, ${list.importId}::uuid
    from hash_list_stage s
    order by s.type, s.value, s.line
    on conflict do nothing`)
  return (result.rowCount ?? 0) + await insertListVideos(db, columns.videos, list)
}

/** A list's video hashes, a batch at a time (a batch of 1000 ten-minute videos is about 27 MB). */
async function insertListVideos (
  db: Executor, videos: ImportColumns['videos'], list: { source: string, category: string | null, importId: string }
): Promise<number> {
  let added = 0
  for (let from = 0; from < videos.length; from += 1000) {
    const batch = videos.slice(from, from + 1000)
    const result = await db.execute(sql`
      insert into hash_bank_entries (type, value, features, labels, source, category, import_id)
      select 'vpdq', v.value, v.features, coalesce(string_to_array(nullif(v.labels, ''), ';'), '{}'), ${list.source},
        ${list.category}, ${list.importId}::uuid
      from unnest(${sql.param(batch.map((v) => v.value))}::text[],
        ${sql.param(batch.map((v) => Buffer.from(v.features)))}::bytea[],
                  ${sql.param(batch.map((v) => v.labels))}::text[]) as v(value, features, labels)
      on conflict do nothing`)
    added += result.rowCount ?? 0
  }
  return added
}

export async function insertImportRecord (
  db: Executor, values: typeof hashBankImports.$inferInsert
): Promise<HashBankImportRow> {
  const [row] = await db.insert(hashBankImports).values(values).returning()
  return row
}
