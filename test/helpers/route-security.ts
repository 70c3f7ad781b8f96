// The security cases every route shares, written once and run for each (no key, a wrong key, a role the route
// refuses, another platform's liaison, and every role it serves, which must get past the check), and a check that
// no authenticated operation of the contract is left out.
import type { Test } from 'tap'
import type { Role } from '../../src/domain/vocabulary.ts'
import { ROLES } from '../../src/domain/vocabulary.ts'
import type { TestContext } from '../helper.ts'
import type { Actors } from '../fixtures/actors.ts'

export interface SecuredRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  url: string
  /** The roles that may call it, and are not refused (401/403); every other role gets 403. */
  roles: readonly Role[]
  payload?: unknown
  headers?: Record<string, string>
  /** The platform the resource belongs to: a liaison of another platform gets 404, as if it did not exist. */
  platform?: string
  /** What a role the route serves sends instead, where the common request is one only another role may make. */
  asRole?: Partial<Record<Role, { payload?: unknown, headers?: Record<string, string> }>>
}

const PROBLEM = 'application/problem+json; charset=utf-8'

function keyOf (actors: Actors, role: Role, platform: string): string {
  if (role === 'liaison') {
    const key = actors.liaison[platform]
    if (key === undefined) throw new Error(`no liaison of ${platform} among the actors`)
    return key
  }
  return actors[role]
}

export function runCommonRouteTests (t: Test, ctx: TestContext, actors: Actors, routes: SecuredRoute[]): void {
  for (const route of routes) {
    const name = `${route.method} ${route.url}`
    const call = (key: string | null, headers: Record<string, string> = {}) =>
      ctx.call(key, { method: route.method, url: route.url, payload: route.payload as never, headers: { ...route.headers, ...headers } })

    t.test(`${name}: without a valid key it is 401, with the Bearer challenge`, async (t) => {
      for (const [why, res] of [['no key', await call(null)], ['an unknown key', await call('not-a-key-of-this-gateway-0123456789')]] as const) {
        t.equal(res.statusCode, 401, why)
        t.equal(res.headers['content-type'], PROBLEM, why)
        t.match(String(res.headers['www-authenticate']), /^Bearer /, why)
      }
    })

    // A route that refused everyone would pass every case above and below: each role it serves calls it too, a
    // liaison of the resource's own platform where it has one. What it answers beyond the check (a 404 for an id
    // that does not exist, a 400 or 422 for a body it does not take, a 409) does not matter here.
    t.test(`${name}: ${route.roles.join(', ')} get past the check`, async (t) => {
      t.ok(route.roles.length > 0, 'the route serves some role')
      for (const role of route.roles) {
        const own = route.asRole?.[role]
        const res = await ctx.call(keyOf(actors, role, route.platform ?? 'telegram'), {
          method: route.method,
          url: route.url,
          payload: (own?.payload ?? route.payload) as never,
          headers: { ...route.headers, ...own?.headers }
        })
        t.notOk([401, 403].includes(res.statusCode), `${role} is not refused (${res.statusCode} ${res.body.slice(0, 200)})`)
        t.ok(res.statusCode < 500, `${role}: no server error (${res.statusCode})`)
        // A resource with a platform exists: its own platform's liaison (and every other role it serves) finds it.
        if (route.platform !== undefined) t.not(res.statusCode, 404, `${role} finds the resource`)
      }
    })

    const refused = ROLES.filter((role) => !route.roles.includes(role))
    if (refused.length > 0) {
      t.test(`${name}: ${refused.join(', ')} get 403`, async (t) => {
        for (const role of refused) {
          const res = await call(keyOf(actors, role, route.platform ?? 'telegram'))
          t.equal(res.statusCode, 403, role)
          t.equal(res.headers['content-type'], PROBLEM, role)
        }
      })
    }

    if (route.platform !== undefined && route.roles.includes('liaison')) {
      const other = Object.keys(actors.liaison).find((p) => p !== route.platform)
      if (other === undefined) throw new Error(`${name}: the actors need a liaison of a platform other than ${route.platform}`)
      t.test(`${name}: another platform's liaison gets 404, as if it did not exist`, async (t) => {
        const res = await call(actors.liaison[other])
        t.equal(res.statusCode, 404)
        t.equal(res.headers['content-type'], PROBLEM)
      })
    }
  }
}

interface Operation { security?: unknown[] }

/** Every operation the contract protects (no `security: []`) as "METHOD /path/{param}". */
export async function protectedOperations (ctx: TestContext): Promise<string[]> {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> }
  return Object.entries(doc.paths).flatMap(([path, operations]) => Object.entries(operations)
    .filter(([, op]) => !(Array.isArray(op.security) && op.security.length === 0))
    .map(([method]) => `${method.toUpperCase()} ${path}`))
}

/** Whether a concrete request (path with ids, maybe a query) is an instance of "METHOD /path/{param}". */
export function covers (route: SecuredRoute, operation: string): boolean {
  const [method, template] = operation.split(' ')
  const pattern = new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$')
  return route.method === method && pattern.test(route.url.split('?')[0])
}
