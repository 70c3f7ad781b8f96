// One bank entry: read it (provenance as the caller may see it), or retire it so that it stops matching.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Entry, RetireBody, type RetireInput } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, errorResponses, IdParams } from '../../schemas/common.ts'
import { getBankEntry } from '../../use-cases/hash-bank/entries.ts'
import { retireBankEntry } from '../../use-cases/hash-bank/retire-entry.ts'
import { toEntryView } from '../../use-cases/hash-bank/views.ts'
import type { HashBankRouteOptions } from './index.ts'

const entries: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, { db, bank }) => {
  app.get('/v1/hash-bank/entries/:id', {
    config: { roles: ['authority', 'auditor', 'admin', 'liaison'] },
    schema: {
      tags: ['hash-bank'],
      operationId: 'getHashBankEntry',
      summary: 'One bank entry with its provenance',
      description: 'Every role may read an entry, retired ones included (`retiredAt` set). A liaison sees the ' +
        'notice, item and platform an entry came from only for its own platform\'s notices (null otherwise), and ' +
        'never the retirement reason.',
      params: IdParams,
      response: { 200: Entry, ...errorResponses(400, 404) }
    }
  }, async (request) => getBankEntry(db, request.principal, request.params.id))

  app.post('/v1/hash-bank/entries/:id/retire', {
    config: { roles: ['admin', 'authority'] },
    schema: {
      tags: ['hash-bank'],
      operationId: 'retireHashBankEntry',
      summary: 'Retire an entry: it stops matching at once and appears as retired in the changes feed (idempotent)',
      description: 'For administrators and authorities. The JSON body `{ "reason" }` is optional; retiring an entry ' +
        'already retired changes nothing and answers it with its first retirement\'s time and reason.',
      params: IdParams,
      // Optional: a bodiless POST retires without a reason; JSON, when sent, is validated strictly.
      body: { content: { 'application/json': { schema: RetireBody } } },
      response: { 200: Entry, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => {
    const row = await retireBankEntry(
      db, bank, request.principal, request.params.id, (request.body as RetireInput | undefined)?.reason ?? null
    )
    return toEntryView(row, request.principal)
  })
}

export default entries
