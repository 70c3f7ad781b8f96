// Moves notices past their deadline to overdue, on the durable job queue (pg-boss), safely from many processes.
import { and, asc, inArray, lte, notInArray, type SQL } from 'drizzle-orm'
import PgBoss from 'pg-boss'
import pg from 'pg'
import type { Logger } from 'pino'
import type { Database } from '../db/index.ts'
import { notices } from '../db/schema.ts'
import { EXPIRABLE_STATUSES } from '../domain/notices/notice-lifecycle.ts'
import { AppError } from '../lib/errors.ts'
import { transitionNotice, type TransitionHooks } from '../use-cases/transition-notice.ts'

export const DEADLINE_QUEUE = 'notice-deadlines'
/** How often a sweep runs by default; with the worker's polling it bounds how late a notice turns overdue. */
export const DEFAULT_SWEEP_SECONDS = 15
const BATCH = 500
/** A job run stops after this many batches and queues its successor at once, so no run outlives its expiry. */
const RUN_BATCHES = 4
/** Serialises pg-boss's set-up across processes (same key space as the sequencer's and the migrations' locks). */
const JOB_QUEUE_BOOT_LOCK = 7_310_004

/** The statuses the state machine lets 'expire' leave: the lifecycle table stays the one source. */
export { EXPIRABLE_STATUSES }

export interface SweepResult {
  /** Notices this sweep moved to overdue. */
  expired: number
  /** Notices another process moved first (the state machine refused 'expire' here). */
  skipped: number
  /** Notices whose transition failed for another reason; the next sweep tries them again. */
  failed: number
  /** The sweep stopped at maxBatches with notices possibly still due. */
  more: boolean
}

export interface SweepOptions {
  logger?: Pick<Logger, 'warn'>
  batchSize?: number
  /** Stop after this many full batches (the job keeps its runs short); unset sweeps until nothing is due. */
  maxBatches?: number
}

/**
 * One sweep over the notices due at `now`. Safe to run in several processes at once: transitionNotice locks the
 * notice and re-checks its status, so a notice another sweep has just expired is refused (a conflict) here and counted
 * as skipped; each notice turns overdue, with one event and one audit entry, exactly once.
 */
export async function sweepDeadlines (
  db: Database, hooks: TransitionHooks, now = new Date(), options: SweepOptions = {}
): Promise<SweepResult> {
  const batchSize = options.batchSize ?? BATCH
  const result: SweepResult = { expired: 0, skipped: 0, failed: 0, more: false }
  // Failures stay out of later batches of this sweep, so that one broken notice cannot keep the loop busy.
  const failedIds: string[] = []
  for (let batch = 1; ; batch++) {
    const conditions: SQL[] = [inArray(notices.status, [...EXPIRABLE_STATUSES]), lte(notices.deadline, now)]
    if (failedIds.length > 0) conditions.push(notInArray(notices.id, failedIds))
    const due = await db.select({ id: notices.id }).from(notices)
      .where(and(...conditions)).orderBy(asc(notices.deadline)).limit(batchSize)
    for (const { id } of due) {
      try {
        // The transition is stamped when it happens; `now` is only the cut-off of what is due.
        await transitionNotice(db, hooks, { system: true }, id, null, { action: 'expire' })
        result.expired++
      } catch (error) {
        if (isAlreadyGone(error)) {
          result.skipped++
        } else {
          result.failed++
          failedIds.push(id)
          options.logger?.warn({ err: error, noticeId: id }, 'could not move a notice past its deadline to overdue')
        }
      }
    }
    if (due.length < batchSize) return result
    if (options.maxBatches !== undefined && batch >= options.maxBatches) return { ...result, more: true }
  }
}

/**
 * Another process got there first: the state machine no longer allows 'expire' (conflict), or the notice is gone
 * (not_found). Anything else is a real failure, retried by the next sweep.
 */
function isAlreadyGone (error: unknown): boolean {
  return error instanceof AppError && (error.code === 'notice_transition_not_allowed' || error.code === 'not_found')
}

/** One sweep without the job queue (the job's handler calls it; so can tests and scripts). */
export async function expireOverdueNotices (
  db: Database, hooks: TransitionHooks, now = new Date(), options: SweepOptions = {}
): Promise<number> {
  return (await sweepDeadlines(db, hooks, now, options)).expired
}

export interface DeadlineSchedulerOptions {
  /** The gateway's pool (pg-boss then shares it and leaves it open), or a connection string for a pool of its own. */
  connection: pg.Pool | string
  db: Database
  hooks: TransitionHooks
  logger: Logger
  /** pg-boss's own schema in the same database. */
  schema?: string
  intervalSeconds?: number
}

/**
 * Runs the sweep as a job chain on pg-boss. The queue's 'short' policy keeps at most one sweep job waiting
 * across all processes (further sends are dropped), and each run queues its successor one interval after it
 * ends, so the chain ticks faster than pg-boss cron's one-minute granularity. A per-minute cron schedule
 * re-seeds the chain should a process die in the middle of a run.
 */
export class DeadlineScheduler {
  private readonly boss: PgBoss
  private readonly intervalSeconds: number
  private starting: Promise<void> | null = null

  constructor (private readonly options: DeadlineSchedulerOptions) {
    this.intervalSeconds = options.intervalSeconds ?? DEFAULT_SWEEP_SECONDS
    if (!(this.intervalSeconds > 0)) throw new Error('intervalSeconds must be positive')
    const { connection } = options
    const target = typeof connection === 'string'
      ? { connectionString: connection, max: 4, application_name: 'takedown-gateway-jobs' }
      // Through pool.query, a connection left broken by a failed statement is discarded rather than reused.
      : { db: { executeSql: (text: string, values?: unknown[]) => connection.query(text, values) } }
    this.boss = new PgBoss({ ...target, schema: options.schema ?? 'pgboss' })
    this.boss.on('error', (error) => options.logger.warn({ err: error }, 'job queue error'))
  }

  start (): Promise<void> {
    this.starting ??= this.boot()
    return this.starting
  }

  async stop (): Promise<void> {
    // A stop during start must wait for it, or pg-boss would be left running.
    await this.starting?.catch(() => {})
    this.starting = null
    // Graceful: a sweep in progress finishes its current notices before the connections go.
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 })
  }

  private async boot (): Promise<void> {
    await this.underBootLock(async () => {
      await this.boss.start()
      await this.boss.createQueue(
        DEADLINE_QUEUE, { name: DEADLINE_QUEUE, policy: 'short', retryLimit: 0, expireInSeconds: 600 }
      )
      await this.boss.schedule(DEADLINE_QUEUE, '* * * * *', {}, { tz: 'UTC' })
    })
    const pollingIntervalSeconds = Math.max(0.5, Math.min(2, this.intervalSeconds / 2))
    await this.boss.work(DEADLINE_QUEUE, { pollingIntervalSeconds, batchSize: 1 }, () => this.run())
    // Starts the chain now, or is dropped when another process already keeps it going.
    await this.boss.send(DEADLINE_QUEUE, {})
    this.options.logger.info({ intervalSeconds: this.intervalSeconds }, 'deadline scheduler started')
  }

  /**
   * pg-boss installs its schema under an advisory lock of its own, but create_queue (a row plus a partition and
   * its foreign keys) deadlocks when two processes create queues at once; so the whole set-up takes turns.
   */
  private async underBootLock (work: () => Promise<void>): Promise<void> {
    const { connection } = this.options
    const own = typeof connection === 'string' ? new pg.Client({ connectionString: connection }) : null
    if (own) await own.connect()
    const client = own ?? await (connection as pg.Pool).connect()
    let broken: Error | undefined
    try {
      await client.query('select pg_advisory_lock($1)', [JOB_QUEUE_BOOT_LOCK])
      try {
        await work()
      } finally {
        await client.query(
          'select pg_advisory_unlock($1)', [JOB_QUEUE_BOOT_LOCK]
        ).catch((error: Error) => { broken = error })
      }
    } finally {
      // A connection that could not unlock may still hold the lock: it is closed, never returned to the pool.
      if (own) await own.end()
      else (client as pg.PoolClient).release(broken)
    }
  }

  private async run (): Promise<void> {
    const started = Date.now()
    const { db, hooks, logger } = this.options
    let more = false
    try {
      const result = await sweepDeadlines(db, hooks, new Date(), { logger, maxBatches: RUN_BATCHES })
      more = result.more
      const summary = {
        expired: result.expired, skipped: result.skipped, failed: result.failed, more, ms: Date.now() - started
      }
      if (result.expired + result.skipped + result.failed > 0) {
        logger.info(summary, 'deadline sweep: notices moved to overdue')
      } else logger.debug(summary, 'deadline sweep: nothing due')
    } catch (error) {
      logger.warn({ err: error }, 'deadline sweep failed; the next run tries again')
    } finally {
      // Queued only now, so sweeps of one chain never overlap; a backlog is worked off in short runs back to back.
      try {
        if (more) await this.boss.send(DEADLINE_QUEUE, {})
        else await this.boss.sendAfter(DEADLINE_QUEUE, {}, {}, this.intervalSeconds)
      } catch (error) {
        // The database is away: the per-minute schedule starts the chain again once it is back.
        logger.warn({ err: error }, 'could not queue the next deadline sweep; the minute schedule restarts the chain')
      }
    }
  }
}
