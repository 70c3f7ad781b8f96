// The figures an operator watches, read in one round trip: notices by status, notices past their deadline, the
// change feed's backlog, the hash bank's size and the delivery outbox.
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { TRANSITIONS } from '../domain/notices/notice-lifecycle.ts'

export interface OperationalFigures {
  notices: Array<{ platform: string, status: string, count: number }>
  /** Notices a deadline sweep would turn overdue: still awaiting the platform, deadline passed. */
  pastDeadline: Array<{ platform: string, count: number }>
  feed: { pending: number, oldestAgeSeconds: number }
  bank: Array<{ type: string, count: number }>
  /** The outbox: deliveries waiting, by channel, the oldest one's age, and the endpoints the gateway disabled. */
  deliveries: {
    pending: Array<{ channel: string, count: number }>
    oldestPendingAgeSeconds: number
    disabledEndpoints: number
  }
}

/** The statuses a passing deadline moves on, from the lifecycle table. */
const EXPIRABLE = TRANSITIONS.find((rule) => rule.action === 'expire')!.from

export async function readOperationalFigures (db: Database): Promise<OperationalFigures> {
  const { rows } = await db.execute<{ figures: OperationalFigures }>(sql`
    select json_build_object(
      'notices', coalesce((select json_agg(n) from (
        select platform, status, count(*)::int as count from notices group by platform, status) n), '[]'),
      'pastDeadline', coalesce((select json_agg(p) from (
        select platform, count(*)::int as count from notices
        where status in (${sql.join(EXPIRABLE.map((status) => sql`${status}`), sql`, `)}) and deadline < now()
        group by platform) p), '[]'),
      'feed', (select json_build_object(
        'pending', count(*)::int,
        'oldestAgeSeconds', coalesce(extract(epoch from now() - min(at)), 0)::float8)
        from notice_events where position is null),
      'bank', coalesce((select json_agg(b) from (
        select type, count(*)::int as count from hash_bank_entries where retired_at is null group by type) b), '[]'),
      'deliveries', json_build_object(
        'pending', coalesce((select json_agg(d) from (
          select channel, count(*)::int as count from deliveries where status = 'pending' group by channel) d), '[]'),
        'oldestPendingAgeSeconds', (select coalesce(extract(epoch from now() - min(created_at)), 0)::float8
          from deliveries where status = 'pending'),
        'disabledEndpoints', (select count(*)::int from webhook_endpoints
          where deleted_at is null and not enabled and disabled_reason is not null))
    ) as figures`)
  return rows[0].figures
}
