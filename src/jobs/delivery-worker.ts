// Sends what the outbox holds, from every process at once: claims due deliveries under a lease, hands each to its
// channel (e-mail or webhook), records the attempt, schedules the next one, and delivers the notice (as `system`)
// when its first channel accepts it. Design: docs/delivery.md.
import type { Logger } from 'pino'
import type { Database } from '../db/index.ts'
import {
  claimDueDeliveries, disableEndpoint, markEndpointFailing, markEndpointHealthy, recordAttempt,
  type AttemptRecord, type DeliveryRow
} from '../repositories/deliveries.ts'
import { AppError } from '../lib/errors.ts'
import { transitionNotice, type TransitionHooks } from '../use-cases/transition-notice.ts'
import { appendAudit } from '../repositories/audit.ts'
import { isIssued } from '../repositories/notices.ts'
import type { ChannelOutcome } from '../delivery/channel-outcome.ts'

export interface DeliveryChannels {
  send: (row: DeliveryRow) => Promise<ChannelOutcome>
}

export interface DeliveryWorkerOptions {
  db: Database
  hooks: TransitionHooks
  channels: DeliveryChannels
  logger: Pick<Logger, 'warn' | 'info'>
  /** How long after attempt `n` failed the next is due (ms; null: no more), honouring the receiver's Retry-After. */
  nextDelayMs: (attempt: number, retryAfterSeconds?: number) => number | null
  /** An endpoint failing this long is disabled. */
  disableAfterMs: number
  /** How often the outbox is looked at when nothing nudged it. */
  pollMs?: number
  /** Deliveries sent at once by this process. */
  concurrency?: number
  /** How long a claim keeps others off a delivery: longer than any attempt may take. */
  leaseMs?: number
  metrics?: { attempt: (channel: string, outcome: AttemptRecord['outcome']) => void }
}

const POLL_MS = 250
const CONCURRENCY = 8
const LEASE_MS = 60_000

export class DeliveryWorker {
  private running = false
  private loop: Promise<void> | null = null
  private wake: (() => void) | null = null
  private nudged = false
  private readonly inFlight = new Set<Promise<void>>()

  constructor (private readonly options: DeliveryWorkerOptions) {}

  start (): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  /** A commit in this process wrote deliveries: look at once rather than at the next poll. */
  nudge (): void {
    this.nudged = true
    this.wake?.()
  }

  async stop (): Promise<void> {
    this.running = false
    this.wake?.()
    await this.loop
  }

  /**
   * Keeps up to `concurrency` deliveries in flight: claims as many as there are free places, and claims again as
   * soon as one finishes, so that a slow receiver holds one place, not a whole batch. Waits (for a place, a nudge or
   * the poll interval) only when nothing more is due or every place is taken.
   */
  private async run (): Promise<void> {
    const { db, logger, concurrency = CONCURRENCY, leaseMs = LEASE_MS, pollMs = POLL_MS } = this.options
    while (this.running) {
      const free = concurrency - this.inFlight.size
      let claimed: DeliveryRow[] = []
      if (free > 0) {
        try {
          claimed = await claimDueDeliveries(db, free, leaseMs)
        } catch (error) {
          // The database may be away; the next pass tries again, and leases bring back what was claimed.
          logger.warn({ err: error }, 'delivery claim failed')
        }
        for (const row of claimed) this.track(row)
      }
      const room = this.inFlight.size < concurrency
      if (room && (claimed.length === free || this.nudged)) {
        this.nudged = false
        continue
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs)
        this.wake = () => { clearTimeout(timer); resolve() }
      })
      this.wake = null
    }
    await Promise.all(this.inFlight)
  }

  private track (row: DeliveryRow): void {
    const sending: Promise<void> = this.deliver(row)
      .catch((error: unknown) => {
        // Recording failed (the database went away): the lease brings the delivery back.
        this.options.logger.warn({ err: error, delivery: row.deliveryId }, 'delivery not recorded')
      })
      .finally(() => {
        this.inFlight.delete(sending)
        this.wake?.()
      })
    this.inFlight.add(sending)
  }

  private async deliver (row: DeliveryRow): Promise<void> {
    const { db, channels, logger } = this.options
    let outcome: ChannelOutcome
    try {
      outcome = await channels.send(row)
    } catch (error) {
      // A failure of the gateway's own making (the letter could not be rendered, the database went away): tried
      // again on the schedule like any other.
      outcome = { ok: false, retryable: true, error: describe(error), durationMs: 0 }
    }
    const record = this.recordOf(row, outcome)
    const recorded = await recordAttempt(db, row, record)
    this.options.metrics?.attempt(row.channel, record.outcome)
    if (!recorded) return
    if (row.endpointId !== null) await this.followEndpoint(row.endpointId, outcome)
    if (outcome.ok) await this.deliverNotice(row, outcome.channelNote)
    else logger.info({ delivery: row.deliveryId, channel: row.channel, error: outcome.error }, 'delivery failed')
  }

  private recordOf (row: DeliveryRow, outcome: ChannelOutcome): AttemptRecord {
    const base = { statusCode: outcome.statusCode, response: outcome.response, durationMs: outcome.durationMs }
    if (outcome.ok) return { ...base, outcome: 'delivered' }
    if (outcome.refused === true) return { ...base, outcome: 'refused', error: outcome.error }
    if (!outcome.retryable || outcome.disable === true) return { ...base, outcome: 'failed', error: outcome.error }
    const delay = this.options.nextDelayMs(row.attempts, outcome.retryAfterSeconds)
    if (delay === null) return { ...base, outcome: 'failed', error: `${outcome.error}; no attempts left` }
    return { ...base, outcome: 'retry', error: outcome.error, nextAttemptAt: new Date(Date.now() + delay) }
  }

  /** A success clears an endpoint's failing streak; 410, or five days of failures, disables it. */
  private async followEndpoint (endpointId: string, outcome: ChannelOutcome): Promise<void> {
    const { db } = this.options
    if (outcome.ok) return await markEndpointHealthy(db, endpointId)
    const since = await markEndpointFailing(db, endpointId)
    const reason = outcome.disable === true
      ? 'the endpoint answered 410 Gone'
      : since !== null && Date.now() - since.getTime() >= this.options.disableAfterMs
        ? 'every delivery failed for 5 days'
        : null
    if (reason === null) return
    await db.transaction(async (tx) => {
      if (!(await disableEndpoint(tx, endpointId, reason))) return
      await appendAudit(tx, { id: null, role: 'system' }, {
        action: 'webhook_endpoint.disabled', targetType: 'webhook_endpoint', targetId: endpointId, change: { reason }
      })
    })
    this.options.logger.warn({ endpoint: endpointId, reason }, 'webhook endpoint disabled')
  }

  /** The first channel to accept an issued notice delivers it; a notice already delivered (or further) stays. */
  private async deliverNotice (row: DeliveryRow, channelNote: string): Promise<void> {
    if (row.eventType !== 'notice.created') return
    // Most acceptances come after the first (another endpoint, the e-mail): a read spares them a transaction.
    if (!(await isIssued(this.options.db, row.noticeId))) return
    try {
      await transitionNotice(this.options.db, this.options.hooks, { system: true }, row.noticeId, null, {
        action: 'deliver', note: channelNote
      })
    } catch (error) {
      // Another channel, or the liaison's own read, delivered it first: the state machine refuses a second deliver.
      if (error instanceof AppError && error.status === 409) return
      throw error
    }
  }
}

function describe (error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000)
}
