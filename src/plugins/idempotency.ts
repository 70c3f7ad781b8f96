// Idempotency-Key on creating POSTs: a retry replays the first answer, a changed body is 422, a concurrent one 409.
import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../db/index.ts'
import { idempotencyKeys } from '../db/schema.ts'
import { canonicalJson } from '../domain/canonical-json.ts'
import { HttpProblem } from './problems.ts'
import { addRouteHook } from '../lib/route-hooks.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: boolean
  }
  interface FastifyRequest {
    idempotencyKey: string | null
  }
}

export const IDEMPOTENCY_TTL_HOURS = 24
/** A first attempt still 'running' after this long belonged to a process that died; its key is released. */
const ABANDONED_AFTER_SECONDS = 300
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/
const REPLAYED_HEADERS = ['content-type', 'location', 'etag']

/** What makes two requests the same: method, URL (with its query) and body, JSON compared canonically, bytes as bytes. */
function fingerprint (request: FastifyRequest): string {
  const hash = crypto.createHash('sha256').update(`${request.method} ${request.url}\n`)
  const { body } = request
  if (Buffer.isBuffer(body)) hash.update(body)
  else if (body !== undefined) hash.update(canonicalJson(body))
  return hash.digest('hex')
}

export default fp(async function idempotency (app: FastifyInstance, opts: { db: Database }) {
  const { db } = opts
  app.decorateRequest('idempotencyKey', null)

  async function claim (clientId: string, key: string, scope: string, requestHash: string): Promise<boolean> {
    await db.delete(idempotencyKeys).where(and(
      eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key),
      sql`(${idempotencyKeys.expiresAt} < now() or (${idempotencyKeys.state} = 'running' and ${idempotencyKeys.createdAt} < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})))`
    ))
    const inserted = await db.insert(idempotencyKeys).values({
      clientId, key, scope, requestHash, state: 'running',
      expiresAt: sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`
    }).onConflictDoNothing().returning({ key: idempotencyKeys.key })
    return inserted.length === 1
  }

  async function replayOrClaim (request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers['idempotency-key']
    if (header === undefined) return
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new HttpProblem(400, 'Invalid Idempotency-Key', 'the Idempotency-Key header must be 1 to 255 visible ASCII characters')
    }
    const clientId = request.principal.id
    const requestHash = fingerprint(request)
    const scope = `${request.method} ${request.routeOptions.url}`
    if (await claim(clientId, header, scope, requestHash)) {
      request.idempotencyKey = header
      return
    }
    const [row] = await db.select().from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, header)))
    if (!row) throw new HttpProblem(409, 'Idempotency conflict', 'the key was released concurrently; retry the request')
    if (row.requestHash !== requestHash || row.scope !== scope) {
      throw new HttpProblem(422, 'Idempotency-Key reused', 'this Idempotency-Key was already used with a different request')
    }
    if (row.state === 'running') {
      throw new HttpProblem(409, 'Request in progress', 'a request with this Idempotency-Key is still being processed; retry later', {}, { 'retry-after': '1' })
    }
    const headers = (row.responseHeaders ?? {}) as Record<string, string>
    return reply.status(row.responseStatus ?? 200).headers({ ...headers, 'idempotent-replayed': 'true' }).send(row.responseBody)
  }

  async function record (request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const key = request.idempotencyKey
    if (!key) return payload
    request.idempotencyKey = null
    const where = and(eq(idempotencyKeys.clientId, request.principal.id), eq(idempotencyKeys.key, key))
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where)
      return payload
    }
    const headers: Record<string, string> = {}
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name)
      if (value !== undefined) headers[name] = String(value)
    }
    await db.update(idempotencyKeys).set({
      state: 'done', responseStatus: reply.statusCode, responseHeaders: headers, responseBody: String(payload ?? '')
    }).where(where)
    return payload
  }

  // A request that never reached onSend (client gone, crash in a hook) must not hold its key.
  async function release (request: FastifyRequest) {
    if (!request.idempotencyKey) return
    await db.delete(idempotencyKeys).where(and(
      eq(idempotencyKeys.clientId, request.principal.id), eq(idempotencyKeys.key, request.idempotencyKey),
      eq(idempotencyKeys.state, 'running')
    ))
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
