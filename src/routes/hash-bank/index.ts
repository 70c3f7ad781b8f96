// The hash bank: matching, entries, the changes feed, list imports and banked media, one file per operation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import type { HashBankIndex } from '../../hash-bank/index-service.ts'
import type { MediaHasher } from '../../media/hash-pool.ts'
import match from './match.ts'
import entries from './entries.ts'
import changes from './changes.ts'
import imports from './imports.ts'
import media from './media.ts'

export interface HashBankRouteOptions {
  db: Database
  bank: HashBankIndex
  mediaHasher: MediaHasher
}

/**
 * The PDQ index is not loaded while the app is built or made ready (the OpenAPI script does both with no
 * database): it loads when the server starts listening, or on the first match, whichever comes first. A failed
 * load is logged and retried by the next match (which answers 503 meanwhile).
 */
const hashBank: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, options) => {
  const { bank } = options
  app.addHook('onListen', async () => {
    bank.start().catch((error: unknown) => app.log.warn({ err: error }, 'hash bank index not loaded at start; the first match retries'))
  })
  app.addHook('onClose', async () => { await bank.close() })

  // Each operation is a plugin of its own, so the CSV and image body parsers stay with the one route that takes them.
  await app.register(match, options)
  await app.register(entries, options)
  await app.register(changes, options)
  await app.register(imports, options)
  await app.register(media, options)
}

export default hashBank
