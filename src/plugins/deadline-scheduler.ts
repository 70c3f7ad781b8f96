// The deadline sweeps on the durable queue as `app.deadlineScheduler` (null when off): from ready until close.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import type { Logger } from 'pino'
import type { Database } from '../db/index.ts'
import { DeadlineScheduler } from '../jobs/deadlines.ts'
import type { TransitionHooks } from '../use-cases/transition-notice.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Moves notices past their deadline to overdue (pg-boss, schema pgboss); null when this process runs none. */
    deadlineScheduler: DeadlineScheduler | null
  }
}

export interface DeadlineSchedulerPluginOptions {
  pool: pg.Pool
  db: Database
  /** What a notice's transition to overdue sets off, as for any other transition. */
  hooks: TransitionHooks
  /** Seconds between sweeps; 0 runs none in this process. */
  intervalSeconds: number
}

export default fp(async function deadlineScheduler (app: FastifyInstance, opts: DeadlineSchedulerPluginOptions) {
  if (opts.intervalSeconds === 0) {
    app.decorate('deadlineScheduler', null)
    return
  }
  const deadlines = new DeadlineScheduler({
    connection: opts.pool,
    db: opts.db,
    hooks: opts.hooks,
    logger: app.log as unknown as Logger,
    intervalSeconds: opts.intervalSeconds
  })
  app.decorate('deadlineScheduler', deadlines)
  app.addHook('onReady', async () => { await deadlines.start() })
  app.addHook('onClose', async () => { await deadlines.stop() })
}, { name: 'deadline-scheduler' })
