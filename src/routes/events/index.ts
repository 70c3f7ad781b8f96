// The change feed: every notice created and every transition, in one total order, scoped to what the caller may see.
import { Type } from 'typebox'
import { named } from '../../schemas/named.ts'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { NoticeEvent } from '../../schemas/notices.ts'
import { errorResponses, Timestamp } from '../../schemas/common.ts'
import { readFeed } from '../../repositories/notice-events.ts'
import { toNoticeEventView } from '../../use-cases/notice-views.ts'
import type { Sequencer } from '../../jobs/sequencer.ts'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../lib/pagination.ts'
import { platformScope } from '../../repositories/clients.ts'
import { changeEtag } from '../../lib/change-etag.ts'
import { notModifiedHook } from '../../plugins/etag.ts'

export const MAX_WAIT_SECONDS = 30

const FeedQuery = Type.Object({
  after: Type.Optional(Type.Union([
    Type.Integer({ format: 'int64', minimum: 0, maximum: Number.MAX_SAFE_INTEGER }),
    Type.String({ pattern: '^(0|[1-9][0-9]{0,15})$', maxLength: 16, description: 'A page\'s `nextCursor`, as it came' })
  ], { description: 'The last sequence you have seen (`lastSequence`, or `nextCursor` as it came; 0 or absent from the start)' })),
  limit: Type.Optional(Type.Integer({ format: 'int32', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  wait: Type.Optional(Type.Integer({ format: 'int32', minimum: 0, maximum: MAX_WAIT_SECONDS, default: 0, description: 'Long polling: seconds to wait for something new when nothing is' })),
  updatedSince: Type.Optional({ ...Timestamp, description: 'Only events that happened at or after this time (to start a new poller near now; keep using `after` from then on)' })
}, { additionalProperties: false })

const Feed = named('EventFeed', Type.Object({
  data: Type.Array(NoticeEvent),
  lastSequence: Type.Integer({ description: 'Pass as `after` next time (unchanged when nothing was new)' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Set when more events are waiting: pass it as `after`, as it came' })
}))

const events: FastifyPluginAsyncTypebox<{ db: Database, sequencer: Sequencer }> = async (app, { db, sequencer }) => {
  const feedTag = (request: FastifyRequest) => {
    const scope = platformScope(request.principal)
    return changeEtag(sequencer.positionOf(scope), request.url, scope ?? '*')
  }
  app.get('/v1/events', {
    config: { roles: ['authority', 'auditor', 'liaison'] },
    preValidation: notModifiedHook(feedTag),
    schema: {
      tags: ['events'],
      operationId: 'listEvents',
      summary: 'The change feed after a sequence number (a liaison sees its own platform\'s only)',
      description: 'Sequence numbers are assigned once a change has committed and every earlier transaction has finished, so a poller that stores the last sequence it saw never misses an event. A change shows in the feed within about 100 ms of its commit. Without `wait`, If-None-Match answers 304 while nothing the caller may see is new.',
      querystring: FeedQuery,
      response: { 200: Feed, ...errorResponses(400, 403) }
    }
  }, async (request, reply) => {
    const { limit = DEFAULT_PAGE_SIZE, wait = 0 } = request.query
    const after = Number(request.query.after ?? 0)
    const since = request.query.updatedSince === undefined ? undefined : new Date(request.query.updatedSince)
    const platform = platformScope(request.principal)
    // A long poll answers when something is new, so it carries no tag to poll with.
    if (wait === 0) reply.header('etag', feedTag(request))
    const deadline = Date.now() + wait * 1000
    let rows = await readFeed(db, after, limit + 1, platform, since)
    // Long polling: sleep until the feed moves (anyone's event wakes us; the query then filters by scope).
    while (rows.length === 0 && Date.now() < deadline) {
      await sequencer.waitBeyond(Math.max(after, sequencer.lastPosition), deadline - Date.now())
      rows = await readFeed(db, after, limit + 1, platform, since)
    }
    const data = rows.slice(0, limit)
    const lastSequence = data.length > 0 ? data[data.length - 1].position! : after
    return { data: data.map(toNoticeEventView), lastSequence, nextCursor: rows.length > limit ? String(lastSequence) : null }
  })
}

export default events
