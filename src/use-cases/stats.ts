// Per-platform compliance over a period: statuses, removal in time, time to removal, overdue, escalations, re-uploads.
import type { Database } from '../db/index.ts'
import { platformStats, type StatsQuery } from '../repositories/stats.ts'
import type { StatsView } from '../schemas/stats.ts'
import { toStatsView } from './stats-views.ts'

export async function readStats (db: Database, query: StatsQuery): Promise<StatsView> {
  return toStatsView(query, await platformStats(db, query))
}
