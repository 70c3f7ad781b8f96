// A known path asked with a method it does not take answers 405 with Allow, not the 404 of an unknown path.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import { sendProblem } from './problems.ts'

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/** Trailing slashes are ignored by the router, so /docs and /docs/ are one path. */
const pathKey = (url: string): string => url.replace(/\/+$/, '') || '/'

/**
 * Collects every route as it is declared (an onRoute hook); once all are declared, `answerWrongMethods` gives each
 * path a route for every other method, answered before anything else runs (no authentication, no body parsing).
 */
export class KnownRoutes {
  private readonly byPath = new Map<string, { url: string, methods: Set<string> }>()

  readonly collect = (route: RouteOptions): void => {
    const key = pathKey(route.url)
    const entry = this.byPath.get(key) ?? { url: route.url, methods: new Set<string>() }
    for (const method of [route.method].flat()) entry.methods.add(method.toUpperCase())
    if (entry.methods.has('GET')) entry.methods.add('HEAD')
    this.byPath.set(key, entry)
  }

  answerWrongMethods (app: FastifyInstance): void {
    for (const { url, methods } of [...this.byPath.values()]) {
      const allow = METHODS.filter((method) => methods.has(method)).join(', ')
      const others = METHODS.filter((method) => !methods.has(method))
      if (others.length === 0) continue
      app.route({
        method: others,
        url,
        exposeHeadRoute: false,
        schema: { hide: true },
        config: { public: true },
        onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
          reply.header('allow', allow)
          return sendProblem(
            reply, 'method_not_allowed',
            { detail: `${request.method} is not allowed on ${request.url.split('?')[0]}; allowed: ${allow}` }
          )
        },
        handler: async () => undefined
      })
    }
  }
}
