// The hash bank's in-memory PDQ and vPDQ index as `app.hashBankIndex`: loaded at listen, closed with the app.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/index.ts'
import { HashBankIndex } from '../hash-bank/index-service.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's in-memory PDQ index of the hash bank (tests refresh it instead of waiting for its poll). */
    hashBankIndex: HashBankIndex
  }
}

/**
 * The index is not loaded while the app is built or made ready (the OpenAPI script does both with no database): it
 * loads when the server starts listening, or on the first match, whichever comes first. A failed load is logged and
 * retried by the next match (which answers 503 meanwhile).
 */
export default fp(async function hashBankIndex (app: FastifyInstance, opts: { db: Database }) {
  const bank = new HashBankIndex(opts.db, { logger: app.log })
  app.decorate('hashBankIndex', bank)
  app.addHook('onListen', async () => {
    bank.start().catch((error: unknown) => {
      app.log.warn({ err: error }, 'hash bank index not loaded at start; the first match retries')
    })
  })
  app.addHook('onClose', async () => { await bank.close() })
}, { name: 'hash-bank-index' })
