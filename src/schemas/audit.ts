// The audit trail's contract: its entries, signed checkpoints of its head, and the verification of its hash chain.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { Timestamp } from './common.ts'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../lib/pagination.ts'

const JWS = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$'

const Checkpoint = {
  position: Type.Integer({
    minimum: 0, description: 'The position of the chain\'s head when signed (0: no entry yet)'
  }),
  hash: Type.Union([Type.String(), Type.Null()], { description: 'The hash of the entry at that position' }),
  at: Timestamp
}

export const AuditEntry = named('AuditEntry', Type.Object({
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

export const AuditQuery = Type.Object({
  after: Type.Optional(Type.Integer({ format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })),
  limit: Type.Optional(Type.Integer({
    format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE
  }))
}, { additionalProperties: false })

export const AuditPage = Type.Object({ data: Type.Array(AuditEntry), lastPosition: Type.Integer() })

export const SignedCheckpoint = Type.Object({
  ...Checkpoint, checkpoint: Type.String({ description: 'Compact JWS of { position, hash, at }' })
})

export const VerifyAuditQuery = Type.Object({
  checkpoint: Type.Optional(Type.String({
    maxLength: 4000, pattern: JWS, description: 'A checkpoint kept from GET /v1/audit/checkpoints/latest'
  }))
}, { additionalProperties: false })

export const AuditVerification = Type.Object({
  intact: Type.Boolean(),
  checked: Type.Integer({ description: 'Entries verified before the break (all of them when intact)' }),
  firstBroken: Type.Union([Type.Object({
    position: Type.Integer(),
    reason: Type.Enum(['digest', 'link', 'hash', 'gap', 'truncated', 'checkpoint'] as const, {
      description: 'digest: the change was altered; link: the previous hash does not match; hash: the entry was ' +
        'altered; gap: an entry is missing; truncated: the chain ends before its stored head or the checkpoint; ' +
        'checkpoint: the entry at the checkpoint\'s position is not the one signed'
    })
  }), Type.Null()]),
  checkpoint: Type.Union([Type.Object({
    ...Checkpoint,
    reached: Type.Boolean({
      description: 'The chain reaches the checkpoint\'s position with the same hash, intact up to there'
    })
  }), Type.Null()], { description: 'The checkpoint given, and whether the chain still reaches it; null without one' })
})

export type AuditEntryView = Static<typeof AuditEntry>
export type AuditPageView = Static<typeof AuditPage>
