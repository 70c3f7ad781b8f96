// The headers every answer carries: its request id, and the security headers that matter to a JSON API.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Helmet's defaults, less those meant for pages a browser renders (HTML answers get their policy below, the docs
 * page its own). They never vary, so one hook sets them all; running helmet per request cost a poll about 6%.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY'
}

/**
 * Every HTML answer's Content-Security-Policy unless its route set its own (the docs page): nothing loaded, run,
 * framed or submitted, styles inline only. The notice's HTML letter also carries it in a <meta> tag, which holds
 * where it is saved and opened from a file; the header holds for the answer itself.
 */
export const HTML_CSP = 'default-src \'none\'; style-src \'unsafe-inline\'; base-uri \'none\'; form-action \'none\'; ' +
  'frame-ancestors \'none\''

function isHtml (reply: FastifyReply): boolean {
  return /^text\/html\b/i.test(String(reply.getHeader('content-type') ?? ''))
}

/** The headers of every answer; also set by the answers the router gives before any hook runs. */
export function setStandardHeaders (request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(SECURITY_HEADERS)
  reply.header('x-request-id', request.id)
}

export default fp(async function responseHeaders (app: FastifyInstance) {
  // The request id on arrival, so that every answer has it, a problem raised by any later hook included.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id)
    done()
  })
}, { name: 'response-headers' })

/**
 * The security headers on every answer with content; registered after the ETag plugin, whose hook may turn an
 * answer into a 304 on the way out. A 304 has no content and the answer it revalidates kept its own headers:
 * leaving them out spares a poller's most frequent answer a third of its headers.
 */
export const securityHeaders = fp(async function securityHeaders (app: FastifyInstance) {
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (reply.statusCode === 304) return done(null, payload)
    reply.headers(SECURITY_HEADERS)
    if (isHtml(reply) && !reply.hasHeader('content-security-policy')) reply.header('content-security-policy', HTML_CSP)
    done(null, payload)
  })
}, { name: 'security-headers', dependencies: ['etag'] })
