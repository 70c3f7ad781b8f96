// The public keys of every notice-signing key, current and retired, as a JWK Set.
import { Type } from 'typebox'
import { named } from '../schemas/named.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../db/index.ts'
import { problemResponse } from '../schemas/common.ts'
import { listSigningKeys } from '../repositories/notices.ts'

const Jwk = named('Jwk', Type.Object({
  kty: Type.String(),
  crv: Type.String(),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String()
}))

const jwks: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/.well-known/jwks.json', {
    schema: {
      tags: ['notices'],
      security: [],
      operationId: 'getSigningKeys',
      summary: 'Public keys to verify notice signatures (keys are never removed, so old notices stay verifiable)',
      description: 'Needs no API key; the answer may be cached for 5 minutes (Cache-Control: public, max-age=300). Keys are Ed25519 ' +
        '(`alg` EdDSA); the `kid` in a notice\'s JWS header, also its `signature.keyId`, names the key to verify it with.',
      response: {
        200: {
          description: 'The JWK Set',
          headers: { 'Cache-Control': { type: 'string', const: 'public, max-age=300', description: 'Keys may be cached for 5 minutes' } },
          content: { 'application/json': { schema: Type.Object({ keys: Type.Array(Jwk) }) } }
        },
        500: problemResponse(500), 503: problemResponse(503)
      }
    }
  }, async (_request, reply) => {
    const keys = await listSigningKeys(db)
    reply.header('cache-control', 'public, max-age=300')
    return { keys: keys.map((k) => k.publicJwk as { kty: string, crv: string, x: string, kid: string, alg: string, use: string }) }
  })
}

export default jwks
