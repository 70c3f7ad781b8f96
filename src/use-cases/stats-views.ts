// Maps the per-platform figures to the API's statistics document, and that document to its CSV rendering.
import type { PlatformStats, StatsQuery } from '../repositories/stats.ts'
import type { StatsView } from '../schemas/stats.ts'
import { NOTICE_STATUSES } from '../domain/vocabulary.ts'
import { csvDocument } from '../lib/csv.ts'

const CSV_HEADER = [
  'platform', 'notices', ...NOTICE_STATUSES, 'due', 'removedWithinDeadline', 'removedWithinDeadlineShare',
  'removals', 'medianSecondsToRemoval', 'p90SecondsToRemoval', 'overdue', 'escalated', 'reuploads'
]

export function toStatsView ({ from, to }: Pick<StatsQuery, 'from' | 'to'>, rows: PlatformStats[]): StatsView {
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    platforms: rows.map((r) => ({ ...r, platform: r.platform as StatsView['platforms'][number]['platform'] }))
  }
}

/** One row per platform, with a header. */
export function statsCsv ({ platforms }: StatsView): string {
  return csvDocument(CSV_HEADER, platforms.map((r) => [
    r.platform, r.notices, ...NOTICE_STATUSES.map((s) => r.byStatus[s]), r.due, r.removedWithinDeadline,
    r.removedWithinDeadlineShare, r.removals, r.medianSecondsToRemoval, r.p90SecondsToRemoval, r.overdue, r.escalated,
    r.reuploads
  ]))
}
