// The tamper-evident audit trail: read it after a position, and verify its hash chain.
import { Type } from 'typebox'
import { named } from '../../schemas/named.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { errorResponses, Timestamp } from '../../schemas/common.ts'
import { readAudit, readAuditRange, type AuditRow } from '../../repositories/audit.ts'
import { verifyChain, type StoredAuditEntry } from '../../domain/audit-chain.ts'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../lib/pagination.ts'

const ROLES = ['auditor', 'admin'] as const
const VERIFY_PAGE = 5_000

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

function toStored (row: AuditRow): StoredAuditEntry {
  return {
    position: row.position!,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    digest: row.digest,
    change: row.change,
    prevHash: row.prevHash,
    hash: row.hash!
  }
}

const audit: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
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

  app.get('/v1/audit/verify', {
    config: { roles: ROLES },
    schema: {
      tags: ['audit'],
      operationId: 'verifyAuditTrail',
      summary: 'Recompute the whole hash chain and report the first broken link, if any',
      description: 'For auditors and administrators. Reads every sealed entry from the first, so it takes longer as the trail grows; ' +
        'entries not yet sealed are not checked. When the chain is broken, `firstBroken` gives the position and the kind of break.',
      response: {
        200: Type.Object({
          intact: Type.Boolean(),
          checked: Type.Integer({ description: 'Entries verified before the break (all of them when intact)' }),
          firstBroken: Type.Union([Type.Object({
            position: Type.Integer(),
            reason: Type.Enum(['digest', 'link', 'hash', 'gap'] as const, { description: 'digest: the change was altered; link: the previous hash does not match; hash: the entry was altered; gap: an entry is missing' })
          }), Type.Null()])
        }),
        ...errorResponses(403)
      }
    }
  }, async () => {
    let start = { position: 0, hash: null as string | null }
    let checked = 0
    for (;;) {
      const rows = await readAuditRange(db, start.position, start.position + VERIFY_PAGE)
      if (rows.length === 0) return { intact: true, checked, firstBroken: null }
      const result = verifyChain(rows.filter((r) => r.position !== null).map(toStored), start)
      checked += result.checked
      if (result.broken) return { intact: false, checked, firstBroken: result.broken }
      start = { position: start.position + result.checked, hash: result.lastHash }
      if (rows.length < VERIFY_PAGE) return { intact: true, checked, firstBroken: null }
    }
  })
}

export default audit
