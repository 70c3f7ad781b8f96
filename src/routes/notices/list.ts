// GET /v1/notices: notices in issue order; a liaison's page is its own platform's, delivered on first read.
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ListNoticesQuery, Notice } from '../../schemas/notices.ts'
import { errorResponses, ListOf } from '../../schemas/common.ts'
import { changeEtag } from '../../lib/change-etag.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import { notModifiedHook } from '../../plugins/etag.ts'
import { readDelivers, readNoticePage } from '../../use-cases/deliver-on-read.ts'
import { platformScope } from '../../use-cases/scope.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const listNotices: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db, hooks, sequencer }) => {
  /** A list moves with the events of the platform it shows: the liaison's own, or the one the query names. */
  const listTag = (request: FastifyRequest) => {
    const scope = platformScope(request.principal)
    const { platform } = request.query as { platform?: unknown }
    return changeEtag(
      sequencer.positionOf(scope ?? (typeof platform === 'string' ? platform : null)), request.url, scope ?? '*'
    )
  }
  app.get('/v1/notices', {
    config: { roles: READERS },
    preValidation: notModifiedHook(listTag),
    schema: {
      tags: ['notices'],
      operationId: 'listNotices',
      summary: 'List notices in issue order (a liaison sees its own platform\'s only)',
      description: 'For keeping up with changes, poll the change feed (GET /v1/events): its sequence never skips a ' +
        'change. The list\'s cursor and updatedSince follow insertion and update times, which concurrent writers can ' +
        'commit out of order; a poller using updatedSince should overlap its windows by a few seconds. If-None-Match ' +
        'answers 304 without a query while nothing the list shows has changed: for a liaison, or a list filtered by ' +
        '`platform`, a change on another platform is not a change.',
      querystring: ListNoticesQuery,
      response: { 200: ListOf(Notice), ...errorResponses(400, 403) }
    }
  }, async (request, reply) => {
    const { limit = DEFAULT_PAGE_SIZE, cursor, updatedSince, platform, status } = request.query
    reply.header('etag', listTag(request))
    return readNoticePage(db, hooks, request.principal, { platform, status, updatedSince }, limit, cursor,
      readDelivers(request.method))
  })
}

export default listNotices
