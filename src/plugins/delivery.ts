// Outbound delivery as `app.delivery`: the sealed-secret box the webhook endpoints use, the mail transport, and this
// process's delivery worker (none when background work is off, or DELIVERY_CONCURRENCY is 0). Design: docs/delivery.md.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import type { Database } from '../db/index.ts'
import { loadSecretBox, type SecretBox } from '../delivery/secret-box.ts'
import { createMailTransport } from '../delivery/email-transport.ts'
import { nextAttemptDelayMs, GIVE_UP_AFTER_MS } from '../delivery/retry-schedule.ts'
import type { Resolver } from '../delivery/address-guard.ts'
import { DeliveryWorker } from '../jobs/delivery-worker.ts'
import { Semaphore } from '../lib/semaphore.ts'
import { deliveryChannels } from '../use-cases/delivery-channels.ts'
import type { TransitionHooks } from '../use-cases/transition-notice.ts'
import { responseBaseUrl } from '../use-cases/response-links.ts'

declare module 'fastify' {
  interface FastifyInstance {
    delivery: {
      box: SecretBox
      /** Null when this process sends nothing (another process does). */
      worker: DeliveryWorker | null
      /** Tells this process's worker there is something to send. */
      nudge: () => void
    }
  }
}

export interface DeliveryPluginOptions {
  config: Config
  db: Database
  hooks: TransitionHooks
  background: boolean
  /** Tests map their names to chosen addresses; the system resolver otherwise. */
  resolver?: Resolver
}

export default fp(async function delivery (app: FastifyInstance, opts: DeliveryPluginOptions) {
  const { config, db } = opts
  const box = await loadSecretBox({
    ...(config.WEBHOOK_SECRET_KEY === undefined ? {} : { key: config.WEBHOOK_SECRET_KEY }),
    ...(config.WEBHOOK_SECRET_KEY_FILE === undefined ? {} : { keyFile: config.WEBHOOK_SECRET_KEY_FILE }),
    previousKeys: config.WEBHOOK_SECRET_KEY_PREVIOUS?.split(',').map((key) => key.trim()).filter(Boolean) ?? [],
    dataDir: config.DATA_DIR
  })
  const mail = await createMailTransport(config)
  const worker = opts.background && config.DELIVERY_CONCURRENCY > 0
    ? new DeliveryWorker({
      db,
      hooks: opts.hooks,
      channels: deliveryChannels({
        db,
        renderer: app.noticeRenderer,
        backgroundRendering: new Semaphore(1),
        box,
        mail,
        from: { address: config.SMTP_FROM, name: config.ISSUER_NAME },
        allowHttp: config.WEBHOOK_ALLOW_HTTP === 'true',
        ...(opts.resolver === undefined ? {} : { resolver: opts.resolver }),
        ...(config.PUBLIC_URL === undefined ? {} : { publicUrl: config.PUBLIC_URL.replace(/\/+$/, '') }),
        responseBaseUrl: responseBaseUrl(config)
      }),
      logger: app.log as unknown as Logger,
      nextDelayMs: (attempt, retryAfterSeconds) => nextAttemptDelayMs(attempt + 1, retryAfterSeconds),
      disableAfterMs: GIVE_UP_AFTER_MS,
      concurrency: config.DELIVERY_CONCURRENCY,
      leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
      metrics: app.deliveryMetrics
    })
    : null
  app.decorate('delivery', { box, worker, nudge: () => worker?.nudge() })
  app.addHook('onReady', async () => { worker?.start() })
  app.addHook('onClose', async () => {
    await worker?.stop()
    mail.close()
  })
}, { name: 'delivery', dependencies: ['notice-renderer', 'metrics'] })
