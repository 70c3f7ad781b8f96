// Request limits on every route, in fixed windows in this process's memory: per client for a key proven valid, per
// source address for everything else (no key, a malformed, unknown or revoked one, the public routes), counted before
// any key is looked up; readiness checks in a window of their own.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpProblem } from './problems.ts'
import { TtlCache } from '../lib/ttl-cache.ts'

interface Window {
  count: number
  resetAt: number
}

/**
 * Counts requests per key in windows that start at a key's first request. A flood of distinct keys (made-up
 * credentials, many addresses) cannot grow it without bound: past `maxKeys` the oldest window is forgotten.
 */
export class FixedWindows {
  private readonly windows = new Map<string, Window>()

  constructor (readonly windowMs: number, private readonly maxKeys = 100_000, private readonly now = Date.now) {}

  /** Counts one request and answers the key's window as it now stands. */
  hit (key: string): Window {
    const now = this.now()
    let window = this.windows.get(key)
    if (window === undefined || window.resetAt <= now) {
      // Re-inserted at a new window, so the map's first key is always the oldest window.
      this.windows.delete(key)
      if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string)
      window = { count: 0, resetAt: now + this.windowMs }
      this.windows.set(key, window)
    }
    window.count++
    return window
  }

  secondsUntilReset (window: Window): number {
    return Math.max(0, Math.ceil((window.resetAt - this.now()) / 1000))
  }
}

export interface RateLimitOptions {
  /** Requests per minute per client, once its key is proven valid. */
  perClient: number
  /** Requests per minute per source address without a key proven valid. */
  perAddress: number
  /** Readiness checks per minute per source address, in a window of their own. */
  readiness: number
}

/** A limit: its windows, its allowance, and how a refusal explains itself. */
class Limit {
  readonly windows = new FixedWindows(60_000)
  constructor (readonly max: number, private readonly per: string) {}

  /** Counts the request, sets the headers from this window, and answers the refusal when it is over. */
  charge (key: string, reply: FastifyReply): HttpProblem | undefined {
    const window = this.windows.hit(key)
    const reset = String(this.windows.secondsUntilReset(window))
    reply.header('x-ratelimit-limit', String(this.max))
    reply.header('x-ratelimit-remaining', String(Math.max(0, this.max - window.count)))
    reply.header('x-ratelimit-reset', reset)
    if (window.count <= this.max) return undefined
    return new HttpProblem(
      'rate_limited', `at most ${this.max} ${this.per}; retry after ${reset} s`, {}, { 'retry-after': reset }
    )
  }
}

/** Which window a request was counted in, so that later hooks know what is left to do. */
type Charged = 'client' | 'address' | 'readiness' | null

declare module 'fastify' {
  interface FastifyRequest {
    rateLimitCharged: Charged
  }
}

/**
 * Liveness is not limited: it answers from memory, so refusing it would cost as much as answering, and a
 * probe refused because someone else flooded its address would restart a healthy gateway.
 */
const UNLIMITED = new Set(['/health/live'])
const READINESS = '/health/ready'

/**
 * Keys proven valid, remembered by the Authorization header that carried them (memory only, as the auth cache
 * keeps them), longer than the auth cache so that a client in steady use is never counted against its address.
 */
const PROVEN_KEY_TTL_MS = 10 * 60_000

export default fp(async function rateLimit (app: FastifyInstance, opts: RateLimitOptions) {
  const clients = new Limit(opts.perClient, 'requests per minute per client')
  const addresses = new Limit(opts.perAddress, 'requests per minute from one address without a valid API key')
  const readiness = new Limit(opts.readiness, 'readiness checks per minute from one address')
  const proven = new TtlCache<string, string>(PROVEN_KEY_TTL_MS, 10_000)
  app.decorateRequest('rateLimitCharged', null)

  // Registered before authentication, so that this runs first on every route and a key is looked up only once
  // its request has been counted: a flood of invented keys from one address fills that address's window, each
  // distinct key notwithstanding. A key proven valid before is counted against its client alone, so a legitimate
  // client behind an address shared with such a flood keeps its own allowance; only its first request (or its
  // first after ten idle minutes) competes with the flood, and its retry after Retry-After proves it.
  app.addHook('onRequest', (request, reply, done) => {
    const route = request.routeOptions.url
    if (route !== undefined && UNLIMITED.has(route)) return done()
    const key = request.headers.authorization
    const clientId = key === undefined ? undefined : proven.get(key)
    let refusal: HttpProblem | undefined
    if (route === READINESS) {
      request.rateLimitCharged = 'readiness'
      refusal = readiness.charge(request.ip, reply)
    } else if (clientId !== undefined) {
      request.rateLimitCharged = 'client'
      refusal = clients.charge(clientId, reply)
    } else {
      request.rateLimitCharged = 'address'
      refusal = addresses.charge(request.ip, reply)
    }
    done(refusal)
  })

  // After authentication (every onRequest hook has run): a key just proven is remembered and its client counted.
  app.addHook('preParsing', (request, reply, _payload, done) => {
    const principal = request.principal as FastifyRequest['principal'] | null
    const key = request.headers.authorization
    if (principal === null || key === undefined) return done()
    proven.set(key, principal.id)
    if (request.rateLimitCharged !== 'address') return done()
    request.rateLimitCharged = 'client'
    done(clients.charge(principal.id, reply))
  })

  // A key remembered as valid but refused now (revoked since) is forgotten and its refusal counted against the
  // address, so a revoked key cannot keep the allowance of the client it was; a valid key refused its route (403)
  // is remembered all the same.
  app.addHook('onResponse', (request, reply, done) => {
    const key = request.headers.authorization
    if (key === undefined) return done()
    const principal = request.principal as FastifyRequest['principal'] | null
    if (reply.statusCode === 401 && request.rateLimitCharged === 'client') {
      proven.delete(key)
      addresses.windows.hit(request.ip)
    } else if (principal !== null && request.rateLimitCharged === 'address') {
      proven.set(key, principal.id)
    }
    done()
  })
}, { name: 'rate-limit' })
