// Per-client request limits on /v1: a fixed window per credential (per address without one), in this process's memory.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { HttpProblem } from './problems.ts'
import { addRouteHook } from '../lib/route-hooks.ts'

interface Window {
  count: number
  resetAt: number
}

/**
 * Counts requests per key in windows that start at a key's first request. A flood of distinct keys (made-up
 * credentials) cannot grow it without bound: past `maxKeys` the oldest window is forgotten.
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

export default fp(async function rateLimit (app: FastifyInstance, opts: { max: number }) {
  const { max } = opts
  const windows = new FixedWindows(60_000)
  const limit = String(max)
  // The credential itself is the key: the windows live in memory only, and a bad key is counted like a good one.
  const limited = (request: FastifyRequest, reply: FastifyReply, done: (error?: Error) => void): void => {
    const window = windows.hit(request.headers.authorization ?? `ip:${request.ip}`)
    const reset = String(windows.secondsUntilReset(window))
    reply.header('x-ratelimit-limit', limit)
    reply.header('x-ratelimit-remaining', String(Math.max(0, max - window.count)))
    reply.header('x-ratelimit-reset', reset)
    if (window.count <= max) return done()
    done(new HttpProblem(
      'rate_limited', `at most ${max} requests per minute per client; retry after ${reset} s`, {},
      { 'retry-after': reset }
    ))
  }
  // Registered before authentication, so this runs first on each /v1 route and floods of bad keys are limited too.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/v1/')) addRouteHook(route, 'onRequest', limited)
  })
}, { name: 'rate-limit' })
