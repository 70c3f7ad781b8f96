// Entity tags on successful GETs, and 304 Not Modified when If-None-Match already holds the current one.
import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** Weak because the tag names the JSON representation, not a byte range of a stored file. */
export function etagOf (payload: string | Buffer): string {
  return `W/"${crypto.createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`
}

export function ifNoneMatchHits (header: string | undefined, etag: string): boolean {
  if (!header) return false
  // A poller sends back exactly the tag it was given.
  if (header === etag) return true
  if (header.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

/**
 * A route hook answering 304 when If-None-Match holds the tag the route would give now. It runs before the query is
 * validated: the tag covers the request URL, and a tag is only ever handed out for a valid one.
 */
export function notModifiedHook (tagOf: (request: FastifyRequest) => string) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    const header = request.headers['if-none-match']
    if (header === undefined) return done()
    const tag = tagOf(request)
    if (!ifNoneMatchHits(header, tag)) return done()
    void reply.code(304).header('etag', tag).send()
  }
}

/**
 * A 304 stands for the representation the client holds: it carries the tag, not the body's type, length or file name.
 */
function stripRepresentationHeaders (reply: FastifyReply): void {
  for (const name of ['content-type', 'content-length', 'content-disposition', 'content-language']) {
    reply.removeHeader(name)
  }
}

export default fp(async function etag (app: FastifyInstance) {
  // Callback style, as most answers pass through untouched and a promise each would be waste.
  app.addHook('onSend', (request, reply, payload, done) => {
    // A 304 has no body, whatever a handler passed on (a serialised null would otherwise go out as "null"); no
    // payload at all also spares it a Content-Length, which would misstate the length of what it stands for.
    if (reply.statusCode === 304) {
      stripRepresentationHeaders(reply)
      return done(null, null)
    }
    if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return done(null, payload)
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload)
    // What may not be stored has nothing to revalidate (the metrics change with every scrape).
    if (reply.getHeader('cache-control') === 'no-store') return done(null, payload)
    let tag = reply.getHeader('etag') as string | undefined
    if (tag === undefined) {
      tag = etagOf(payload)
      reply.header('etag', tag)
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], tag)) {
      reply.code(304)
      stripRepresentationHeaders(reply)
      return done(null, null)
    }
    done(null, payload)
  })
}, { name: 'etag' })
