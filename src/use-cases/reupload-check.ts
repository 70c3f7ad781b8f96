// Before a report is issued: is each item known material (hash bank, earlier notices) or already under notice?
import type { Database } from '../db/index.ts'
import type { RecognisedItem } from '../domain/notices/report-intake.ts'
import type { HashKind, NoticeStatus } from '../domain/vocabulary.ts'
import {
  MATERIAL_GONE_STATUSES, OPEN_STATUSES as OPEN_NOTICE_STATUSES, ruleOf
} from '../domain/notices/notice-lifecycle.ts'
import { noticesOfCanonicalUrls, type UrlHistoryRow } from '../repositories/notices.ts'
import { matchHashes, videoQuery, type HashQuery } from './hash-bank/match.ts'
import { decodeFeatures } from '../domain/matching/vpdq-match.ts'
import type { HashBankIndex } from '../hash-bank/index-service.ts'
import type { Viewer } from './hash-bank/views.ts'
import type { MatchView } from '../schemas/hash-bank.ts'
import type { EarlierRemoval } from '../domain/notices/notice-content.ts'
import type { Category } from '../domain/vocabulary.ts'

export interface NoticeRef { id: string, referenceNumber: string }

export interface ItemVerdict {
  /** Known material: bank matches and earlier notices whose item at this URL was removed. */
  reupload: { matches: MatchView[], notices: NoticeRef[] } | null
  /** The open notice already covering this URL: the item is a duplicate, not a new notice. */
  duplicateOf: NoticeRef | null
  /** Reference numbers of every earlier notice that removed this material (what the authority sees). */
  reuploadOf: string[]
  /** The same, with when and in what category: a notice to a platform cites only its own by number (citationsFor). */
  earlier: EarlierRemoval[]
}

/** Statuses in which the platform still owes an outcome for an item not yet removed (from the lifecycle table). */
export const OPEN_STATUSES: readonly string[] = OPEN_NOTICE_STATUSES
const OPEN = new Set<string>(OPEN_STATUSES)
const MATERIAL_GONE = new Set<string>([...MATERIAL_GONE_STATUSES, ...ruleOf('close').to])

function isOpen (row: UrlHistoryRow): boolean {
  return OPEN.has(row.status) && row.outcome === 'pending'
}

/** Removed material: an item the platform removed or restricted (a withdrawn notice proves nothing). */
function isPast (row: UrlHistoryRow): boolean {
  return !ruleOf('withdraw').to.includes(row.status as NoticeStatus) && (
    row.outcome === 'removed' || MATERIAL_GONE.has(row.status)
  )
}

export async function checkItems (
  db: Database, bank: HashBankIndex, items: readonly RecognisedItem[], viewer: Viewer
): Promise<ItemVerdict[]> {
  const queries: Array<HashQuery & { item: number }> = []
  items.forEach((item, index) => {
    for (const type of ['sha256', 'md5', 'pdq'] as HashKind[]) {
      const value = item.hashes[type]
      if (value !== null) queries.push({ type, value, item: index })
    }
    // A video hash is matched as POST /v1/hash-bank/match matches it, under HMA's thresholds, its trimmed frames too.
    if (item.hashes.vpdq !== null) {
      const trimmed = item.hashes.vpdqTrimmed === null ? null : decodeFeatures(item.hashes.vpdqTrimmed)
      queries.push({ ...videoQuery(decodeFeatures(item.hashes.vpdq), {}, trimmed), item: index })
    }
  })
  const [results, history] = await Promise.all([
    queries.length > 0 ? matchHashes(bank, db, queries, viewer) : Promise.resolve([]),
    noticesOfCanonicalUrls(db, items.map((item) => item.canonicalUrl))
  ])
  const matchesOf = items.map((): MatchView[] => [])
  results.forEach((result, i) => matchesOf[queries[i].item].push(...result.matches))
  return items.map((item, index) => {
    const atUrl = history.filter((row) => row.canonicalUrl === item.canonicalUrl)
    const open = atUrl.find(isOpen)
    const past = atUrl.filter(isPast)
    const matches = matchesOf[index]
    const cited = new Map<string, NoticeRef>()
    const earlier = new Map<string, EarlierRemoval>()
    for (const m of matches) {
      if (m.notice === null) continue
      cited.set(m.notice.referenceNumber, m.notice)
      earlier.set(
        m.notice.referenceNumber,
        { referenceNumber: m.notice.referenceNumber, removedAt: m.addedAt, category: m.category as Category }
      )
    }
    for (const row of past) {
      cited.set(row.referenceNumber, { id: row.noticeId, referenceNumber: row.referenceNumber })
      if (!earlier.has(row.referenceNumber)) {
        earlier.set(
          row.referenceNumber,
          {
            referenceNumber: row.referenceNumber,
            removedAt: row.removedAt.toISOString(),
            category: row.category as Category
          }
        )
      }
    }
    return {
      reupload: matches.length > 0 || past.length > 0 ? { matches, notices: [...cited.values()] } : null,
      duplicateOf: open ? { id: open.noticeId, referenceNumber: open.referenceNumber } : null,
      reuploadOf: [...cited.keys()].sort(),
      earlier: [...earlier.values()]
    }
  })
}
