// The change feed: every notice created and every transition, in one total order, scoped to what the caller may see.
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { Feed, FeedQuery } from '../../schemas/events.ts'
import { errorResponses } from '../../schemas/common.ts'
import { readChangeFeed } from '../../use-cases/notice-events.ts'
import { platformScope } from '../../use-cases/scope.ts'
import type { Sequencer } from '../../jobs/sequencer.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import { changeEtag } from '../../lib/change-etag.ts'
import { notModifiedHook } from '../../plugins/etag.ts'

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
      description: 'Sequence numbers are assigned once a change has committed and every earlier transaction has ' +
        'finished, so a poller that stores the last sequence it saw never misses an event. A change shows in the ' +
        'feed within about 100 ms of its commit. Without `wait`, If-None-Match answers 304 while nothing the caller ' +
        'may see is new.',
      querystring: FeedQuery,
      response: { 200: Feed, ...errorResponses(400, 403) }
    }
  }, async (request, reply) => {
    const { limit = DEFAULT_PAGE_SIZE, wait = 0 } = request.query
    const after = Number(request.query.after ?? 0)
    const since = request.query.updatedSince === undefined ? undefined : new Date(request.query.updatedSince)
    // A long poll answers when something is new, so it carries no tag to poll with.
    if (wait === 0) reply.header('etag', feedTag(request))
    return readChangeFeed(db, sequencer, request.principal, { after, limit, wait, since })
  })
}

export default events
