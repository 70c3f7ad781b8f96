// The notice resource's contract.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { CANNOT_COMPLY_REASONS, NOTICE_ACTIONS, NOTICE_STATUSES } from '../domain/vocabulary.ts'
import { PLATFORM_SLUGS } from '../domain/platforms.ts'
import { Timestamp, Uuid, PageQuery, CategorySchema, ContentTypeSchema, UrgencySchema, Text } from './common.ts'

const Str = Type.String()
const Texts = Type.Object({ kk: Str, ru: Str, en: Str })

export const NoticeStatusSchema = Type.Enum(NOTICE_STATUSES, {
  description: 'Where the notice stands in its lifecycle'
})

export const NoticeItem = named('NoticeItem', Type.Object({
  id: Uuid,
  position: Type.Integer({ description: 'The item\'s position in the report it came from' }),
  url: Str,
  canonicalUrl: Str,
  identifiers: Type.Record(Str, Str, {
    description: 'The platform\'s own identifiers (channel and message, video id, ...)'
  }),
  contentType: ContentTypeSchema,
  outcome: Type.Enum(['pending', 'removed'] as const),
  removedElsewhere: Type.Array(Type.Object({
    removedAt: Type.String({ format: 'date', description: 'The day (UTC) the material was removed' }),
    category: CategorySchema
  }), {
    description: 'The same material removed before from other platforms: when and ' +
      'in what category only, never their notices'
  })
}))

export const Notice = named('Notice', Type.Object({
  id: Uuid,
  referenceNumber: Type.String({ description: 'Unique, gap-free per platform and year, e.g. KZ-2026-TG-000123' }),
  platform: Type.Enum(PLATFORM_SLUGS),
  status: NoticeStatusSchema,
  version: Type.Integer({ description: 'Bumped by every transition' }),
  issuedAt: Timestamp,
  deadline: Timestamp,
  urgency: UrgencySchema,
  category: CategorySchema,
  dsa: Type.Object({ category: Str, keyword: Type.Union([Str, Type.Null()]) }, {
    description: 'The EU DSA Transparency Database category and keyword'
  }),
  legalBasis: Type.Object({
    id: Str,
    citation: Str,
    citations: Type.Optional(Type.Object({ kk: Str, ru: Str, en: Str }, {
      description: 'The citation in each notice language (notices issued before they were kept have `citation` alone)'
    })),
    title: Texts
  }),
  statementOfReasons: Str,
  territorialScope: Type.Array(Str),
  addressee: Type.Object({
    platform: Str,
    platformName: Str,
    legalEntity: Type.Object({ name: Str, country: Str, address: Str }),
    legalRepresentative: Type.Union([Type.Object({ name: Str, email: Str }), Type.Null()])
  }),
  issuer: Type.Object({
    name: Str,
    contactPoint: Str,
    names: Type.Optional(Type.Object({ kk: Str, ru: Str, en: Str }, {
      description: 'The issuer\'s name in each notice language'
    })),
    signatory: Type.Optional(Type.Object({
      name: Type.Union([Str, Type.Null()]),
      position: Type.Object({ kk: Str, ru: Str, en: Str })
    }, { description: 'The officer who signs, with the position in each notice language' }))
  }),
  redress: Type.Object({ deadlineDays: Type.Integer() }),
  preservation: Type.Object({ periodMonths: Type.Integer() }),
  languages: Type.Array(Str),
  items: Type.Array(NoticeItem),
  reuploadOf: Type.Array(Str, {
    description: 'Reference numbers of this platform\'s earlier notices whose removed material came back (other ' +
      'platforms\' removals are in items[].removedElsewhere, without their numbers)'
  }),
  reportId: Uuid,
  signature: Type.Object({ keyId: Str, algorithm: Str, fingerprint: Str }),
  createdAt: Timestamp,
  updatedAt: Timestamp
}))

export const ListNoticesQuery = Type.Object({
  platform: Type.Optional(Type.Enum(PLATFORM_SLUGS)),
  status: Type.Optional(NoticeStatusSchema),
  updatedSince: Type.Optional(Timestamp),
  ...PageQuery
}, { additionalProperties: false })

export const DocumentQuery = Type.Object({
  format: Type.Optional(Type.Enum(['json', 'text', 'html', 'pdf'] as const, { default: 'json' })),
  lang: Type.Optional(Type.Enum(['en', 'ru', 'kk'] as const, {
    description: 'Default: the platform\'s declared language'
  }))
}, { additionalProperties: false })

export const NoticeSignature = named('NoticeSignature', Type.Object({
  jws: Type.String({
    description: 'Compact JWS (EdDSA / Ed25519) over the RFC 8785 canonical JSON of the notice document'
  }),
  keyId: Str,
  algorithm: Str,
  fingerprint: Str,
  jwksUri: Str
}))

export type NoticeView = Static<typeof Notice>
export type NoticeSignatureView = Static<typeof NoticeSignature>

export const NoticeEvent = named('NoticeEvent', Type.Object({
  sequence: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Position in the change feed (null for a moment after commit)'
  }),
  type: Type.Enum(['notice.created', 'notice.transitioned'] as const),
  noticeId: Uuid,
  platform: Str,
  at: Timestamp,
  action: Type.Union([Str, Type.Null()]),
  from: Type.Union([NoticeStatusSchema, Type.Null()]),
  to: NoticeStatusSchema,
  version: Type.Integer(),
  actor: Type.Object({ id: Type.Union([Uuid, Type.Null()]), role: Str }),
  reason: Type.Union([Str, Type.Null()]),
  detail: Type.Union([Str, Type.Null()]),
  note: Type.Union([Str, Type.Null()]),
  items: Type.Union([Type.Array(Uuid), Type.Null()])
}))

export type NoticeEventView = Static<typeof NoticeEvent>

export const NoticeHistoryQuery = Type.Object({
  updatedSince: Type.Optional(Timestamp)
}, { additionalProperties: false })

export const NoticeHistory = Type.Object({ data: Type.Array(NoticeEvent) })

export const TransitionBody = Type.Object({
  action: Type.Enum(NOTICE_ACTIONS.filter((a) => a !== 'expire'), {
    description: 'What was done (see the lifecycle table)'
  }),
  items: Type.Optional(Type.Array(Type.String({ format: 'uuid', maxLength: 36 }), {
    minItems: 1,
    maxItems: 1000,
    uniqueItems: true,
    description: 'For remove: the items removed; omitted means all remaining'
  })),
  reason: Type.Optional(Text({
    minLength: 1,
    maxLength: 2000,
    description: `Required for reject and withdraw; for cannot_comply one of ${CANNOT_COMPLY_REASONS.join(', ')}`
  })),
  detail: Type.Optional(Text({
    minLength: 1, maxLength: 10000, description: 'Required for cannot_comply and clarify'
  })),
  note: Type.Optional(Text({ minLength: 1, maxLength: 2000 }))
}, { additionalProperties: false })

export const IfMatchHeaders = Type.Object({
  'if-match': Type.String({
    maxLength: 100, description: 'The notice\'s current ETag, from your last read; without it the answer is 428'
  })
})

/** The signed notice document itself, as GET /v1/notices/{id}/document answers it with format=json. */
export const SignedNoticeDocument = Type.Object({}, {
  additionalProperties: true, description: 'The signed notice document (what the JWS covers)'
})

/** A text or HTML rendering of a notice. */
export const RenderedNoticeText = Type.String({ maxLength: 10_000_000 })

/** An A4 PDF rendering of a notice. */
export const NoticePdf = Type.String({ format: 'binary', maxLength: 50_000_000 })
