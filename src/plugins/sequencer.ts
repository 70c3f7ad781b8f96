// The change-feed sequencer and audit sealer as `app.sequencer`: runs from ready, stops when the app closes.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type pg from 'pg'
import type { Logger } from 'pino'
import { Sequencer } from '../jobs/sequencer.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's change-feed sequencer, whose last position names the state of every list (tests wait on it). */
    sequencer: Sequencer
  }
}

export interface SequencerOptions {
  pool: pg.Pool
  /** Run passes on a timer from ready; off only where no database is reachable. */
  background: boolean
}

export default fp(async function sequencer (app: FastifyInstance, opts: SequencerOptions) {
  const sequencer = new Sequencer(opts.pool, app.log as unknown as Logger)
  app.decorate('sequencer', sequencer)
  if (opts.background) app.addHook('onReady', async () => { sequencer.start() })
  // Also without background work: a writer's nudge may have a pass pending.
  app.addHook('onClose', async () => { await sequencer.stop() })
}, { name: 'sequencer' })
