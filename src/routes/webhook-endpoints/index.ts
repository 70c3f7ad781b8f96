// Webhook endpoints: liaisons and authorities register where notice events are sent (Standard Webhooks).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CreateWebhookEndpointBody, ListWebhookEndpointsQuery, RotateSecretBody, UpdateWebhookEndpointBody,
  WebhookEndpoint, WebhookEndpointWithSecret
} from '../../schemas/webhook-endpoints.ts'
import {
  BODY_ERRORS, created, errorResponses, IdempotencyHeaders, IdParams, ListOf
} from '../../schemas/common.ts'
import {
  createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateEndpointSecret, updateEndpoint,
  type EndpointContext
} from '../../use-cases/webhook-endpoints.ts'
import { DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'

const OWNERS = ['authority', 'liaison'] as const
const TAGS = ['webhook-endpoints']
const OWN = 'Authorities and liaisons manage their own endpoints; another client\'s is not found (404).'

const webhookEndpoints: FastifyPluginAsyncTypebox<EndpointContext> = async (app, ctx) => {
  app.post('/v1/webhook-endpoints', {
    config: { roles: OWNERS, idempotent: true },
    schema: {
      tags: TAGS,
      operationId: 'createWebhookEndpoint',
      summary: 'Register a webhook endpoint; its signing secret is returned once',
      description: `${OWN} A retry with the same Idempotency-Key within 24 hours replays this answer, secret ` +
        'included. A liaison\'s endpoint hears its own platform\'s events only; an authority\'s every ' +
        'platform\'s, or those it names in `platforms`. Deliveries follow Standard Webhooks 1.0 (webhook-id, ' +
        'webhook-timestamp, webhook-signature `v1,` HMAC-SHA256 with the secret) and are described in the ' +
        'gateway\'s docs/delivery.md.',
      headers: IdempotencyHeaders,
      body: CreateWebhookEndpointBody,
      response: { 201: created(WebhookEndpointWithSecret), ...errorResponses(...BODY_ERRORS, 403, 409, 422) }
    }
  }, async (request, reply) => {
    const endpoint = await createEndpoint(ctx, request.principal, request.body, request.idempotency)
    return reply.status(201).header('location', `/v1/webhook-endpoints/${endpoint.id}`).send(endpoint)
  })

  app.get('/v1/webhook-endpoints', {
    config: { roles: OWNERS },
    schema: {
      tags: TAGS,
      operationId: 'listWebhookEndpoints',
      summary: 'The caller\'s webhook endpoints, in the order they were registered',
      description: `${OWN} Pages of \`limit\` (default 50, at most 500) follow \`cursor\`; secrets are never shown.`,
      querystring: ListWebhookEndpointsQuery,
      response: { 200: ListOf(WebhookEndpoint), ...errorResponses(400, 403) }
    }
  }, async (request) => listEndpoints(ctx.db, request.principal, request.query.limit ?? DEFAULT_PAGE_SIZE,
    request.query.cursor))

  app.get('/v1/webhook-endpoints/:id', {
    config: { roles: OWNERS },
    schema: {
      tags: TAGS,
      operationId: 'getWebhookEndpoint',
      summary: 'One of the caller\'s webhook endpoints',
      description: `${OWN} \`disabledReason\` says why the gateway disabled it (410 Gone, or failing for 5 days).`,
      params: IdParams,
      response: { 200: WebhookEndpoint, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => getEndpoint(ctx.db, request.principal, request.params.id))

  app.patch('/v1/webhook-endpoints/:id', {
    config: { roles: OWNERS },
    schema: {
      tags: TAGS,
      operationId: 'updateWebhookEndpoint',
      summary: 'Change an endpoint\'s URL, events or platforms, or enable or pause it',
      description: `${OWN} \`enabled: true\` enables an endpoint the gateway disabled; deliveries cancelled ` +
        'while it was disabled are not sent again (ask the authority for a redelivery).',
      params: IdParams,
      body: UpdateWebhookEndpointBody,
      response: { 200: WebhookEndpoint, ...errorResponses(...BODY_ERRORS, 403, 404, 422) }
    }
  }, async (request) => updateEndpoint(ctx, request.principal, request.params.id, request.body))

  app.post('/v1/webhook-endpoints/:id/rotate-secret', {
    config: { roles: OWNERS },
    schema: {
      tags: TAGS,
      operationId: 'rotateWebhookEndpointSecret',
      summary: 'A new signing secret, returned once; the previous one keeps signing during an overlap',
      description: `${OWN} During the overlap (\`overlapHours\`, default 24) every delivery carries two ` +
        'signatures in webhook-signature, one per secret, so the receiver can switch at any moment.',
      params: IdParams,
      body: RotateSecretBody,
      response: { 200: WebhookEndpointWithSecret, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => rotateEndpointSecret(ctx, request.principal, request.params.id,
    request.body.overlapHours ?? 24))

  app.delete('/v1/webhook-endpoints/:id', {
    config: { roles: OWNERS },
    schema: {
      tags: TAGS,
      operationId: 'deleteWebhookEndpoint',
      summary: 'Delete an endpoint: nothing more is sent to it',
      description: `${OWN} Deliveries still pending are cancelled; its past deliveries stay in the notices' history.`,
      params: IdParams,
      response: { 204: { description: 'Deleted', type: 'null' }, ...errorResponses(400, 403, 404) }
    }
  }, async (request, reply) => {
    await deleteEndpoint(ctx.db, request.principal, request.params.id)
    return reply.status(204).send(null)
  })
}

export default webhookEndpoints
