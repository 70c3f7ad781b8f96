// The tamper-evident audit trail: read it after a position, and verify its hash chain.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { AuditPage, AuditQuery, SignedCheckpoint, AuditVerification, VerifyAuditQuery } from '../../schemas/audit.ts'
import { errorResponses } from '../../schemas/common.ts'
import { latestCheckpoint, readAuditEntries, verifyTrail } from '../../use-cases/audit-trail.ts'
import type { NoticeSigner } from '../../signing/notice-signer.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'

const ROLES = ['auditor', 'admin'] as const

const audit: FastifyPluginAsyncTypebox<{ db: Database, signer: NoticeSigner }> = async (app, { db, signer }) => {
  app.get('/v1/audit', {
    config: { roles: ROLES },
    schema: {
      tags: ['audit'],
      operationId: 'listAuditEntries',
      summary: 'Audit entries after a position (entries appear once sealed into the chain, within about 100 ms)',
      description: 'For auditors and administrators. Up to `limit` entries (default 50, at most 500) in position ' +
        'order; pass `lastPosition` as `after` to read on (it stays at `after` when nothing is new). Each entry ' +
        'carries the digest of its change and its links in the hash chain (`prevHash`, `hash`), which GET ' +
        '/v1/audit/verify checks.',
      querystring: AuditQuery,
      response: { 200: AuditPage, ...errorResponses(400, 403) }
    }
  }, async (request) => {
    const { after = 0, limit = DEFAULT_PAGE_SIZE } = request.query
    return readAuditEntries(db, after, limit)
  })

  app.get('/v1/audit/checkpoints/latest', {
    config: { roles: ROLES },
    schema: {
      tags: ['audit'],
      operationId: 'getLatestAuditCheckpoint',
      summary: 'A signed checkpoint of the audit chain\'s head, to keep outside the gateway',
      description: 'For auditors and administrators. `checkpoint` is a compact JWS (EdDSA, `typ` ' +
        '`takedown-audit-checkpoint+jws`, verifiable with the keys at /.well-known/jwks.json) over ' +
        '`{ position, hash, at }`. Keep it outside the gateway\'s database; later, GET ' +
        '/v1/audit/verify?checkpoint=... says whether the chain still reaches it unchanged, which catches the newest ' +
        'entries being deleted or rewritten even by someone who can change the database.',
      response: {
        200: {
          description: 'The signed checkpoint',
          headers: {
            'Cache-Control': {
              type: 'string',
              const: 'no-store',
              description: 'Signed at the moment of asking: never cached, so never tagged either'
            }
          },
          content: { 'application/json': { schema: SignedCheckpoint } }
        },
        ...errorResponses(403)
      }
    }
  }, async (_request, reply) => {
    reply.header('cache-control', 'no-store')
    return latestCheckpoint(db, signer)
  })

  app.get('/v1/audit/verify', {
    config: { roles: ROLES },
    schema: {
      tags: ['audit'],
      operationId: 'verifyAuditTrail',
      summary: 'Recompute the whole hash chain and report the first broken link, if any',
      description: 'For auditors and administrators. Reads every sealed entry from the first, so it takes longer as ' +
        'the trail grows; entries not yet sealed are not checked. When the chain is broken, `firstBroken` gives the ' +
        'position and the kind of break. The chain must reach its stored head (positions are never handed out ' +
        'twice), and, when `checkpoint` (a JWS from GET /v1/audit/checkpoints/latest) is given, hold the ' +
        'checkpoint\'s hash at its position; a checkpoint whose signature does not verify is a 422.',
      querystring: VerifyAuditQuery,
      response: {
        200: AuditVerification,
        ...errorResponses(400, 403, 422)
      }
    }
  }, async (request) => verifyTrail(db, request.query.checkpoint))
}

export default audit
