// Maps every failure to an RFC 9457 problem document; a 5xx never leaks internals.
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { setStandardHeaders } from './response-headers.ts'
import { AppError, PROBLEMS, problemType, type ProblemCode } from '../lib/errors.ts'
import { DATE_RANGE_DETAIL } from './validation.ts'
import { PLAIN_TEXT_PATTERN, textProblem } from '../lib/text-controls.ts'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isUniqueViolation } from '../lib/db-errors.ts'

export interface ProblemFieldError {
  pointer: string
  detail: string
}

/**
 * An error a framework-level plugin raises on purpose, with headers of its own (WWW-Authenticate, Retry-After);
 * the root handler renders it as a problem document like any AppError.
 */
export class HttpProblem extends AppError {
  constructor (
    code: ProblemCode,
    detail?: string,
    extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(code, detail, { extra })
    this.name = 'HttpProblem'
  }
}

type ProblemBody = Record<string, unknown> & { status: number }

/** The one place where a problem code becomes an answer: its status, type and title come from PROBLEMS. */
export function problemDocument (code: ProblemCode, body: Record<string, unknown> = {}): ProblemBody {
  const { status, title } = PROBLEMS[code]
  const fixed = { type: problemType(code), code, title, status }
  // The table's members win over any of the same name in the body: they are what a client branches on.
  return Object.assign({ ...fixed }, body, fixed)
}

export function sendProblem (reply: FastifyReply, code: ProblemCode, body: Record<string, unknown> = {}): FastifyReply {
  const document = problemDocument(code, body)
  return reply.status(document.status).type('application/problem+json').send(document)
}

/** The value a JSON pointer (as Ajv reports it, /items/0/url) names in a parsed body, or undefined. */
function valueAt (data: unknown, pointer: string): unknown {
  let value = data
  for (const token of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')]
  }
  return value
}

/**
 * Ajv reports paths as /items/0/url; a missing property is named by its parent plus the property. Text that breaks
 * the text rule is told which character and where, rather than shown the rule's pattern.
 */
function validationErrors (error: FastifyError, data: unknown): ProblemFieldError[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>
    let pointer = v.instancePath || ''
    if (typeof params.missingProperty === 'string') pointer += '/' + params.missingProperty
    if (typeof params.additionalProperty === 'string') pointer += '/' + params.additionalProperty
    const textRule = v.keyword === 'pattern' && params.pattern === PLAIN_TEXT_PATTERN
    const text = textRule ? valueAt(data, pointer) : undefined
    const detail = typeof params.additionalProperty === 'string'
      ? 'is not a known property'
      : v.keyword === 'format' && (
        params.format === 'date-time' || params.format === 'date'
      )
        ? DATE_RANGE_DETAIL
        : textRule
          ? ((typeof text === 'string' ? textProblem(text) : null) ?? TEXT_RULE)
          : (v.message ?? 'is invalid')
    return { pointer: pointer || '/', detail }
  })
}

const TEXT_RULE = 'holds a control character other than tab and line feed, or a bidirectional control not closed ' +
  'on its line'

/** Errors Fastify raises itself, by their code: which problem each is. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'content_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_request',
  FST_ERR_BAD_URL: 'malformed_request',
  FST_ERR_INVALID_URL: 'malformed_request',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_NOT_FOUND: 'route_not_found'
}

/** A client error nothing above names, by its status; any other 4xx is a malformed request. */
const CODE_OF_STATUS: Record<number, ProblemCode> = {
  400: 'malformed_request',
  404: 'route_not_found',
  408: 'request_timeout',
  413: 'content_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large'
}

/** The problem code of an error Fastify (or a parser it runs) raised, with a 4xx status. */
function clientErrorCode (error: FastifyError): ProblemCode {
  return FASTIFY_CODES[error.code] ??
    (error instanceof SyntaxError ? 'malformed_body' : CODE_OF_STATUS[error.statusCode ?? 400] ?? 'malformed_request')
}

const FRAMEWORK_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'the URL has a malformed percent-encoding',
  FST_ERR_MAX_PARAM_LENGTH: 'a path segment is longer than the service accepts (200 characters)'
}

/**
 * Errors the router raises before any route or hook runs (Fastify's frameworkErrors): answered as problems too,
 * with the headers every other answer carries.
 */
export function answerFrameworkError (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setStandardHeaders(request, reply)
  const detail = FRAMEWORK_DETAILS[error.code] ?? 'the request could not be routed'
  sendProblem(reply, clientErrorCode(error), { detail })
}

/**
 * Errors Node's HTTP parser and its timers raise before any request exists (headers over 16 KB, bytes HTTP does
 * not allow in a header or the path, a request that does not arrive in time): answered as a problem document
 * straight on the socket, which is then closed. Nothing is answered once a response has begun.
 */
export function answerClientError (error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const started = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true
  if (socket.writable && !started) {
    const [code, detail]: [ProblemCode, string] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? ['request_timeout', 'the request did not arrive in time; send its headers and body without pausing']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? ['headers_too_large', 'the request\'s headers are larger than the service accepts (16 KB)']
        : [
            'malformed_request',
            'the request is not valid HTTP/1.1 (for example, a byte that HTTP does not allow in a header or the path)'
          ]
    const document = problemDocument(code, { detail })
    const body = JSON.stringify(document)
    socket.write(`HTTP/1.1 ${document.status} ${STATUS_CODES[document.status]}\r\ncontent-type: ` +
      `application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\ncache-control: ` +
      `no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`)
  }
  socket.destroy()
}

export default fp(async function problems (app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => {
    sendProblem(reply, 'route_not_found', { detail: `no route for ${request.method} ${request.url.split('?')[0]}` })
  })

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof HttpProblem) reply.headers(error.headers)
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds))
      return sendProblem(reply, error.code, { detail: error.detail, ...error.extra })
    }
    if (error.validation) {
      const where = error.validationContext ?? 'request'
      return sendProblem(reply, 'validation_failed', {
        detail: `the request ${where} does not match the schema`,
        errors: validationErrors(error, where === 'body' ? request.body : undefined).map((e) => ({
          ...e, pointer: where === 'body' ? e.pointer : `${where}:${e.pointer}`
        }))
      })
    }
    // Drizzle wraps the driver's error: these look at the SQLSTATE underneath, never at the SQL text.
    if (isUniqueViolation(error)) {
      return sendProblem(reply, 'already_exists', { detail: 'the resource conflicts with an existing one' })
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      const detail = 'the database is unavailable; retry the request later'
      return sendProblem(reply, 'database_unavailable', { detail })
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return sendProblem(reply, clientErrorCode(error), { detail: error.message })
    }
    request.log.error({ err: error }, 'request failed')
    const detail = 'the server could not complete the request; it has been logged'
    return sendProblem(reply, 'internal_error', { detail })
  })
}, { name: 'problems' })
