// POST /v1/hash-bank/match: liaisons' upload pipelines and authorities check up to 1000 hashes at once.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MatchBody, MatchResponse, VIDEO_HASH_BODY_BYTES } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, errorResponses } from '../../schemas/common.ts'
import { matchHashes, normaliseHashQueries } from '../../use-cases/hash-bank/match.ts'
import type { HashBankRouteOptions } from './index.ts'

const match: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, { db, bank }) => {
  app.post('/v1/hash-bank/match', {
    bodyLimit: Math.max(app.initialConfig.bodyLimit ?? 0, VIDEO_HASH_BODY_BYTES),
    config: { roles: ['liaison', 'authority'] },
    schema: {
      tags: ['hash-bank'],
      operationId: 'matchHashes',
      summary: 'Match up to 1000 hashes against the bank',
      description: 'sha256 and md5 match exactly; pdq within Hamming distance 31 over all eight orientations ' +
        '(derived from the bits when only a hash is given). A pdq with a `quality` under 50 is answered ' +
        '`skipped: "low_quality"`. `{ "type": "vpdq", "value": { "features": [...] } }` matches a video\'s vPDQ hash ' +
        'with HMA\'s rule (frames under quality 50 and repeated frames dropped, frames within distance 31 matched, a ' +
        'match when at least `queryMatchPercent` (80) of the query\'s frames and `comparedMatchPercent` (0) of the ' +
        'banked video\'s are found), over all eight orientations of the query, each match with both percentages and ' +
        'the matched stretches of both videos. Features carrying `trimmedHash` (as POST /v1/media/hashes gives them) ' +
        'are also compared without their borders, in the original orientation, so a letterboxed or pillarboxed copy ' +
        'matches; each banked video is answered once, `bordersTrimmed` saying which frames matched. One result per ' +
        'input, in order. A liaison sees the earlier notice only when it is its own platform\'s. Additions made by ' +
        'other gateway processes are matched within about a second.',
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
