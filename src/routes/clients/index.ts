// API clients: administrators issue, list and revoke keys.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { Client, CreatedClient, CreateClientBody, ListClientsQuery } from '../../schemas/clients.ts'
import { BODY_ERRORS, created, errorResponses, IdParams, IdempotencyHeaders, ListOf } from '../../schemas/common.ts'
import { createClient, getClient, listClientViews, revokeClient } from '../../use-cases/clients.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import { notFound as noSuch } from '../../lib/errors.ts'
import { forgetCachedKeys } from '../../plugins/auth.ts'

const ADMIN = ['admin'] as const

const notFound = (id: string) => noSuch(`client ${id}`)

const clients: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.post('/v1/clients', {
    config: { roles: ADMIN, idempotent: true },
    schema: {
      tags: ['clients'],
      operationId: 'createClient',
      summary: 'Create an API client; its key is returned once',
      description: 'For administrators. A liaison must be given the `platform` it acts for (a catalogued slug), and ' +
        'no other role may have one (422). Afterwards only `keyPrefix` is shown; a retry with the same ' +
        'Idempotency-Key within 24 hours replays this response, key included.',
      headers: IdempotencyHeaders,
      body: CreateClientBody,
      response: { 201: created(CreatedClient), ...errorResponses(...BODY_ERRORS, 403, 409, 422) }
    }
  }, async (request, reply) => {
    const created = await createClient(db, request.body, request.principal, request.idempotency)
    return reply.status(201).header('location', `/v1/clients/${created.id}`).send(created)
  })

  app.get('/v1/clients', {
    config: { roles: ADMIN },
    schema: {
      tags: ['clients'],
      operationId: 'listClients',
      summary: 'List API clients in creation order',
      description: 'For administrators. Revoked clients are listed too, with `revokedAt` set; a key is never shown ' +
        'again, only its `keyPrefix`. Pages of `limit` (default 50, at most 500) follow `cursor` and answer ' +
        '`{ data, nextCursor }`.',
      querystring: ListClientsQuery,
      response: { 200: ListOf(Client), ...errorResponses(400, 403) }
    }
  }, async (request) => {
    return listClientViews(db, request.query.limit ?? DEFAULT_PAGE_SIZE, request.query.cursor)
  })

  app.get('/v1/clients/:id', {
    config: { roles: ADMIN },
    schema: {
      tags: ['clients'],
      operationId: 'getClient',
      summary: 'One API client',
      description: 'For administrators. A revoked client is still found, with `revokedAt` set; its key is never ' +
        'shown again, only its `keyPrefix`.',
      params: IdParams,
      response: { 200: Client, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => getClient(db, request.params.id))

  app.post('/v1/clients/:id/revoke', {
    config: { roles: ADMIN },
    schema: {
      tags: ['clients'],
      operationId: 'revokeClient',
      summary: 'Revoke a client\'s key (idempotent)',
      description: 'For administrators. Revoking a revoked client keeps its first `revokedAt`; the last active ' +
        'administrator cannot be revoked (409). From the answer on, the key is refused by this process, and by every ' +
        'other gateway process as soon as it hears of the revocation (a database notification, normally within ' +
        'milliseconds).',
      params: IdParams,
      response: { 200: Client, ...errorResponses(...BODY_ERRORS, 403, 404, 409) }
    }
  }, async (request) => {
    const view = await revokeClient(db, request.params.id, request.principal)
    if (!view) throw notFound(request.params.id)
    forgetCachedKeys()
    return view
  })
}

export default clients
