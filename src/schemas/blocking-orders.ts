// The blocking-order resource's contract, and the operators' register export.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { PLATFORM_SLUGS } from '../domain/platforms.ts'
import { URGENCIES } from '../domain/vocabulary.ts'
import { BLOCK_TYPES, EXPORT_FORMATS } from '../domain/notices/blocking-order-export.ts'
import { PageQuery, Timestamp, Uuid } from './common.ts'

export const ORDER_STATUSES = ['active', 'lifted'] as const

const Str = Type.String()
const NullableTime = Type.Union([Timestamp, Type.Null()])

const OrderFields = {
  id: Uuid,
  decisionNumber: Type.String({ description: 'Unique per year, e.g. KZ-2026-BO-000007' }),
  notice: Type.Object({ id: Uuid, referenceNumber: Str }, { description: 'The escalated notice the order enforces' }),
  platform: Type.Enum(PLATFORM_SLUGS),
  issuingBody: Str,
  urgency: Type.Enum(URGENCIES),
  status: Type.Enum(ORDER_STATUSES, {
    description: 'lifted once the notice\'s material is removed (access restored) or the notice withdrawn'
  }),
  decidedAt: Timestamp,
  liftedAt: NullableTime,
  liftReason: Type.Union([Str, Type.Null()]),
  updatedAt: Timestamp
}

export const OrderSummary = named('BlockingOrderSummary', Type.Object({
  ...OrderFields,
  entryCount: Type.Integer({ description: 'Blocked resources in the order' }),
  activeEntryCount: Type.Integer({ description: 'Of which still in force' })
}))

export const OrderEntry = named('BlockingOrderEntry', Type.Object({
  id: Uuid,
  noticeItemId: Uuid,
  blockType: Type.Enum(BLOCK_TYPES),
  value: Type.String({ description: 'What operators block: the canonical URL, a domain or an IP address' }),
  url: Type.String({ description: 'The item\'s URL as reported' }),
  includedAt: Timestamp,
  liftedAt: NullableTime
}))

export const Order = named('BlockingOrder', Type.Object({ ...OrderFields, entries: Type.Array(OrderEntry) }))

export const ListOrdersQuery = Type.Object({
  status: Type.Optional(Type.Enum(ORDER_STATUSES)),
  platform: Type.Optional(Type.Enum(PLATFORM_SLUGS)),
  updatedSince: Type.Optional(Timestamp),
  ...PageQuery
}, { additionalProperties: false })

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Enum(EXPORT_FORMATS, { default: 'json' })),
  updatedSince: Type.Optional(Type.String({
    format: 'date-time',
    maxLength: 40,
    description: 'Entries included or lifted at or after this time; without it, the entries in force now'
  })),
  since: Type.Optional(Type.String({
    format: 'date-time',
    maxLength: 40,
    deprecated: true,
    description: 'Deprecated: the former name of `updatedSince`, still accepted ' +
      '(`updatedSince` wins when both are sent)'
  }))
}, { additionalProperties: false })

export const RegisterEntry = named('BlockingRegisterEntry', Type.Object({
  id: Uuid,
  orderId: Uuid,
  includedAt: Timestamp,
  urgency: Type.Enum(URGENCIES),
  blockType: Type.Enum(BLOCK_TYPES),
  value: Str,
  decision: Type.Object({
    number: Str,
    date: Type.String({ format: 'date', description: 'The decision\'s calendar date in the issuing country (UTC+5)' }),
    org: Type.String({ description: 'The issuing body' })
  }),
  liftedAt: NullableTime
}))

export const RegisterDocument = named('BlockingRegister', Type.Object({
  updatedAt: NullableTime,
  since: NullableTime,
  entries: Type.Array(RegisterEntry)
}, { description: 'The register of blocked resources' }))

export type OrderView = Static<typeof Order>
export type OrderSummaryView = Static<typeof OrderSummary>

/** The register as CSV or XML text. */
export const RegisterText = Type.String({ maxLength: 500_000_000 })
