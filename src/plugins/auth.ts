// Bearer-key authentication and per-route role checks: every /v1 route names the roles that may call it.
import fp from 'fastify-plugin'
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify'
import type { Database } from '../db/index.ts'
import { findActiveClientByKeyHash, type Principal } from '../repositories/clients.ts'
import { hashApiKey } from '../domain/api-keys.ts'
import type { Role } from '../domain/vocabulary.ts'
import { HttpProblem } from './problems.ts'
import { TtlCache } from '../lib/ttl-cache.ts'
import { addRouteHook } from '../lib/route-hooks.ts'

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

// The auth-scheme is case-insensitive (RFC 9110, 11.1): "bearer" and "BEARER" name the same scheme.
const BEARER = /^Bearer ([\x21-\x7e]{16,256})$/i

function unauthorized (detail: string): HttpProblem {
  return new HttpProblem('unauthorized', detail, {}, { 'www-authenticate': 'Bearer realm="takedown-gateway"' })
}

/**
 * Every request presents a key, so key lookups are cached briefly. A revocation clears this process's cache
 * before it is answered, and every other process's when they hear of its commit (a database notification, within
 * milliseconds); while a process cannot hear such notifications it does not use the cache at all. A lookup that
 * was under way when the cache was cleared stores nothing (it may have read the key before it was revoked).
 */
export const KEY_CACHE_TTL_MS = 5_000
const keyCache = new TtlCache<string, Principal | null>(KEY_CACHE_TTL_MS, 10_000, Date.now, 'clients')

export function forgetCachedKeys (): void {
  keyCache.clear()
}

function presentedKey (request: FastifyRequest): string {
  const header = request.headers.authorization
  if (!header) throw unauthorized('an API key is required: send Authorization: Bearer <key>')
  const match = BEARER.exec(header)
  if (!match) throw unauthorized('the Authorization header must be "Bearer <key>"')
  return match[1]
}

// Keyed by the presented key (memory only), so a cached key costs no hashing.
async function loadPrincipal (db: Database, key: string): Promise<Principal | null> {
  const generation = keyCache.currentGeneration
  const principal = await findActiveClientByKeyHash(db, hashApiKey(key))
  keyCache.set(key, principal, generation)
  return principal
}

function admitted (principal: Principal | null): Principal {
  if (!principal) throw unauthorized('the API key is unknown or revoked')
  return principal
}

export default fp(async function auth (app: FastifyInstance, opts: { db: Database }) {
  app.decorateRequest('principal', null as unknown as Principal)
  // Each /v1 route gets its own check with its roles; routes outside /v1 (health, docs, keys) and public ones none.
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as FastifyContextConfig
    // Outside /v1 (health, docs, keys) only a route that names its roles (the metrics) asks for a key.
    if (config.public || (!route.url.startsWith('/v1/') && config.roles === undefined)) return
    const roles: readonly Role[] = config.roles ?? []
    const check = (request: FastifyRequest, principal: Principal | null): void => {
      request.principal = admitted(principal)
      if (!roles.includes(request.principal.role)) {
        throw new HttpProblem('forbidden', `the ${request.principal.role} role may not ${request.method} ${route.url}`)
      }
    }
    // Callback style: a cached key (nearly every request) is checked without a promise.
    addRouteHook(route, 'onRequest', (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void) => {
      let key: string
      let cached: Principal | null | undefined
      try {
        key = presentedKey(request)
        cached = keyCache.get(key)
        if (cached !== undefined) {
          check(request, cached)
          return done()
        }
      } catch (error) {
        return done(error as Error)
      }
      loadPrincipal(opts.db, key).then((principal) => { check(request, principal) }).then(() => done(), done)
    })
  })
}, { name: 'auth' })
