// The webhook-endpoint resource's contract, and a notice's delivery history.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { NOTICE_ACTIONS } from '../domain/vocabulary.ts'
import { PageQuery, Text, Timestamp, Uuid } from './common.ts'

/** The events a webhook can carry: a notice issued, then each step of its lifecycle by its action's name. */
export const WEBHOOK_EVENT_TYPES = ['notice.created', ...NOTICE_ACTIONS.map((a) => `notice.${a}` as const)] as const

const EventTypes = Type.Array(Type.Enum(['*', ...WEBHOOK_EVENT_TYPES]), {
  minItems: 1,
  maxItems: WEBHOOK_EVENT_TYPES.length + 1,
  uniqueItems: true,
  description: 'The event types sent to this endpoint; `*` for every one'
})

const WebhookUrl = Type.String({
  format: 'uri',
  minLength: 1,
  maxLength: 2000,
  description: 'An https URL on a public address (checked again at every delivery, after DNS resolution); plain ' +
    'http and loopback only where the gateway is configured for development'
})

const Platforms = Type.Array(Text({ minLength: 1, maxLength: 40 }), {
  minItems: 1, maxItems: 50, uniqueItems: true, description: 'Only these platforms\' events (authorities only)'
})

const EndpointFields = {
  id: Uuid,
  url: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  eventTypes: Type.Array(Type.String()),
  platform: Type.Union([Type.String(), Type.Null()], {
    description: 'A liaison\'s platform: the only one whose events it receives; null for an authority\'s endpoint'
  }),
  platforms: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'An authority\'s endpoint: only these platforms (null: every one)'
  }),
  enabled: Type.Boolean(),
  disabledReason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why the gateway disabled it: 410 Gone, or every delivery failing for 5 days'
  }),
  disabledAt: Type.Union([Timestamp, Type.Null()]),
  failingSince: Type.Union([Timestamp, Type.Null()], {
    description: 'Since when every attempt has failed; null after a success'
  }),
  previousSecretExpiresAt: Type.Union([Timestamp, Type.Null()], {
    description: 'While set, deliveries carry a signature with the previous secret too'
  }),
  version: Type.Integer({ minimum: 1 }),
  createdAt: Timestamp,
  updatedAt: Timestamp
}

export const WebhookEndpoint = named('WebhookEndpoint', Type.Object(EndpointFields))

export const WebhookEndpointWithSecret = named('WebhookEndpointWithSecret', Type.Object({
  ...EndpointFields,
  secret: Type.String({
    pattern: '^whsec_[A-Za-z0-9+/=]+$',
    description: 'The signing secret (Standard Webhooks), shown only in this response'
  })
}))

export const CreateWebhookEndpointBody = Type.Object({
  url: WebhookUrl,
  description: Type.Optional(Text({ maxLength: 500 })),
  eventTypes: EventTypes,
  platforms: Type.Optional(Platforms)
}, { additionalProperties: false })

export const UpdateWebhookEndpointBody = Type.Object({
  url: Type.Optional(WebhookUrl),
  description: Type.Optional(Type.Union([Text({ maxLength: 500 }), Type.Null()])),
  eventTypes: Type.Optional(EventTypes),
  platforms: Type.Optional(Type.Union([Platforms, Type.Null()])),
  enabled: Type.Optional(Type.Boolean({
    description: 'true enables a disabled endpoint again (its failing streak starts afresh); false pauses it'
  }))
}, { additionalProperties: false, minProperties: 1 })

export const RotateSecretBody = Type.Object({
  overlapHours: Type.Optional(Type.Integer({
    format: 'int32',
    minimum: 0,
    maximum: 168,
    default: 24,
    description: 'How long the previous secret keeps signing beside the new one'
  }))
}, { additionalProperties: false })

export const ListWebhookEndpointsQuery = Type.Object(PageQuery, { additionalProperties: false })

const DeliveryAttempt = Type.Object({
  attempt: Type.Integer({ minimum: 1 }),
  at: Timestamp,
  outcome: Type.Enum(['delivered', 'retry', 'failed', 'refused']),
  statusCode: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The HTTP status, or the SMTP reply code'
  }),
  error: Type.Union([Type.String(), Type.Null()]),
  response: Type.Union([Type.String(), Type.Null()], { description: 'At most 1 KB of the answer' }),
  durationMs: Type.Union([Type.Integer(), Type.Null()])
})

export const NoticeDelivery = named('NoticeDelivery', Type.Object({
  id: Uuid,
  channel: Type.Enum(['email', 'webhook']),
  endpointId: Type.Union([Uuid, Type.Null()]),
  eventType: Type.String(),
  status: Type.Enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: Type.Array(DeliveryAttempt),
  nextAttemptAt: Type.Union([Timestamp, Type.Null()], { description: 'When pending: the next attempt' }),
  deliveredAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp
}))

export type WebhookEndpointView = Static<typeof WebhookEndpoint>
export type CreateWebhookEndpointInput = Static<typeof CreateWebhookEndpointBody>
export type UpdateWebhookEndpointInput = Static<typeof UpdateWebhookEndpointBody>
export type NoticeDeliveryView = Static<typeof NoticeDelivery>
