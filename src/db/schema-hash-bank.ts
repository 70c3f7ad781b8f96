// The hash bank's drizzle tables: banked hashes of removed material with their provenance, and imported lists.
import { sql } from 'drizzle-orm'
import {
  pgTable, pgSequence, text, uuid, timestamp, integer, jsonb, bigint, bigserial, index, uniqueIndex, unique, check
} from 'drizzle-orm/pg-core'
import { notices, noticeItems, bytea } from './schema.ts'

/**
 * Orders the changes feed within one transaction. Drawn again when an entry is retired, so an entry sits in the
 * feed once, at its latest change.
 */
export const hashBankChangeSeq = pgSequence('hash_bank_change_seq')

export const hashBankImports = pgTable('hash_bank_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  format: text('format').notNull(),
  mode: text('mode').notNull(),
  category: text('category'),
  lines: integer('lines').notNull(),
  accepted: integer('accepted').notNull(),
  added: integer('added').notNull(),
  duplicates: integer('duplicates').notNull(),
  rejected: integer('rejected').notNull(),
  /** The first malformed lines (line number and reason); `rejected` counts them all. */
  errors: jsonb('errors').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
}, (t) => [
  index('hash_bank_imports_name_idx').on(t.name, t.createdAt),
  check('hash_bank_imports_format_valid', sql`${t.format} in ('csv', 'ndjson', 'vpdq')`),
  check('hash_bank_imports_mode_valid', sql`${t.mode} in ('lenient', 'strict')`)
])

export const hashBankEntries = pgTable('hash_bank_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable small number the in-memory PDQ index keys entries by (a uuid per hash would double its memory). */
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  type: text('type').notNull(),
  value: text('value').notNull(),
  /** PDQ quality when the gateway computed it or the list carried it; below 50 the entry is kept but never matched. */
  quality: integer('quality'),
  /**
   * vpdq entries only: the video's features, packed (value is the SHA-256 of these bytes). One row per video keeps
   * the index's load to one sequential read; 600,000 frames are about 27 MB.
   */
  features: bytea('features'),
  noticeId: uuid('notice_id').references(() => notices.id),
  noticeItemId: uuid('notice_item_id').references(() => noticeItems.id),
  category: text('category'),
  platform: text('platform'),
  /** 'notice' for the gateway's own removals, else the imported list's name. */
  source: text('source').notNull(),
  labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
  importId: uuid('import_id'),
  addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  retiredBy: uuid('retired_by'),
  retireReason: text('retire_reason'),
  /**
   * Commit-safe feed position (tx_id, change_id): the writing transaction's id, set again on retirement. Readers
   * only serve rows below the oldest transaction still running, so a late commit can never land behind a cursor.
   */
  txId: bigint('tx_id', { mode: 'number' }).notNull().default(sql`pg_current_xact_id()::text::bigint`),
  changeId: bigint('change_id', { mode: 'number' }).notNull().default(sql`nextval('hash_bank_change_seq')`)
}, (t) => [
  // Re-adding is a no-op: one entry per hash, list and notice item. Its leading (type, value) serves exact lookups.
  unique('hash_bank_entries_identity').on(t.type, t.value, t.source, t.noticeId, t.noticeItemId).nullsNotDistinct(),
  uniqueIndex('hash_bank_entries_seq_idx').on(t.seq),
  index('hash_bank_entries_feed_idx').on(t.txId, t.changeId),
  index('hash_bank_entries_notice_idx').on(t.noticeId).where(sql`${t.noticeId} is not null`),
  check('hash_bank_entries_type_valid', sql`${t.type} in ('sha256', 'md5', 'pdq', 'vpdq')`),
  check('hash_bank_entries_features_vpdq', sql`(${t.type} = 'vpdq') = (${t.features} is not null)`),
  check(
    'hash_bank_entries_value_hex',
    sql`${t.value} ~ '^[0-9a-f]+$' and length(${t.value}) = case ${t.type} when 'md5' then 32 else 64 end`
  ),
  check(
    'hash_bank_entries_quality_range',
    sql`${t.quality} is null or (${t.type} = 'pdq' and ${t.quality} between 0 and 100)`
  )
])
