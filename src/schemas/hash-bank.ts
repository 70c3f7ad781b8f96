// The hash bank's contract: matches, entries, the changes feed, imports, and banked media.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { BANK_ENTRY_TYPES, HASH_KINDS } from '../domain/vocabulary.ts'
import {
  MAX_VPDQ_FEATURES, VPDQ_COMPARED_MATCH_PERCENT, VPDQ_QUERY_MATCH_PERCENT
} from '../domain/matching/vpdq-match.ts'
import { ORIENTATIONS } from '../domain/matching/pdq.ts'
import { LIST_FORMATS } from '../domain/matching/hash-list-parser.ts'
import { PageQuery, Timestamp, Uuid, CategorySchema, Text } from './common.ts'
import { Vpdq } from './media.ts'

export const MAX_HASHES_PER_MATCH = 1000
/** Request bodies that may carry a vPDQ hash of 36,000 features (about 4 MB of JSON). */
export const VIDEO_HASH_BODY_BYTES = 16 * 1024 * 1024

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()])

export const HashTypeSchema = Type.Enum(HASH_KINDS, {
  description: 'sha256 and md5 match exactly; pdq within distance 31 over all eight orientations'
})
export const EntryTypeSchema = Type.Enum(BANK_ENTRY_TYPES, {
  description: 'sha256 and md5 match exactly; pdq within distance 31 over all eight orientations; vpdq (a video\'s ' +
    'frame hashes) by the share of frames matched'
})

export const VpdqFeatureSchema = Type.Object({
  frame: Type.Integer({
    format: 'int32',
    minimum: 0,
    maximum: 2147483647,
    description: 'The frame\'s number in the decoded stream, from 0; increasing'
  }),
  quality: Type.Integer({
    format: 'int32', minimum: 0, maximum: 100, description: 'PDQ quality; frames under 50 are not compared'
  }),
  hash: Text({ minLength: 64, maxLength: 64, description: 'The frame\'s PDQ hash, 64 hex digits' }),
  timestamp: Type.Number({ minimum: 0, description: 'Seconds from the start of the video' }),
  trimmedHash: Type.Optional(Text({
    minLength: 64,
    maxLength: 64,
    description: 'The gateway\'s extension (POST /v1/media/hashes gives it): the frame\'s PDQ without its uniform ' +
      'borders, 64 hex digits. Frames with it are also compared without their borders, so a letterboxed or ' +
      'pillarboxed copy matches; a bank entry never carries it (the trimmed frames are an entry of their own, ' +
      'labelled `trimmed`)'
  })),
  trimmedQuality: Type.Optional(Type.Integer({
    format: 'int32',
    minimum: 0,
    maximum: 100,
    description: 'With trimmedHash: its PDQ quality; without it the frame\'s quality stands for it'
  }))
}, { additionalProperties: false })

export const VpdqHashSchema = Type.Object({
  secondsPerHash: Type.Optional(Type.Number({
    minimum: 0, description: 'The hasher\'s frame step in seconds (0: every frame)'
  })),
  features: Type.Array(VpdqFeatureSchema, {
    minItems: 1, maxItems: MAX_VPDQ_FEATURES, description: 'One PDQ hash per kept frame, in frame order'
  })
}, {
  additionalProperties: false,
  description: 'A vPDQ video hash (ThreatExchange\'s): the PDQ hashes of the video\'s frames'
})

const Percent = (description: string, fallback: number) =>
  Type.Number({ minimum: 0, maximum: 100, default: fallback, description })
const TimeRange = Type.Object({ start: Type.Number(), end: Type.Number() }, {
  description: 'Seconds from the start of the video'
})
const OrientationSchema = Type.Enum(ORIENTATIONS, {
  description: 'The dihedral variant of the queried image that matched'
})
const NoticeRef = Nullable(Type.Object({ id: Uuid, referenceNumber: Type.String() }, {
  description: 'The notice the entry came from; null for imported lists and, for a liaison, for other platforms\' ' +
    'notices'
}))
const Labels = Type.Array(Type.String(), {
  description: 'Free labels; on hashes the bank derived from removed media, which derivation: crop:<n> (the central ' +
    'crop keeping n% of each side: a pdq of an image, or a vpdq of every kept frame of a video), dense (a vpdq of ' +
    'every frame within 0.1 s of one its vpdq keeps) or trimmed (a vpdq of the frames without their uniform borders)'
})

export const Match = named('Match', Type.Object({
  entryId: Uuid,
  kind: EntryTypeSchema,
  distance: Type.Integer({
    minimum: 0, maximum: 256, description: '0 for exact kinds and vpdq; Hamming distance for pdq'
  }),
  orientation: Nullable(OrientationSchema),
  queryMatchPercent: Type.Optional(Type.Number({
    description: 'vpdq: the share of the query\'s frames (quality 50 and up, repeats dropped) found in the banked video'
  })),
  comparedMatchPercent: Type.Optional(Type.Number({
    description: 'vpdq: the share of the banked video\'s frames found in the query; for an entry labelled dense, the ' +
      'share of the banked video\'s seconds (each of its frames counts toward the second nearest its timestamp) with ' +
      'a frame found in the query, as its one-a-second vpdq would count'
  })),
  bordersTrimmed: Type.Optional(Type.Boolean({
    description: 'vpdq: true when the query\'s frames matched without their uniform borders (their trimmedHash, in ' +
      'the original orientation); false when they matched as they are, in `orientation`. A banked entry made of ' +
      'trimmed frames is labelled `trimmed`'
  })),
  queryRanges: Type.Optional(Type.Array(TimeRange, {
    description: 'vpdq: the stretches of the query its matched frames cover'
  })),
  comparedRanges: Type.Optional(Type.Array(TimeRange, {
    description: 'vpdq: the stretches of the banked video its matched frames cover'
  })),
  notice: NoticeRef,
  category: Nullable(CategorySchema),
  source: Type.String({ description: '"notice", or the name of the imported list' }),
  labels: Labels,
  addedAt: Timestamp
}))

export const VpdqQuery = Type.Object({
  type: Type.Literal('vpdq'),
  value: VpdqHashSchema,
  queryMatchPercent: Type.Optional(Percent(
    'A banked video matches when at least this share of the query\'s frames is found in it (HMA: 80)',
    VPDQ_QUERY_MATCH_PERCENT
  )),
  comparedMatchPercent: Type.Optional(Percent(
    '... and at least this share of its frames is found in the query (HMA: 0); lower the first and raise this to ' +
      'find a banked clip inside a longer query',
    VPDQ_COMPARED_MATCH_PERCENT
  ))
}, { additionalProperties: false })

export const MatchBody = Type.Object({
  hashes: Type.Array(Type.Union([VpdqQuery, Type.Object({
    type: HashTypeSchema,
    value: Text({ minLength: 1, maxLength: 64, description: 'Hex digits: 64 for sha256 and pdq, 32 for md5' }),
    quality: Type.Optional(Type.Integer({
      format: 'int32',
      minimum: 0,
      maximum: 100,
      description: 'pdq only: the quality the hasher reported (POST /v1/media/hashes gives it). Below 50 the hash is ' +
        'skipped; without it the hash is matched'
    }))
  }, { additionalProperties: false })]), { minItems: 1, maxItems: MAX_HASHES_PER_MATCH })
}, { additionalProperties: false })

export const MatchResult = named('MatchResult', Type.Object({
  type: EntryTypeSchema,
  value: Type.String({
    description: 'The value as given, in lower case; for vpdq the video hash\'s digest (the value a bank entry of it ' +
      'has)'
  }),
  matches: Type.Array(Match, { description: 'Nearest first, at most 100' }),
  skipped: Type.Optional(Type.Literal('low_quality', {
    description: 'The hash was not matched: its quality is under 50'
  }))
}))

export const MatchResponse = named('MatchResponse', Type.Object({
  results: Type.Array(MatchResult, { description: 'One per input hash, in order' })
}))

export const Entry = named('HashBankEntry', Type.Object({
  id: Uuid,
  type: EntryTypeSchema,
  value: Type.String({
    description: 'The hash; for vpdq the SHA-256 of the packed features, which identifies the video hash'
  }),
  features: Type.Optional(Type.Array(VpdqFeatureSchema, { description: 'vpdq only: the video\'s frame hashes' })),
  quality: Nullable(Type.Integer()),
  labels: Labels,
  category: Nullable(CategorySchema),
  source: Type.String(),
  notice: NoticeRef,
  noticeItemId: Nullable(Uuid),
  platform: Nullable(Type.String()),
  importId: Nullable(Uuid),
  addedAt: Timestamp,
  retiredAt: Nullable(Timestamp),
  retireReason: Nullable(Type.String())
}))

export const RetireBody = Type.Object({
  reason: Type.Optional(Text({ minLength: 1, maxLength: 1000 }))
}, { additionalProperties: false })

const FeedCursor = (description: string, extra: Record<string, unknown> = {}) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description, ...extra })

export const ChangesQuery = Type.Object({
  cursor: Type.Optional(FeedCursor(
    'A change\'s `cursor` (or a page\'s `nextCursor`): answers the changes after it. Omit to read from the start'
  )),
  since: Type.Optional(FeedCursor(
    'Deprecated: the former name of `cursor`, still accepted (`cursor` wins when both are sent)',
    { deprecated: true }
  )),
  type: Type.Optional(EntryTypeSchema),
  limit: PageQuery.limit
}, { additionalProperties: false })

export const Change = named('HashBankChange', Type.Object({
  cursor: Type.String({ description: 'Pass as `cursor` to continue after this change' }),
  change: Type.Union([Type.Literal('added'), Type.Literal('retired')]),
  at: Timestamp,
  entry: Entry
}))

export const ChangesPage = named('HashBankChangesPage', Type.Object({
  data: Type.Array(Change, { description: 'Oldest change first; each entry appears once, at its latest change' }),
  nextCursor: Nullable(Type.String({
    description: 'Set when more changes are ready now; otherwise poll later from the last change\'s cursor'
  }))
}))

/** A million-line list is about 100 MB; the import route alone accepts bodies that large. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

export const HashListText = Type.String({ maxLength: MAX_IMPORT_BYTES, description: 'The list, as text' })

export const ImportQuery = Type.Object({
  name: Type.String({
    pattern: '^[a-z0-9][a-z0-9._:-]{0,79}$',
    maxLength: 80,
    description: 'The list\'s name; it becomes the source of its entries ("notice" is reserved)'
  }),
  mode: Type.Union([Type.Literal('lenient'), Type.Literal('strict')], {
    default: 'lenient', description: 'lenient keeps the valid lines; strict stores nothing unless every line is valid'
  }),
  category: Type.Optional(CategorySchema)
}, { additionalProperties: false })

const LineError = Type.Object({ line: Type.Integer({ minimum: 1 }), detail: Type.String() })

export const Import = named('HashListImport', Type.Object({
  id: Uuid,
  name: Type.String(),
  format: Type.Enum(LIST_FORMATS),
  mode: Type.Union([Type.Literal('lenient'), Type.Literal('strict')]),
  category: Nullable(CategorySchema),
  lines: Type.Integer({ description: 'Data lines read (header and blank lines aside)' }),
  accepted: Type.Integer({ description: 'Valid lines' }),
  added: Type.Integer({ description: 'New entries' }),
  duplicates: Type.Integer({ description: 'Valid lines the bank already held under this list' }),
  rejected: Type.Integer({ description: 'Malformed lines' }),
  errors: Type.Array(LineError, { description: 'The first 1000 malformed lines' }),
  createdAt: Timestamp
}))

const MediaHashFields = {
  sha256: Type.String(),
  md5: Type.String(),
  pdq: Type.Optional(Type.Object({ hash: Type.String(), quality: Type.Integer({ minimum: 0, maximum: 100 }) }, {
    description: 'For an image'
  })),
  vpdq: Type.Optional(Vpdq)
}

export const BankMediaQuery = Type.Object({
  noticeId: Uuid,
  itemId: Type.Optional(Uuid)
}, { additionalProperties: false })

export const BankedMedia = named('BankedMedia', Type.Object({
  ...MediaHashFields,
  noticeId: Uuid,
  itemId: Nullable(Uuid),
  crops: Type.Array(Type.Object({ percent: Type.Integer(), hash: Type.String(), quality: Type.Integer() }), {
    description: 'An image\'s central crops; empty for a video, whose derived hashes (the central crops of its kept ' +
      'frames, and every frame within 0.1 s of a kept one) are vpdq entries of their own, labelled crop:<n> and ' +
      'dense, listed in entries'
  }),
  entries: Type.Array(Entry, { description: 'Every entry the bank holds for this notice item (new and earlier)' })
}))

/** Raw image bodies: documented for OpenAPI, never validated as JSON (the parser hands the handler a Buffer). */
export const ImageBody = Type.Unsafe<Buffer>({
  description: 'The image file itself (JPEG, PNG, WebP, GIF or TIFF)', contentMediaType: 'application/octet-stream'
})

export type MatchView = Static<typeof Match>
export type MatchResultView = Static<typeof MatchResult>
export type MatchInput = Static<typeof MatchBody>['hashes']
export type EntryView = Static<typeof Entry>
export type ChangeView = Static<typeof Change>
export type ImportView = Static<typeof Import>
export type RetireInput = Static<typeof RetireBody>
export type BankedMediaView = Static<typeof BankedMedia>
