// Webhook endpoints: a client registers, lists, edits, rotates the secret of, and deletes its own. A liaison's
// endpoint hears its own platform only; an authority's every platform, or those it names.
import crypto from 'node:crypto'
import { isIP } from 'node:net'
import type { Database } from '../db/index.ts'
import * as repo from '../repositories/webhook-endpoints.ts'
import { appendAudit } from '../repositories/audit.ts'
import { createdAnswer, storeAnswer, type IdempotencyClaim } from '../repositories/idempotency.ts'
import { platformExists } from '../repositories/platforms.ts'
import type { Principal } from '../repositories/clients.ts'
import { notFound, unprocessable } from '../lib/errors.ts'
import { decodeCursor, page } from '../lib/pagination.ts'
import { generateWebhookSecret } from '../delivery/webhook-signature.ts'
import type { SecretBox } from '../delivery/secret-box.ts'
import { isForbiddenAddress } from '../delivery/address-guard.ts'
import type {
  CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookEndpointView
} from '../schemas/webhook-endpoints.ts'

export interface EndpointContext {
  db: Database
  box: SecretBox
  /** WEBHOOK_ALLOW_HTTP: plain http URLs, and loopback addresses, for development and tests only. */
  allowHttp: boolean
}

type FieldError = { pointer: string, detail: string }

export function toEndpointView (row: repo.WebhookEndpointRow, now = new Date()): WebhookEndpointView {
  const previous = (row.secrets as repo.SealedSecret[])
    .map((s) => s.expiresAt).filter((at): at is string => at !== null && Date.parse(at) > now.getTime()).sort()
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    platform: row.platform,
    platforms: row.platforms,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    failingSince: row.failingSince?.toISOString() ?? null,
    previousSecretExpiresAt: previous.at(-1) ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString()
  }
}

/**
 * The URL's own checks, before any delivery: https (http only when allowed), no credentials, and no address
 * literal a delivery may not reach. A name is checked at every delivery, after it is resolved (src/delivery/).
 */
function urlErrors (text: string, allowHttp: boolean): FieldError[] {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return [{ pointer: '/url', detail: 'is not a URL' }]
  }
  const errors: FieldError[] = []
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    errors.push({ pointer: '/url', detail: allowHttp ? 'must be https or http' : 'must be https' })
  }
  if (url.username !== '' || url.password !== '') errors.push({ pointer: '/url', detail: 'must not carry credentials' })
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) !== 0 && isForbiddenAddress(host, { allowLoopback: allowHttp })) {
    errors.push({ pointer: '/url', detail: `names an address deliveries may not go to: ${host}` })
  }
  return errors
}

async function platformErrors (
  db: Database, principal: Principal, platforms: string[] | null | undefined
): Promise<FieldError[]> {
  if (platforms === undefined || platforms === null) return []
  if (principal.role === 'liaison') {
    return [{ pointer: '/platforms', detail: 'is for authorities: a liaison\'s endpoint hears its own platform only' }]
  }
  const errors: FieldError[] = []
  for (const [i, slug] of platforms.entries()) {
    if (await platformExists(db, slug)) continue
    errors.push({ pointer: `/platforms/${i}`, detail: `is not catalogued: ${slug}` })
  }
  return errors
}

function refuse (errors: FieldError[]): void {
  if (errors.length > 0) {
    throw unprocessable('webhook_endpoint_not_accepted', 'the webhook endpoint cannot be saved as described', errors)
  }
}

export async function createEndpoint (
  ctx: EndpointContext, principal: Principal, input: CreateWebhookEndpointInput,
  idempotency: IdempotencyClaim | null = null
): Promise<WebhookEndpointView & { secret: string }> {
  refuse([...urlErrors(input.url, ctx.allowHttp), ...await platformErrors(ctx.db, principal, input.platforms)])
  const id = crypto.randomUUID()
  const secret = generateWebhookSecret()
  const row = await ctx.db.transaction(async (tx) => {
    const created = await repo.insertEndpoint(tx, {
      id,
      clientId: principal.id,
      platform: principal.platform,
      platforms: input.platforms ?? null,
      url: input.url,
      description: input.description ?? null,
      eventTypes: input.eventTypes,
      secrets: [{ sealed: ctx.box.seal(secret, id), expiresAt: null }] satisfies repo.SealedSecret[]
    })
    await appendAudit(tx, principal, {
      action: 'webhook_endpoint.created',
      targetType: 'webhook_endpoint',
      targetId: id,
      change: {
        url: created.url, eventTypes: created.eventTypes, platform: created.platform, platforms: created.platforms
      }
    })
    // A retry after a crash replays this answer, secret included, as the first answer had it.
    if (idempotency) {
      const answer = { ...toEndpointView(created), secret }
      await storeAnswer(tx, idempotency, createdAnswer(`/v1/webhook-endpoints/${id}`, answer))
    }
    return created
  })
  return { ...toEndpointView(row), secret }
}

export async function listEndpoints (
  db: Database, principal: Principal, limit: number, cursor: string | undefined
): Promise<{ data: WebhookEndpointView[], nextCursor: string | null }> {
  const rows = await repo.listOwnEndpoints(db, principal.id, limit + 1, decodeCursor(cursor))
  const { data, nextCursor } = page(rows, limit)
  return { data: data.map((row) => toEndpointView(row)), nextCursor }
}

export async function getEndpoint (db: Database, principal: Principal, id: string): Promise<WebhookEndpointView> {
  const row = await repo.findOwnEndpoint(db, id, principal.id)
  if (row === null) throw notFound(`webhook endpoint ${id}`)
  return toEndpointView(row)
}

export async function updateEndpoint (
  ctx: EndpointContext, principal: Principal, id: string, input: UpdateWebhookEndpointInput
): Promise<WebhookEndpointView> {
  refuse([
    ...(input.url === undefined ? [] : urlErrors(input.url, ctx.allowHttp)),
    ...await platformErrors(ctx.db, principal, input.platforms)
  ])
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateOwnEndpoint(tx, id, principal.id, {
      ...(input.url === undefined ? {} : { url: input.url }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.eventTypes === undefined ? {} : { eventTypes: input.eventTypes }),
      ...(input.platforms === undefined ? {} : { platforms: input.platforms }),
      // Enabling again starts afresh: the reason it was disabled, and its failing streak, are cleared.
      ...(input.enabled === true ? { enabled: true, disabledReason: null, disabledAt: null, failingSince: null } : {}),
      ...(input.enabled === false ? { enabled: false } : {})
    })
    if (updated === null) throw notFound(`webhook endpoint ${id}`)
    await appendAudit(tx, principal, {
      action: 'webhook_endpoint.updated', targetType: 'webhook_endpoint', targetId: id, change: { ...input }
    })
    return updated
  })
  return toEndpointView(row)
}

/**
 * A new secret, shown once; the previous one keeps signing beside it for `overlapHours`, so that a receiver can
 * switch without losing a delivery. Secrets whose overlap has ended are dropped.
 */
export async function rotateEndpointSecret (
  ctx: EndpointContext, principal: Principal, id: string, overlapHours: number, now = new Date()
): Promise<WebhookEndpointView & { secret: string }> {
  const secret = generateWebhookSecret()
  const row = await ctx.db.transaction(async (tx) => {
    const current = await repo.findOwnEndpoint(tx, id, principal.id)
    if (current === null) throw notFound(`webhook endpoint ${id}`)
    const expiresAt = new Date(now.getTime() + overlapHours * 3_600_000).toISOString()
    const kept = (current.secrets as repo.SealedSecret[])
      .map((s) => (s.expiresAt === null ? { ...s, expiresAt } : s))
      .filter((s) => overlapHours > 0 && Date.parse(s.expiresAt ?? expiresAt) > now.getTime())
    const updated = await repo.updateOwnEndpoint(tx, id, principal.id, {
      secrets: [{ sealed: ctx.box.seal(secret, id), expiresAt: null }, ...kept] satisfies repo.SealedSecret[]
    })
    await appendAudit(tx, principal, {
      action: 'webhook_endpoint.secret_rotated', targetType: 'webhook_endpoint', targetId: id, change: { overlapHours }
    })
    return updated!
  })
  return { ...toEndpointView(row, now), secret }
}

export async function deleteEndpoint (db: Database, principal: Principal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await repo.deleteOwnEndpoint(tx, id, principal.id))) throw notFound(`webhook endpoint ${id}`)
    await appendAudit(tx, principal, {
      action: 'webhook_endpoint.deleted', targetType: 'webhook_endpoint', targetId: id, change: {}
    })
  })
}

/** The secrets a delivery is signed with now: the current one first, then those still in their overlap. */
export function signingSecrets (box: SecretBox, row: repo.WebhookEndpointRow, now = new Date()): string[] {
  return (row.secrets as repo.SealedSecret[])
    .filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime())
    .sort((a, b) => (a.expiresAt === null ? -1 : b.expiresAt === null ? 1 : 0))
    .map((s) => box.open(s.sealed, row.id))
}
