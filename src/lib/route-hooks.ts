// Hooks attached to the routes that need them as the routes are declared, so the others pay nothing for them.
import type { RouteOptions } from 'fastify'

type HookName = 'onRequest' | 'preValidation' | 'preHandler' | 'onSend' | 'onResponse'

/** Appends after the route's own hooks; hooks of the whole app still run before any of a route's. */
export function addRouteHook (route: RouteOptions, name: HookName, hook: unknown): void {
  const existing = route[name] as unknown
  route[name] = (
    existing === undefined ? [hook] : Array.isArray(existing) ? [...existing, hook] : [existing, hook]
  ) as never
}
