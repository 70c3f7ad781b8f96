// The tamper-evident audit trail: read it after a position, and verify its hash chain.
import { Type } from 'typebox'
import { named } from '../../schemas/named.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { errorResponses, Timestamp } from '../../schemas/common.ts'
import { readAudit } from '../../repositories/audit.ts'
import { latestCheckpoint, toStored, verifyTrail } from '../../use-cases/audit-trail.ts'
import type { NoticeSigner } from '../../signing/notice-signer.ts'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../lib/pagination.ts'

const ROLES = ['auditor', 'admin'] as const
const JWS = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$'

const Checkpoint = {
  position: Type.Integer({ minimum: 0, description: 'The position of the chain\'s head when signed (0: no entry yet)' }),
  hash: Type.Union([Type.String(), Type.Null()], { description: 'The hash of the entry at that position' }),
  at: Timestamp
}

const AuditEntry = named('AuditEntry', Type.Object({
  position: Type.Integer(),
  at: Timestamp,
  actor: Type.Object({ id: Type.Union([Type.String(), Type.Null()]), role: Type.String() }),
  action: Type.String(),
  target: Type.Object({ type: Type.String(), id: Type.String() }),
  change: Type.Object({}, { additionalProperties: true }),
  digest: Type.String(),
  prevHash: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String()
}))

const audit: FastifyPluginAsyncTypebox<{ db: Database, signer: NoticeSigner }> = async (app, { db, signer }) => {
  app.get('/v1/audit', {
    config: { roles: ROLES },
    schema: {
      tags: ['audit'],
      operationId: 'listAuditEntries',
      summary: 'Audit entries after a position (entries appear once sealed into the chain, within about 100 ms)',
      description: 'For auditors and administrators. Up to `limit` entries (default 50, at most 500) in position order; pass ' +
        '`lastPosition` as `after` to read on (it stays at `after` when nothing is new). Each entry carries the digest of its ' +
        'change and its links in the hash chain (`prevHash`, `hash`), which GET /v1/audit/verify checks.',
      querystring: Type.Object({
        after: Type.Optional(Type.Integer({ format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })),
        limit: Type.Optional(Type.Integer({ format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE }))
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ data: Type.Array(AuditEntry), lastPosition: Type.Integer() }), ...errorResponses(400, 403) }
    }
  }, async (request) => {
    const { after = 0, limit = DEFAULT_PAGE_SIZE } = request.query
    const rows = await readAudit(db, after, limit)
    return {
      data: rows.map((row) => {
        const e = toStored(row)
        return { position: e.position, at: e.at, actor: { id: e.actorId, role: e.actorRole }, action: e.action, target: { type: e.targetType, id: e.targetId }, change: e.change as Record<string, unknown>, digest: e.digest, prevHash: e.prevHash, hash: e.hash }
      }),
      lastPosition: rows.length > 0 ? rows[rows.length - 1].position! : after
    }
  })

  app.get('/v1/audit/checkpoints/latest', {
    config: { roles: ROLES },
    schema: {
      tags: ['audit'],
      operationId: 'getLatestAuditCheckpoint',
      summary: 'A signed checkpoint of the audit chain\'s head, to keep outside the gateway',
      description: 'For auditors and administrators. `checkpoint` is a compact JWS (EdDSA, `typ` ' +
        '`takedown-audit-checkpoint+jws`, verifiable with the keys at /.well-known/jwks.json) over `{ position, hash, at }`. ' +
        'Keep it outside the gateway\'s database; later, GET /v1/audit/verify?checkpoint=... says whether the chain still ' +
        'reaches it unchanged, which catches the newest entries being deleted or rewritten even by someone who can ' +
        'change the database.',
      response: {
        200: {
          description: 'The signed checkpoint',
          headers: { 'Cache-Control': { type: 'string', const: 'no-store', description: 'Signed at the moment of asking: never cached, so never tagged either' } },
          content: { 'application/json': { schema: Type.Object({ ...Checkpoint, checkpoint: Type.String({ description: 'Compact JWS of { position, hash, at }' }) }) } }
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
      description: 'For auditors and administrators. Reads every sealed entry from the first, so it takes longer as the trail grows; ' +
        'entries not yet sealed are not checked. When the chain is broken, `firstBroken` gives the position and the kind of break. ' +
        'The chain must reach its stored head (positions are never handed out twice), and, when `checkpoint` (a JWS from ' +
        'GET /v1/audit/checkpoints/latest) is given, hold the checkpoint\'s hash at its position; a checkpoint whose signature ' +
        'does not verify is a 422.',
      querystring: Type.Object({
        checkpoint: Type.Optional(Type.String({ maxLength: 4000, pattern: JWS, description: 'A checkpoint kept from GET /v1/audit/checkpoints/latest' }))
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          intact: Type.Boolean(),
          checked: Type.Integer({ description: 'Entries verified before the break (all of them when intact)' }),
          firstBroken: Type.Union([Type.Object({
            position: Type.Integer(),
            reason: Type.Enum(['digest', 'link', 'hash', 'gap', 'truncated', 'checkpoint'] as const, {
              description: 'digest: the change was altered; link: the previous hash does not match; hash: the entry was altered; ' +
                'gap: an entry is missing; truncated: the chain ends before its stored head or the checkpoint; checkpoint: the ' +
                'entry at the checkpoint\'s position is not the one signed'
            })
          }), Type.Null()]),
          checkpoint: Type.Union([Type.Object({
            ...Checkpoint,
            reached: Type.Boolean({ description: 'The chain reaches the checkpoint\'s position with the same hash, intact up to there' })
          }), Type.Null()], { description: 'The checkpoint given, and whether the chain still reaches it; null without one' })
        }),
        ...errorResponses(400, 403, 422)
      }
    }
  }, async (request) => verifyTrail(db, request.query.checkpoint))
}

export default audit
