// Bearer-key authentication and per-route role checks: every /v1 route names the roles that may call it.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Database } from '../db/index.ts'
import { findActiveClientByKeyHash, type Principal } from '../repositories/clients.ts'
import { hashApiKey } from '../domain/api-keys.ts'
import type { Role } from '../domain/vocabulary.ts'
import { HttpProblem } from './problems.ts'
import { TtlCache } from '../lib/ttl-cache.ts'

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal
  }
  interface FastifyContextConfig {
    /** Roles allowed to call the route; a /v1 route without it is refused to everyone (secure by default). */
    roles?: readonly Role[]
    /** Marks a /v1 route that needs no credentials; routes outside /v1 (health, docs, keys) never do. */
    public?: boolean
  }
}

const BEARER = /^Bearer ([\x21-\x7e]{16,256})$/

function unauthorized (detail: string): HttpProblem {
  return new HttpProblem(401, 'Unauthorized', detail, {}, { 'www-authenticate': 'Bearer realm="takedown-gateway"' })
}

/**
 * Every request presents a key, so key lookups are cached briefly. A revocation clears this process's cache at
 * once; other gateway processes honour it within KEY_CACHE_TTL_MS.
 */
export const KEY_CACHE_TTL_MS = 5_000
const keyCache = new TtlCache<string, Principal | null>(KEY_CACHE_TTL_MS)

export function forgetCachedKeys (): void {
  keyCache.clear()
}

export async function authenticate (db: Database, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization
  if (!header) throw unauthorized('an API key is required: send Authorization: Bearer <key>')
  const match = BEARER.exec(header)
  if (!match) throw unauthorized('the Authorization header must be "Bearer <key>"')
  // Keyed by the presented key (memory only), so a cached key costs no hashing.
  const principal = await keyCache.getOrLoad(match[1], () => findActiveClientByKeyHash(db, hashApiKey(match[1])))
  if (!principal) throw unauthorized('the API key is unknown or revoked')
  return principal
}

export default fp(async function auth (app: FastifyInstance, opts: { db: Database }) {
  app.decorateRequest('principal', null as unknown as Principal)
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config ?? {}
    const url = request.routeOptions.url
    if (config.public || url === undefined || !url.startsWith('/v1/')) return
    request.principal = await authenticate(opts.db, request)
    const roles = config.roles ?? []
    if (!roles.includes(request.principal.role)) {
      throw new HttpProblem(403, 'Forbidden', `the ${request.principal.role} role may not ${request.method} ${request.routeOptions.url}`)
    }
  })
}, { name: 'auth' })
