// The hash bank: matching, entries, the changes feed, list imports and banked media, one file per operation.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
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
  /** Videos banked from an upload: the largest accepted, and where they wait while hashed. */
  maxVideoBytes: number
  tmpDir: string
}

/** The PDQ index (options.bank) loads and closes itself (src/plugins/hash-bank-index.ts). */
const hashBank: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, options) => {
  // Each operation is a plugin of its own, so the CSV and image body parsers stay with the one route that takes them.
  await app.register(match, options)
  await app.register(entries, options)
  await app.register(changes, options)
  await app.register(imports, options)
  await app.register(media, options)
}

export default hashBank
