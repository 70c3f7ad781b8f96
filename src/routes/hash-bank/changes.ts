// GET /v1/hash-bank/changes: entries added or retired since a cursor, so a platform can keep a local copy.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ChangesPage, ChangesQuery } from '../../schemas/hash-bank.ts'
import { errorResponses } from '../../schemas/common.ts'
import { readChanges } from '../../use-cases/hash-bank/changes.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import type { HashBankRouteOptions } from './index.ts'

const changes: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, { db }) => {
  app.get('/v1/hash-bank/changes', {
    config: { roles: ['liaison', 'authority', 'auditor'] },
    schema: {
      tags: ['hash-bank'],
      operationId: 'listHashBankChanges',
      summary: 'Entries added or retired since a cursor, oldest first',
      description: 'Start without `cursor` to read the whole bank, then poll with the last change\'s `cursor` ' +
        '(`nextCursor` when a page is full). The feed never skips a change: a change is served once every ' +
        'transaction that began before it has finished (usually within milliseconds). An entry appears once, at its ' +
        'latest change: a retired entry is to be removed from the local copy.',
      querystring: ChangesQuery,
      response: { 200: ChangesPage, ...errorResponses(400, 403) }
    }
  }, async (request) => {
    const { cursor, since, limit = DEFAULT_PAGE_SIZE, type } = request.query
    return readChanges(db, cursor ?? since, limit, request.principal, type)
  })
}

export default changes
