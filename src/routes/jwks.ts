// The public keys of every notice-signing key, current and retired, as a JWK Set.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../use-cases/database.ts'
import { JwkSet } from '../schemas/jwks.ts'
import { problemResponse } from '../schemas/common.ts'
import { publicKeySet } from '../use-cases/signing-keys.ts'

const jwks: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/.well-known/jwks.json', {
    schema: {
      tags: ['notices'],
      security: [],
      operationId: 'getSigningKeys',
      summary: 'Public keys to verify notice signatures (keys are never removed, so old notices stay verifiable)',
      description: 'Needs no API key; the answer may be cached for 5 minutes (Cache-Control: public, max-age=300). ' +
        'Keys are Ed25519 (`alg` EdDSA); the `kid` in a notice\'s JWS header, also its `signature.keyId`, names the ' +
        'key to verify it with.',
      response: {
        200: {
          description: 'The JWK Set',
          headers: {
            'Cache-Control': {
              type: 'string', const: 'public, max-age=300', description: 'Keys may be cached for 5 minutes'
            }
          },
          content: { 'application/json': { schema: JwkSet } }
        },
        429: problemResponse(429),
        500: problemResponse(500),
        503: problemResponse(503)
      }
    }
  }, async (_request, reply) => {
    const keySet = await publicKeySet(db)
    reply.header('cache-control', 'public, max-age=300')
    return keySet
  })
}

export default jwks
