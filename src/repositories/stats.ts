// Per-platform compliance figures over a period, computed in PostgreSQL from notices and their events.
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { NOTICE_STATUSES, type NoticeStatus } from '../domain/vocabulary.ts'

export interface StatsQuery {
  from: Date
  to: Date
  /** The moment "due" is measured against: a deadline still in the future is not yet due. */
  now: Date
  platform?: string
}

export interface PlatformStats {
  platform: string
  notices: number
  byStatus: Record<NoticeStatus, number>
  due: number
  removedWithinDeadline: number
  removedWithinDeadlineShare: number | null
  removals: number
  medianSecondsToRemoval: number | null
  p90SecondsToRemoval: number | null
  overdue: number
  escalated: number
  reuploads: number
}

const platformFilter = (column: string, platform?: string) =>
  platform === undefined ? sql`` : sql`and ${sql.raw(column)} = ${platform}`

/**
 * Three snapshots of one consistent state (repeatable read):
 * - the issued cohort (issued_at in [from, to)): counts by current status, overdue/escalated ever, re-uploads, and
 *   the time from issue to the first `removed` event (median and 90th percentile, interpolated);
 * - the due cohort (deadline in [from, min(to, now))), minus notices withdrawn on or before their deadline without
 *   having been removed: the platform owed nothing for those. A notice counts as removed in time when its first
 *   `removed` event is at or before its deadline. Once removed, nothing restarts a deadline (clarify only follows
 *   cannot_comply), so the stored deadline is the one that was in force at removal.
 */
export async function platformStats (db: Database, q: StatsQuery): Promise<PlatformStats[]> {
  const dueUntil = q.now < q.to ? q.now : q.to
  return db.transaction(async (tx) => {
    const platforms = await tx.execute<{ slug: string }>(sql`
      select slug from platforms where true ${platformFilter('slug', q.platform)} order by slug`)

    const statuses = await tx.execute<{ platform: string, status: string, n: number }>(sql`
      select platform, status, count(*)::int as n from notices
      where issued_at >= ${q.from} and issued_at < ${q.to} ${platformFilter('platform', q.platform)}
      group by platform, status`)

    const issued = await tx.execute<{
      platform: string,
      notices: number,
      removals: number,
      median: number | null,
      p90: number | null,
      overdue: number,
      escalated: number,
      reuploads: number
    }>(sql`
      with cohort as (
        select id, platform, issued_at, cardinality(reupload_of) > 0 as reupload from notices
        where issued_at >= ${q.from} and issued_at < ${q.to} ${platformFilter('platform', q.platform)}
      ), marks as (
        select e.notice_id,
          min(e.at) filter (where e.to_status = 'removed') as removed_at,
          bool_or(e.to_status = 'overdue') as overdue,
          bool_or(e.to_status = 'escalated') as escalated
        from notice_events e join cohort c on c.id = e.notice_id
        where e.to_status in ('removed', 'overdue', 'escalated')
        group by e.notice_id
      ), durations as (
        select c.*, extract(epoch from (m.removed_at - c.issued_at))::float8 as seconds,
          coalesce(m.overdue, false) as overdue, coalesce(m.escalated, false) as escalated
        from cohort c left join marks m on m.notice_id = c.id
      )
      select platform, count(*)::int as notices, count(seconds)::int as removals,
        round((percentile_cont(0.5) within group (order by seconds))::numeric, 3)::float8 as median,
        round((percentile_cont(0.9) within group (order by seconds))::numeric, 3)::float8 as p90,
        count(*) filter (where overdue)::int as overdue,
        count(*) filter (where escalated)::int as escalated,
        count(*) filter (where reupload)::int as reuploads
      from durations group by platform`)

    const due = await tx.execute<{ platform: string, due: number, in_time: number }>(sql`
      with cohort as (
        select id, platform, deadline from notices
        where deadline >= ${q.from} and deadline < ${dueUntil} ${platformFilter('platform', q.platform)}
      ), marks as (
        select e.notice_id,
          min(e.at) filter (where e.to_status = 'removed') as removed_at,
          min(e.at) filter (where e.to_status = 'withdrawn') as withdrawn_at
        from notice_events e join cohort c on c.id = e.notice_id
        where e.to_status in ('removed', 'withdrawn')
        group by e.notice_id
      )
      select c.platform, count(*)::int as due,
        count(*) filter (where m.removed_at <= c.deadline)::int as in_time
      from cohort c left join marks m on m.notice_id = c.id
      where not (m.withdrawn_at is not null and m.withdrawn_at <= c.deadline and m.removed_at is null)
      group by c.platform`)

    return platforms.rows.map(({ slug }) => {
      const byStatus = Object.fromEntries(NOTICE_STATUSES.map((s) => [s, 0])) as Record<NoticeStatus, number>
      for (const row of statuses.rows) if (row.platform === slug) byStatus[row.status as NoticeStatus] = row.n
      const i = issued.rows.find((r) => r.platform === slug)
      const d = due.rows.find((r) => r.platform === slug)
      const dueCount = d?.due ?? 0
      const inTime = d?.in_time ?? 0
      return {
        platform: slug,
        notices: i?.notices ?? 0,
        byStatus,
        due: dueCount,
        removedWithinDeadline: inTime,
        removedWithinDeadlineShare: dueCount === 0 ? null : inTime / dueCount,
        removals: i?.removals ?? 0,
        medianSecondsToRemoval: i?.median ?? null,
        p90SecondsToRemoval: i?.p90 ?? null,
        overdue: i?.overdue ?? 0,
        escalated: i?.escalated ?? 0,
        reuploads: i?.reuploads ?? 0
      }
    })
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' })
}
