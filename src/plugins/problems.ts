// Maps every failure to an RFC 9457 problem document; a 5xx never leaks internals.
import { STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import fp from 'fastify-plugin'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { setStandardHeaders } from './response-headers.ts'
import { AppError, type AppErrorCode } from '../lib/errors.ts'
import { DATE_RANGE_DETAIL } from './validation.ts'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isUniqueViolation } from '../lib/db-errors.ts'

export interface ProblemFieldError {
  pointer: string
  detail: string
}

/** An error the service raises on purpose; the root handler renders it as a problem document. */
export class HttpProblem extends Error {
  constructor (
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {}
  ) {
    super(detail ?? title)
  }
}

/** The one place where an application error becomes an HTTP status. */
export const STATUS_OF: Record<AppErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  precondition_required: 428,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  unavailable: 503
}

const PROBLEM_BASE = 'https://takedown.example.gov.kz/problems/'
const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  408: 'Request timeout',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Content too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  431: 'Request header fields too large',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable'
}

export function problemType (status: number): string {
  return PROBLEM_BASE + (TITLES[status] ?? 'error').toLowerCase().replaceAll(' ', '-')
}

export function sendProblem (reply: FastifyReply, status: number, body: Record<string, unknown>): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: problemType(status), title: TITLES[status] ?? 'Error', status, ...body })
}

/** Ajv reports paths as /items/0/url; a missing property is named by its parent plus the property. */
function validationErrors (error: FastifyError): ProblemFieldError[] {
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>
    let pointer = v.instancePath || ''
    if (typeof params.missingProperty === 'string') pointer += '/' + params.missingProperty
    if (typeof params.additionalProperty === 'string') pointer += '/' + params.additionalProperty
    const detail = typeof params.additionalProperty === 'string'
      ? 'is not a known property'
      : v.keyword === 'format' && (params.format === 'date-time' || params.format === 'date') ? DATE_RANGE_DETAIL : (v.message ?? 'is invalid')
    return { pointer: pointer || '/', detail }
  })
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
  sendProblem(reply, error.statusCode ?? 400, { detail: FRAMEWORK_DETAILS[error.code] ?? 'the request could not be routed' })
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
    const [status, detail] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'the request did not arrive in time; send its headers and body without pausing']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'the request\'s headers are larger than the service accepts (16 KB)']
        : [400, 'the request is not valid HTTP/1.1 (for example, a byte that HTTP does not allow in a header or the path)']
    const title = status === 408 ? 'Request timeout' : status === 431 ? 'Request header fields too large' : 'Bad request'
    const body = JSON.stringify({ type: problemType(status), title, status, detail })
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/problem+json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\ncache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n${body}`)
  }
  socket.destroy()
}

export default fp(async function problems (app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => {
    sendProblem(reply, 404, { detail: `no route for ${request.method} ${request.url.split('?')[0]}` })
  })

  app.setErrorHandler((error: FastifyError | HttpProblem | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds))
      return sendProblem(reply, STATUS_OF[error.code], { title: error.title, detail: error.detail, ...error.extra })
    }
    if (error instanceof HttpProblem) {
      reply.headers(error.headers)
      return sendProblem(reply, error.status, { title: error.title, detail: error.detail, ...error.extra })
    }
    if (error.validation) {
      const where = error.validationContext ?? 'request'
      return sendProblem(reply, 400, {
        title: 'Invalid request',
        detail: `the request ${where} does not match the schema`,
        errors: validationErrors(error).map((e) => ({ ...e, pointer: where === 'body' ? e.pointer : `${where}:${e.pointer}` }))
      })
    }
    // Drizzle wraps the driver's error: these look at the SQLSTATE underneath, never at the SQL text.
    if (isUniqueViolation(error)) {
      return sendProblem(reply, 409, { detail: 'the resource conflicts with an existing one' })
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return sendProblem(reply, 503, { detail: 'the database is unavailable; retry the request later' })
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      return sendProblem(reply, status, { detail: error.message })
    }
    request.log.error({ err: error }, 'request failed')
    return sendProblem(reply, status >= 500 && status < 600 ? status : 500, {
      detail: 'the server could not complete the request; it has been logged'
    })
  })
}, { name: 'problems' })
