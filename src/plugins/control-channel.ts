// The process's own database connection (owner lock, change notifications) as `app.controlChannel`, closed last.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import type { Logger } from 'pino'
import { ControlChannel } from '../db/control-channel.ts'
import { invalidateTopic, setAnnouncementsHeard } from '../lib/ttl-cache.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's owner lock (crash-safe idempotency) and the change notifications that clear its caches. */
    controlChannel: ControlChannel
  }
}

export interface ControlChannelOptions {
  connection: pg.ClientConfig
  /** Connect while the app is built; off only where no database is reachable (caches are then bypassed). */
  background: boolean
}

/**
 * Registered before every other service, so that it closes after them: requests and background work hold the owner
 * lock until the end. Until the channel is up, topic caches are bypassed (a revocation could go unheard).
 */
export default fp(async function controlChannel (app: FastifyInstance, opts: ControlChannelOptions) {
  const control = new ControlChannel(opts.connection, app.log as unknown as Logger)
  setAnnouncementsHeard(false)
  control.on('change', invalidateTopic)
  control.on('up', () => { setAnnouncementsHeard(true) })
  control.on('down', () => { setAnnouncementsHeard(false) })
  if (opts.background) await control.start()
  app.decorate('controlChannel', control)
  app.addHook('onClose', async () => { await control.close() })
}, { name: 'control-channel' })
