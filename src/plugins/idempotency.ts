// Idempotency-Key on creating POSTs: a retry replays the first answer, a changed body is 422, a concurrent one 409,
// and one whose first attempt died with its process runs again at once.
import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../db/index.ts'
import { idempotencyKeys } from '../db/schema.ts'
import { canonicalJson } from '../domain/canonical-json.ts'
import { HttpProblem } from './problems.ts'
import { addRouteHook } from '../lib/route-hooks.ts'
import { AppError } from '../lib/errors.ts'
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/db-errors.ts'
import { ownerAlive, type IdempotencyClaim } from '../repositories/idempotency.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean
  }
  interface FastifyRequest {
    /** The key this request runs under, once claimed; a use case may store its answer in its own transaction. */
    idempotency: IdempotencyClaim | null
  }
}

export const IDEMPOTENCY_TTL_HOURS = 24
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/
const REPLAYED_HEADERS = ['content-type', 'location', 'etag']
/** A write that could not be made (the database away) is tried again this often, this many times. */
const RELEASE_RETRY_MS = 1_000
const RELEASE_ATTEMPTS = 30

/**
 * What makes two requests the same: method, URL (with its query) and body, JSON compared canonically, bytes as bytes.
 */
function fingerprint (request: FastifyRequest): string {
  const hash = crypto.createHash('sha256').update(`${request.method} ${request.url}\n`)
  const { body } = request
  if (Buffer.isBuffer(body)) hash.update(body)
  else if (body !== undefined) hash.update(canonicalJson(body))
  return hash.digest('hex')
}

export interface IdempotencyOptions {
  db: Database
  /** This process's owner number while its owner lock is held (null while the lock is lost). */
  owner: () => number | null
}

/**
 * A key is claimed by inserting its row 'running' with this process's owner number. A retry that finds it running
 * asks whether the owner still lives (its owner lock, held on a connection of its own, is what dies with the
 * process or its connection): if so it answers 409, otherwise it takes the key over at once and runs the request
 * afresh. An operation that makes an effect (a report, a client, a legal basis, a hash-list import, banked media)
 * stores its answer in the very transaction that makes the effect, so that no crash can leave an effect without its
 * answer; answers without an effect (refusals) are stored here when they are sent.
 */
export default fp(async function idempotency (app: FastifyInstance, opts: IdempotencyOptions) {
  const { db } = opts
  app.decorateRequest('idempotency', null)

  const whereClaim = (claim: IdempotencyClaim) => and(
    eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, claim.key),
    eq(idempotencyKeys.owner, claim.owner), eq(idempotencyKeys.state, 'running')
  )

  async function insertClaim (claim: IdempotencyClaim, scope: string, requestHash: string): Promise<boolean> {
    await db.delete(idempotencyKeys).where(and(
      eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, claim.key),
      lt(idempotencyKeys.expiresAt, sql`now()`)
    ))
    const inserted = await db.insert(idempotencyKeys).values({
      clientId: claim.clientId,
      key: claim.key,
      scope,
      requestHash,
      state: 'running',
      owner: claim.owner,
      expiresAt: sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`
    }).onConflictDoNothing().returning({ key: idempotencyKeys.key })
    return inserted.length === 1
  }

  /** Takes over a key whose owner is gone; false if its owner lives or another retry took it first. */
  async function takeOver (claim: IdempotencyClaim, previousOwner: number | null): Promise<boolean> {
    const taken = await db.update(idempotencyKeys)
      .set({ owner: claim.owner, createdAt: sql`now()` })
      .where(and(
        eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, claim.key),
        eq(idempotencyKeys.state, 'running'),
        previousOwner === null
          ? sql`${idempotencyKeys.owner} is null`
          : and(eq(idempotencyKeys.owner, previousOwner), sql`not ${ownerAlive(previousOwner)}`)
      ))
      .returning({ key: idempotencyKeys.key })
    return taken.length === 1
  }

  async function replayOrClaim (request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers['idempotency-key']
    if (header === undefined) return
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new HttpProblem(
        'idempotency_key_invalid', 'the Idempotency-Key header must be 1 to 255 visible ASCII characters'
      )
    }
    const owner = opts.owner()
    if (owner === null) {
      throw new AppError('database_unavailable', 'the gateway is reconnecting to its database; retry the request',
        { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS })
    }
    const claim: IdempotencyClaim = { clientId: request.principal.id, key: header, owner }
    const requestHash = fingerprint(request)
    const scope = `${request.method} ${request.routeOptions.url}`
    if (await insertClaim(claim, scope, requestHash)) {
      request.idempotency = claim
      return
    }
    const [row] = await db.select().from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.clientId, claim.clientId), eq(idempotencyKeys.key, header)))
    if (!row) {
      throw new HttpProblem(
        'idempotency_key_released', 'the key was released concurrently; retry the request', {}, { 'retry-after': '1' }
      )
    }
    if (row.requestHash !== requestHash || row.scope !== scope) {
      throw new HttpProblem('idempotency_key_in_use', 'this Idempotency-Key was already used with a different request')
    }
    if (row.state === 'running') {
      // The first attempt's process (or its database session) is gone: its request never committed, run it now.
      if (await takeOver(claim, row.owner)) {
        request.idempotency = claim
        return
      }
      throw new HttpProblem(
        'idempotent_request_in_progress', 'a request with this Idempotency-Key is still being processed; retry later',
        {}, { 'retry-after': '1' }
      )
    }
    const headers = (row.responseHeaders ?? {}) as Record<string, string>
    return reply.status(row.responseStatus ?? 200).headers({
      ...headers, 'idempotent-replayed': 'true'
    }).send(row.responseBody)
  }

  /**
   * A write of the key's outcome that fails (the database away) must neither turn the answer into an error nor
   * hold the key: it is tried again in the background. Should this process die first, its owner lock goes with
   * it and the key is free for the next retry.
   */
  function settle (write: () => Promise<unknown>, attempt = 1): Promise<void> {
    return write().then(() => {}, (error: unknown) => {
      if (attempt >= RELEASE_ATTEMPTS) {
        app.log.warn(
          { err: error }, 'could not settle an idempotency key; it is freed when this process reconnects or stops'
        )
        return
      }
      setTimeout(() => { void settle(write, attempt + 1) }, RELEASE_RETRY_MS).unref()
    })
  }

  async function record (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const claim = request.idempotency
    if (!claim) return payload
    request.idempotency = null
    if (reply.statusCode >= 500) {
      await settle(() => db.delete(idempotencyKeys).where(whereClaim(claim)))
      return payload
    }
    const headers: Record<string, string> = {}
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    // A use case that stored its answer with its effect has already set the key 'done'; this then changes nothing.
    await settle(() => db.update(idempotencyKeys).set({
      state: 'done', responseStatus: reply.statusCode, responseHeaders: headers, responseBody: String(payload ?? '')
    }).where(whereClaim(claim)))
    return payload
  }

  // A request that never reached onSend (client gone, crash in a hook) must not hold its key.
  async function release (request: FastifyRequest) {
    const claim = request.idempotency
    if (!claim) return
    request.idempotency = null
    await settle(() => db.delete(idempotencyKeys).where(whereClaim(claim)))
  }

  // Only the routes that take an Idempotency-Key carry these hooks.
  app.addHook('onRoute', (route) => {
    if (!(route.config as FastifyContextConfig | undefined)?.idempotent) return
    addRouteHook(route, 'preHandler', replayOrClaim)
    addRouteHook(route, 'onSend', record)
    addRouteHook(route, 'onResponse', release)
  })
}, { name: 'idempotency', dependencies: ['auth'] })

/** Expired keys are swept at start-up and by the maintenance job; the table holds about a day of traffic. */
export async function sweepExpiredIdempotencyKeys (db: Database): Promise<void> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, sql`now()`))
}
