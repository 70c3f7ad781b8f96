// What a request must be before a route sees it: valid against its schema, storable text, and a type the route takes.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../lib/errors.ts'
import { addRouteHook } from '../lib/route-hooks.ts'
import { createValidatorCompiler, findUnstorableText } from './validation.ts'

/** Registered before any route: the check is attached to each route as it is declared. */
export default fp(async function requestChecks (app: FastifyInstance) {
  app.setValidatorCompiler(createValidatorCompiler())
  // PostgreSQL cannot store NUL characters or lone surrogates: refuse them in bodies, query strings and path
  // parameters before they reach it (a query string's filter would otherwise end in a 500), and bodies nested
  // deeper than any request the service understands.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat()
    const hasBody = !methods.every((method) => method === 'GET' || method === 'HEAD' || method === 'DELETE')
    const parts: Array<{ where: string, part: 'body' | 'query' | 'params', prefix: string }> = []
    if (hasBody) parts.push({ where: 'body', part: 'body', prefix: '' })
    if (route.schema?.querystring) parts.push({ where: 'query string', part: 'query', prefix: 'querystring:' })
    if (route.schema?.params) parts.push({ where: 'path', part: 'params', prefix: 'params:' })
    if (parts.length === 0) return
    addRouteHook(route, 'preValidation', async (request: FastifyRequest) => {
      for (const { where, part, prefix } of parts) {
        const found = findUnstorableText(request[part])
        if (found !== null) {
          const errors = [{ pointer: prefix + found.pointer, detail: found.detail }]
          throw new AppError('validation_failed', `the ${where} cannot be stored as sent`, { extra: { errors } })
        }
      }
    })
  })

  // Bodies are JSON unless a route takes another type itself (hash lists, images): text/plain is a 415 like any
  // other type no route takes, rather than a string that fails the body's schema.
  app.removeContentTypeParser('text/plain')
}, { name: 'request-checks' })
