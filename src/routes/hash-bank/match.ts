// POST /v1/hash-bank/match: liaisons' upload pipelines and authorities check up to 1000 hashes at once.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MatchBody, MatchResponse } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, errorResponses } from '../../schemas/common.ts'
import { matchHashes, normaliseHashQueries } from '../../use-cases/hash-bank/match.ts'
import type { HashBankRouteOptions } from './index.ts'

const match: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, { db, bank }) => {
  app.post('/v1/hash-bank/match', {
    config: { roles: ['liaison', 'authority'] },
    schema: {
      tags: ['hash-bank'],
      operationId: 'matchHashes',
      summary: 'Match up to 1000 hashes against the bank',
      description: 'sha256 and md5 match exactly; pdq within Hamming distance 31 over all eight orientations (derived from the bits when only a hash is given). ' +
        'A pdq with a `quality` under 50 is answered `skipped: "low_quality"`. One result per input, in order. ' +
        'A liaison sees the earlier notice only when it is its own platform\'s. Additions made by other gateway processes are matched within about a second.',
      body: MatchBody,
      response: { 200: MatchResponse, ...errorResponses(...BODY_ERRORS, 403, 422) }
    }
  }, async (request) => {
    const queries = normaliseHashQueries(request.body.hashes)
    const { role, platform } = request.principal
    return { results: await matchHashes(bank, db, queries, { role, platform }) }
  })
}

export default match
