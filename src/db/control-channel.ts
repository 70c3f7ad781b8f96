// One dedicated connection per gateway process, kept open for the process's life: it holds the process's
// owner lock (how others tell that a request's owner is gone) and listens for changes that invalidate caches.
import crypto from 'node:crypto'
import { EventEmitter } from 'node:events'
import pg from 'pg'
import type { Logger } from 'pino'

/** Advisory-lock namespace (first key of the two-key form) of gateway processes' owner locks. */
export const OWNER_LOCK_NAMESPACE = 7_310_010
/** The NOTIFY channel on which writers name what changed ('clients', 'platforms', 'legal-bases'). */
export const CHANGES_CHANNEL = 'takedown_changes'
/** Reconnection is retried at least this often: requests with an Idempotency-Key wait for it (503 until then). */
const RECONNECT_MAX_MS = 250

export interface ControlChannelEvents {
  /** A topic changed somewhere (this process included). */
  change: [topic: string]
  /** The channel is (again) live: every notification from now on arrives. */
  up: []
  /** The channel is down: notifications may be missed until 'up'. */
  down: []
}

/**
 * While the channel is down, nothing cached may be trusted (a revocation could go unheard) and no request can
 * be owned crash-safely: `owner` is null then. Each connection takes a new owner number, so a request claimed
 * under a lost connection is seen as abandoned by every process, this one included.
 */
export class ControlChannel extends EventEmitter<ControlChannelEvents> {
  private client: pg.Client | null = null
  private ownerId: number | null = null
  private closed = false
  private reconnectTimer: NodeJS.Timeout | null = null
  private pauseMs = 50
  private connecting: Promise<void> | null = null

  constructor (private readonly connection: pg.ClientConfig, private readonly logger: Pick<Logger, 'info' | 'warn'>) {
    super()
    this.setMaxListeners(0)
  }

  /** This process's owner number while its lock is held, else null. */
  get owner (): number | null { return this.ownerId }
  get live (): boolean { return this.ownerId !== null }

  /** Connects (retrying in the background until it does); resolves after the first attempt. */
  start (): Promise<void> {
    this.closed = false
    this.connecting ??= this.connect().finally(() => { this.connecting = null })
    return this.connecting
  }

  async close (): Promise<void> {
    this.closed = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    await this.connecting?.catch(() => {})
    const client = this.client
    this.drop()
    await client?.end().catch(() => {})
  }

  private async connect (): Promise<void> {
    const client = new pg.Client({ ...this.connection, application_name: 'takedown-gateway-control' })
    client.on('error', (error) => { this.lost(client, error) })
    client.on('end', () => { this.lost(client, new Error('control connection ended')) })
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL && message.payload) this.emit('change', message.payload)
    })
    try {
      await client.connect()
      let owner = 0
      for (;;) {
        owner = crypto.randomInt(1, 2 ** 31 - 1)
        const { rows } = await client.query<{ ok: boolean }>(
          'select pg_try_advisory_lock($1, $2) as ok', [OWNER_LOCK_NAMESPACE, owner]
        )
        if (rows[0].ok) break
      }
      await client.query(`listen ${CHANGES_CHANNEL}`)
      if (this.closed) {
        await client.end().catch(() => {})
        return
      }
      this.client = client
      this.ownerId = owner
      this.pauseMs = 50
      this.logger.info({ owner }, 'control connection up: owner lock held, listening for changes')
      this.emit('up')
    } catch (error) {
      await client.end().catch(() => {})
      this.lost(client, error as Error)
    }
  }

  private lost (client: pg.Client, error: Error): void {
    if (this.client !== null && this.client !== client) return
    const wasLive = this.ownerId !== null
    this.drop()
    if (wasLive) {
      this.logger.warn({ err: error }, 'control connection lost; caches are bypassed until it is back')
      this.emit('down')
    }
    if (this.closed || this.reconnectTimer !== null) return
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.start()
    }, this.pauseMs)
    this.reconnectTimer.unref()
    this.pauseMs = Math.min(RECONNECT_MAX_MS, this.pauseMs * 2)
  }

  private drop (): void {
    this.client = null
    this.ownerId = null
  }
}
