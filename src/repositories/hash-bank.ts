// Reads and writes hash-bank entries: exact lookups, entries by index number, retirement, and the changes feed.
import { and, asc, eq, getTableColumns, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { preparedPerExecutor, type Database, type Executor } from '../db/index.ts'
import { notices } from '../db/schema.ts'
import { hashBankEntries as entries } from '../db/schema-hash-bank.ts'
import type { BankEntryType, HashKind } from '../domain/vocabulary.ts'
import { NOTICE_SOURCE, TRIMMED_LABEL } from '../domain/matching/hash-bank.ts'
import { readPoolHorizon } from './commit-horizon.ts'

export type HashBankEntryRow = typeof entries.$inferSelect
/** An entry with the reference number of the notice it came from (null for imported lists). */
export type EntryWithNotice = HashBankEntryRow & { referenceNumber: string | null }
/** A position in the changes feed: rows after it, in (txId, changeId) order. */
export interface FeedPosition { txId: number, changeId: number }

function withNotice (db: Executor) {
  return db.select({ ...getTableColumns(entries), referenceNumber: notices.referenceNumber })
    .from(entries)
    .leftJoin(notices, eq(notices.id, entries.noticeId))
}

export async function findEntry (db: Executor, id: string): Promise<EntryWithNotice | null> {
  const [row] = await withNotice(db).where(eq(entries.id, id)).limit(1)
  return row ?? null
}

/** Live entries holding any of the (type, value) pairs: one indexed query for a whole batch. */
export async function findExact (
  db: Executor, hashes: Array<{ type: HashKind, value: string }>
): Promise<EntryWithNotice[]> {
  if (hashes.length === 0) return []
  return exactQuery(db).execute({ types: hashes.map((h) => h.type), values: hashes.map((h) => h.value) })
}

// Every report batch looks its items up with it.
const exactQuery = preparedPerExecutor((db) => withNotice(db)
  .where(and(
    isNull(entries.retiredAt),
    sql`(${entries.type}, ${entries.value}) in (select * from unnest(${sql.placeholder('types')}::text[],
      ${sql.placeholder('values')}::text[]))`
  ))
  .orderBy(asc(entries.seq))
  .prepare('hash-bank-find-exact'))

/** Entries the in-memory index found, re-checked against the table so a retirement counts at once. */
export async function findLiveBySeq (db: Executor, seqs: number[]): Promise<EntryWithNotice[]> {
  if (seqs.length === 0) return []
  return withNotice(db).where(and(inArray(entries.seq, seqs), isNull(entries.retiredAt)))
}

export interface NewEntry {
  type: BankEntryType
  value: string
  quality?: number | null
  /** vpdq only: the packed features (value is their SHA-256). */
  features?: Buffer | null
  noticeId?: string | null
  noticeItemId?: string | null
  category?: string | null
  platform?: string | null
  source: string
  labels?: string[]
}

/** Adds entries, leaving any already banked (same hash, source and notice item) as they are, retired or not. */
export async function insertEntries (db: Executor, rows: NewEntry[]): Promise<number> {
  if (rows.length === 0) return 0
  const inserted = await db.insert(entries).values(rows).onConflictDoNothing().returning({ id: entries.id })
  return inserted.length
}

/** The entries of one notice item (or of the notice itself when itemId is null), for answering an upload. */
export async function entriesOfNoticeItem (
  db: Executor, noticeId: string, itemId: string | null
): Promise<EntryWithNotice[]> {
  const item = itemId === null ? isNull(entries.noticeItemId) : eq(entries.noticeItemId, itemId)
  return withNotice(db).where(and(eq(entries.noticeId, noticeId), item)).orderBy(asc(entries.seq))
}

/**
 * Banks the SHA-256, MD5, PDQ and vPDQ its report gave for each item of a notice (all items, or those listed), with the
 * notice's category and platform as provenance; a vPDQ whose frames had borders also as a second vpdq entry of its
 * trimmed frames, labelled trimmed. Runs inside the caller's transaction.
 */
export async function insertNoticeItemHashes (db: Executor, noticeId: string, itemIds?: string[]): Promise<number> {
  const only = itemIds === undefined ? sql`` : sql`and ni.id = any(${sql.param(itemIds)}::uuid[])`
  const result = await db.execute(sql`
    insert into hash_bank_entries (type, value, features, notice_id, notice_item_id, category, platform, source, labels)
    select h.type, lower(h.value), h.features, n.id, ni.id, n.category, n.platform, ${NOTICE_SOURCE}, h.labels
    from notices n
    join notice_items ni on ni.notice_id = n.id
    join report_items ri on ri.id = ni.id
    cross join lateral (values ('sha256', ri.sha256, null::bytea, '{}'::text[]), ('md5', ri.md5, null, '{}'),
                               ('pdq', ri.pdq, null, '{}'),
                               ('vpdq', encode(sha256(ri.vpdq), 'hex'), ri.vpdq, '{}'),
                               ('vpdq', encode(sha256(ri.vpdq_trimmed), 'hex'), ri.vpdq_trimmed,
                                 ${sql.param([TRIMMED_LABEL])}::text[])) as h(type, value, features, labels)
    where n.id = ${noticeId} and h.value is not null ${only}
    on conflict do nothing`)
  return result.rowCount ?? 0
}

const retirement = (by: string | null, reason: string | null) => ({
  retiredAt: sql`now()`,
  retiredBy: by,
  retireReason: reason,
  // A retirement is a change: it moves the entry to the feed's end, under this transaction's id.
  txId: sql`pg_current_xact_id()::text::bigint`,
  changeId: sql`nextval('hash_bank_change_seq')`
})

/**
 * Retires one entry; an entry already retired is returned unchanged (`retiredNow` false). Null when there is no
 * such entry.
 */
export async function retireEntry (
  db: Executor, id: string, by: string | null, reason: string | null
): Promise<{ entry: EntryWithNotice, retiredNow: boolean } | null> {
  const retired = await db.update(entries).set(retirement(by, reason)).where(and(
    eq(entries.id, id), isNull(entries.retiredAt)
  )).returning({ id: entries.id })
  const entry = await findEntry(db, id)
  return entry === null ? null : { entry, retiredNow: retired.length > 0 }
}

/** Retires every live entry a notice contributed (for a removal that is undone, e.g. a withdrawn notice). */
export async function retireNoticeEntries (
  db: Executor, noticeId: string, by: string | null, reason: string | null
): Promise<number> {
  const rows = await db.update(entries).set(retirement(by, reason))
    .where(and(eq(entries.noticeId, noticeId), isNull(entries.retiredAt)))
    .returning({ id: entries.id })
  return rows.length
}

/**
 * Entries added or retired after a position, oldest change first, only of transactions below this database's commit
 * horizon (commit-horizon.ts), so no change can still commit behind a position served. Takes the pool, not a
 * transaction: the horizon is read in a statement of its own before the one that uses it.
 */
export async function listChanges (
  db: Database, after: FeedPosition | null, limit: number, type?: BankEntryType
): Promise<EntryWithNotice[]> {
  const horizon = await readPoolHorizon(db)
  const conditions: SQL[] = [sql`${entries.txId} < ${horizon}`]
  if (after !== null) conditions.push(sql`(${entries.txId}, ${entries.changeId}) > (${after.txId}, ${after.changeId})`)
  if (type !== undefined) conditions.push(eq(entries.type, type))
  return withNotice(db).where(and(...conditions)).orderBy(asc(entries.txId), asc(entries.changeId)).limit(limit)
}

/** A pdq entry, or a vpdq entry with its packed features (its frames go into the same kind of index). */
export interface PdqIndexRow {
  seq: number
  type: string
  value: string
  quality: number | null
  features: Buffer | null
  labels: string[]
  retiredAt: Date | null
  txId: number
  changeId: number
}

const pdqColumns = {
  seq: entries.seq,
  type: entries.type,
  value: entries.value,
  quality: entries.quality,
  features: entries.features,
  labels: entries.labels,
  retiredAt: entries.retiredAt,
  txId: entries.txId,
  changeId: entries.changeId
}
const indexedTypes = inArray(entries.type, ['pdq', 'vpdq'])

/** PDQ and vPDQ changes after a position for the in-memory index: the same commit-safe rule as the public feed. */
export async function pdqChangesSince (db: Database, after: FeedPosition, limit: number): Promise<PdqIndexRow[]> {
  const horizon = await readPoolHorizon(db)
  return db.select(pdqColumns).from(entries)
    .where(and(
      indexedTypes,
      sql`${entries.txId} < ${horizon}`,
      sql`(${entries.txId}, ${entries.changeId}) > (${after.txId}, ${after.changeId})`
    ))
    .orderBy(asc(entries.txId), asc(entries.changeId))
    .limit(limit)
}

/**
 * Every live PDQ and vPDQ entry in one snapshot, in pages; returns the position the change poll continues from (the
 * commit horizon, read before the snapshot is taken, so the snapshot holds every row below it). Rows at or past it
 * may be delivered again by the poll; the caller skips those.
 */
export async function loadPdqSnapshot (
  db: Database, pageSize: number, onPage: (rows: PdqIndexRow[], horizon: number) => void
): Promise<FeedPosition> {
  const horizon = await readPoolHorizon(db)
  return db.transaction(async (tx) => {
    let last = 0
    for (;;) {
      const rows = await tx.select(pdqColumns).from(entries)
        .where(and(indexedTypes, isNull(entries.retiredAt), gt(entries.seq, last)))
        .orderBy(asc(entries.seq))
        .limit(pageSize)
      if (rows.length > 0) onPage(rows, horizon)
      if (rows.length < pageSize) break
      last = rows[rows.length - 1].seq
    }
    return { txId: horizon, changeId: 0 }
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' })
}
