// The change feed's contract: every notice created and every transition, in one total order.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { Timestamp } from './common.ts'
import { NoticeEvent } from './notices.ts'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../lib/pagination.ts'

export const MAX_WAIT_SECONDS = 30

export const FeedQuery = Type.Object({
  after: Type.Optional(Type.Union([
    Type.Integer({ format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$', maxLength: 16, description: 'A page\'s `nextCursor`, as it came' })
  ], {
    description: 'The last sequence you have seen (`lastSequence`, or `nextCursor` ' +
      'as it came; 0 or absent from the start)'
  })),
  limit: Type.Optional(Type.Integer({
    format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE
  })),
  wait: Type.Optional(Type.Integer({
    format: 'int32',
    minimum: 0,
    maximum: MAX_WAIT_SECONDS,
    default: 0,
    description: 'Long polling: seconds to wait for something new when nothing is'
  })),
  updatedSince: Type.Optional({
    ...Timestamp,
    description: 'Only events that happened at or after this time (to start a new poller ' +
      'near now; keep using `after` from then on)'
  })
}, { additionalProperties: false })

export const Feed = named('EventFeed', Type.Object({
  data: Type.Array(NoticeEvent),
  lastSequence: Type.Integer({ description: 'Pass as `after` next time (unchanged when nothing was new)' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], {
    description: 'Set when more events are waiting: pass it as `after`, as it came'
  })
}))

export type FeedView = Static<typeof Feed>
