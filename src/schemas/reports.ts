// The report resource's contract.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { Timestamp, Uuid, PageQuery, CategorySchema, ContentTypeSchema, UrgencySchema, Text } from './common.ts'
import { Match, VpdqHashSchema } from './hash-bank.ts'

export const MAX_ITEMS_PER_REPORT = 1000

const HashesIn = Type.Object({
  sha256: Type.Optional(Text({ maxLength: 64, description: 'SHA-256 of the file, 64 hex digits' })),
  md5: Type.Optional(Text({ maxLength: 32, description: 'MD5 of the file, 32 hex digits' })),
  pdq: Type.Optional(Text({ maxLength: 64, description: 'PDQ perceptual hash, 64 hex digits' })),
  vpdq: Type.Optional(VpdqHashSchema)
}, { additionalProperties: false })

export const SubmitReportBody = Type.Object({
  externalRef: Text({ minLength: 1, maxLength: 200, description: 'The caller\'s own case or record number' }),
  category: CategorySchema,
  legalBasis: Text({ minLength: 1, maxLength: 80, description: 'An id from GET /v1/legal-bases' }),
  statementOfReasons: Text({ minLength: 1, maxLength: 10000 }),
  urgency: UrgencySchema,
  territorialScope: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2 }), {
    minItems: 1,
    maxItems: 50,
    uniqueItems: true,
    description: 'ISO 3166-1 alpha-2 countries where access is to be restricted; default ["KZ"]'
  })),
  items: Type.Array(Type.Object({
    url: Text({ minLength: 1, maxLength: 2048 }),
    contentType: ContentTypeSchema,
    hashes: Type.Optional(HashesIn),
    capturedAt: Type.Optional(Timestamp),
    evidenceRef: Type.Optional(Text({
      minLength: 1, maxLength: 500, description: 'Where the caller keeps its evidence (never the material itself)'
    }))
  }, { additionalProperties: false }), { minItems: 1, maxItems: MAX_ITEMS_PER_REPORT })
}, { additionalProperties: false })

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const NoticeRef = Type.Object({ id: Uuid, platform: Type.String(), referenceNumber: Type.String() })

export const ReportItem = named('ReportItem', Type.Object({
  id: Uuid,
  url: Type.String(),
  canonicalUrl: Type.String(),
  platform: Type.String(),
  identifiers: Type.Record(Type.String(), Type.String()),
  contentType: ContentTypeSchema,
  hashes: Type.Object({
    sha256: Nullable(Type.String()),
    md5: Nullable(Type.String()),
    pdq: Nullable(Type.String()),
    vpdq: Type.Optional(Nullable(Type.Object({
      value: Type.String({ description: 'The video hash\'s digest: the value of the hash-bank entry it becomes' }),
      featureCount: Type.Integer({ minimum: 1 }),
      trimmedValue: Type.Optional(Type.String({
        pattern: '^[0-9a-f]{64}$',
        description: 'When its features carried trimmedHash: the digest of its frames without their borders, the ' +
          'value of the second bank entry it becomes (labelled `trimmed`)'
      }))
    }, { description: 'The item\'s vPDQ video hash, summarised (the bank entry it becomes carries the features)' })))
  }),
  capturedAt: Nullable(Timestamp),
  evidenceRef: Nullable(Type.String()),
  reupload: Nullable(Type.Object({
    matches: Type.Array(Match, { description: 'Hash-bank entries this item\'s hashes matched' }),
    notices: Type.Array(Type.Object({ id: Uuid, referenceNumber: Type.String() }), {
      description: 'Earlier notices whose removed material this is'
    })
  }, {
    description: 'Set when the item is known removed material: its notice is urgent and cites the earlier notices'
  })),
  duplicateOf: Nullable(Type.Object({ id: Uuid, referenceNumber: Type.String() }))
}))

const ReportFields = {
  id: Uuid,
  externalRef: Type.String(),
  category: CategorySchema,
  legalBasis: Type.String(),
  statementOfReasons: Type.String(),
  urgency: UrgencySchema,
  territorialScope: Type.Array(Type.String()),
  createdAt: Timestamp,
  notices: Type.Array(NoticeRef)
}

export const Report = named('Report', Type.Object({ ...ReportFields, items: Type.Array(ReportItem) }))
export const ReportSummary = named('ReportSummary', Type.Object({ ...ReportFields, itemCount: Type.Integer() }))

export const ListReportsQuery = Type.Object({
  externalRef: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  category: Type.Optional(CategorySchema),
  createdSince: Type.Optional(Timestamp),
  ...PageQuery
}, { additionalProperties: false })

export type SubmitReportInput = Static<typeof SubmitReportBody>
export type ReportView = Static<typeof Report>
export type ReportSummaryView = Static<typeof ReportSummary>
export type ReportItemView = Static<typeof ReportItem>
