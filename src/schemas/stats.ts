// The statistics resource's contract: per-platform compliance over a period.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { PLATFORM_SLUGS } from '../domain/platforms.ts'
import { NOTICE_STATUSES } from '../domain/vocabulary.ts'
import { Timestamp } from './common.ts'

export const StatsQuery = Type.Object({
  from: Type.Optional(Type.String({
    format: 'date-time', maxLength: 40, description: 'Start of the period, inclusive; default: 30 days before `to`'
  })),
  to: Type.Optional(Type.String({
    format: 'date-time', maxLength: 40, description: 'End of the period, exclusive; default: now'
  })),
  platform: Type.Optional(Type.Enum(PLATFORM_SLUGS)),
  format: Type.Optional(Type.Enum(['json', 'csv'] as const, { default: 'json' }))
}, { additionalProperties: false })

const Count = Type.Integer({ minimum: 0 })

export const PlatformStats = named('PlatformStats', Type.Object({
  platform: Type.Enum(PLATFORM_SLUGS),
  notices: Type.Integer({ minimum: 0, description: 'Notices issued in the period' }),
  byStatus: Type.Object(Object.fromEntries(NOTICE_STATUSES.map((s) => [s, Count])), {
    description: 'Notices issued in the period, by their current status'
  }),
  due: Type.Integer({
    minimum: 0,
    description: 'Notices whose deadline fell in the period (and before now), less those withdrawn on ' +
      'or before their deadline without removal'
  }),
  removedWithinDeadline: Type.Integer({
    minimum: 0, description: 'Of the due notices, those whose first `removed` event is at or before the deadline'
  }),
  removedWithinDeadlineShare: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], {
    description: 'removedWithinDeadline / due; null when nothing was due'
  }),
  removals: Type.Integer({ minimum: 0, description: 'Notices issued in the period that reached `removed`' }),
  medianSecondsToRemoval: Type.Union([Type.Number(), Type.Null()], {
    description: 'Median time from issue to the first `removed` event (interpolated), over `removals`'
  }),
  p90SecondsToRemoval: Type.Union([Type.Number(), Type.Null()], {
    description: '90th percentile of the same (interpolated, as percentile_cont)'
  }),
  overdue: Type.Integer({ minimum: 0, description: 'Notices issued in the period that ever went overdue' }),
  escalated: Type.Integer({ minimum: 0, description: 'Notices issued in the period that were ever escalated' }),
  reuploads: Type.Integer({
    minimum: 0, description: 'Notices issued in the period for material that was removed before (a re-upload)'
  })
}))

export const StatsDocument = named('Stats', Type.Object({
  from: Timestamp,
  to: Timestamp,
  platforms: Type.Array(PlatformStats)
}))

/** The figures as CSV: one row per platform, with a header. */
export const StatsCsv = Type.String({ maxLength: 1_000_000 })
export type StatsView = Static<typeof StatsDocument>
