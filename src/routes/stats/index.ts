// GET /v1/stats: per-platform compliance, time to removal, overdue, escalation and re-upload counts over a period.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { StatsCsv, StatsDocument, StatsQuery } from '../../schemas/stats.ts'
import { errorResponses } from '../../schemas/common.ts'
import { readStats } from '../../use-cases/stats.ts'
import { statsCsv } from '../../use-cases/stats-views.ts'
import { AppError } from '../../lib/errors.ts'

const ROLES = ['authority', 'auditor'] as const
const DEFAULT_PERIOD_MS = 30 * 24 * 3_600_000

const stamp = (at: Date): string => at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')

const stats: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/stats', {
    config: { roles: ROLES },
    schema: {
      tags: ['stats'],
      operationId: 'getStats',
      summary: 'Per-platform compliance over a period [from, to): statuses, removal in time, time to removal, ' +
        'overdue, escalations, re-uploads',
      description: 'Every platform of the catalogue has a row (zeros included), ordered by slug. Counts, time to ' +
        'removal, overdue, escalated and re-upload figures cover notices issued in the period; `due` and ' +
        '`removedWithinDeadline` cover notices whose deadline fell in the period and has passed. `format=csv`: one ' +
        'row per platform with a header.',
      querystring: StatsQuery,
      produces: ['application/json', 'text/csv'],
      response: {
        200: {
          description: 'The figures',
          headers: {
            'Content-Disposition': {
              type: 'string', description: 'CSV only: attachment; filename="stats-<from>-<to>.csv"'
            }
          },
          content: {
            'application/json': { schema: StatsDocument },
            'text/csv': { schema: StatsCsv }
          }
        },
        ...errorResponses(400, 403)
      }
    }
  }, async (request, reply) => {
    const now = new Date()
    const to = request.query.to === undefined ? now : new Date(request.query.to)
    const from = request.query.from === undefined
      ? new Date(
        to.getTime() - DEFAULT_PERIOD_MS
      )
      : new Date(request.query.from)
    if (from >= to) {
      throw new AppError('validation_failed', '`from` must be before `to`', {
        extra: { errors: [{ pointer: 'querystring:/from', detail: 'must be before to' }] }
      })
    }
    const body = await readStats(db, { from, to, now, platform: request.query.platform })
    if (request.query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8; header=present')
        .header('content-disposition', `attachment; filename="stats-${stamp(from)}-${stamp(to)}.csv"`)
        .send(statsCsv(body))
    }
    return reply.type('application/json; charset=utf-8').send(body)
  })
}

export default stats
