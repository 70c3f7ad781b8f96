// GET and POST /respond/{link}: the response page a platform's liaison without an integration opens from the
// notice's e-mail, and its forms. HTML in and out, outside /v1: the link is the credential (no API key), and every
// answer, a refusal included, is a page a person can read. Design: docs/delivery.md, "Response page".
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Database } from '../../use-cases/database.ts'
import type { NoticeRenderer } from '../../render/notice-renderer.ts'
import { renderMessagePage, renderResponsePage, type HtmlPage } from '../../render/response-page.ts'
import {
  linkKeyOf, openResponseLink, readResponseForm, respondThroughLink, responsePageView, type OpenedLink, type PostedForm,
  type SecretBox
} from '../../use-cases/response-links.ts'
import type { TransitionHooks } from '../../use-cases/transition-notice.ts'
import { AppError, PROBLEMS } from '../../lib/errors.ts'
import { isDatabaseUnavailable } from '../../lib/db-errors.ts'

export interface RespondRouteOptions {
  db: Database
  hooks: TransitionHooks
  renderer: NoticeRenderer
  box: SecretBox
  /** PUBLIC_URL: a form posted from the page as served there (behind a proxy) is same-origin too. */
  publicUrl?: string
}

const FORM_BODY_LIMIT = 64 * 1024
const LinkParams = Type.Object({
  link: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'The link\'s secret part, as the e-mail gave it (whoever holds it may act on the notice)'
  })
})

const NO_STORE = {
  type: 'string',
  const: 'no-store',
  description: 'Never cached, so never tagged: the page carries a form token, and every answer speaks of one link'
}
const RETRY_AFTER = { type: 'integer', minimum: 0, description: 'Seconds to wait before trying again' }
/** Every answer of these routes, a refusal included, is a page never to be cached; some say when to try again. */
const html = (description: string, options: { retryAfter?: boolean } = {}) => ({
  description,
  headers: { 'Cache-Control': NO_STORE, ...(options.retryAfter === true ? { 'Retry-After': RETRY_AFTER } : {}) },
  content: { 'text/html': { schema: Type.String() } }
})

function send (reply: FastifyReply, status: number, page: HtmlPage): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store')
    .header('content-security-policy', page.csp).send(page.html)
}

function linkRefusal (reply: FastifyReply, opened: Exclude<OpenedLink, { state: 'open' }>): FastifyReply {
  switch (opened.state) {
    case 'unknown':
      return send(reply, 404, renderMessagePage('Link not found',
        'This response link is not known. Check that the whole link from the e-mail was opened.'))
    case 'revoked':
      return send(reply, 410, renderMessagePage('Link revoked',
        'The authority revoked this link. A later e-mail about the notice carries a new one; the API remains ' +
        'available to the platform\'s liaison.'))
    case 'closed':
      return send(reply, 410, renderMessagePage('Notice closed',
        `The notice is ${opened.status}, so its response link no longer works.`))
  }
}

/**
 * A form another site made the browser send: the browser says so (Sec-Fetch-Site), or its Origin is not this
 * gateway's. A request without either (an older browser, a script) still needs the form token to get anywhere.
 */
function isCrossSite (request: FastifyRequest, publicUrl: string | undefined): boolean {
  const site = request.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true
  const origin = request.headers.origin
  if (origin === undefined) return false
  const own = [`${request.protocol}://${request.host}`]
  if (publicUrl !== undefined) own.push(new URL(publicUrl).origin)
  return !own.includes(origin)
}

/** The transition's refusals as pages: the same checks as the API's, worded for a person at a form. */
function transitionRefusal (reply: FastifyReply, error: AppError, back: string): FastifyReply {
  switch (error.code) {
    case 'precondition_failed':
      return send(reply, 409, renderMessagePage('The notice changed',
        'The notice changed since this page was shown, so nothing was recorded. Open the page again to see ' +
        'where it stands now, then answer again if still needed.', back))
    case 'notice_transition_invalid': {
      const fields = (error.extra.errors as Array<{ detail: string }> | undefined ?? []).map((f) => f.detail)
      return send(reply, 422, renderMessagePage('Answer incomplete',
        `Nothing was recorded: ${fields.length > 0 ? fields.join('; ') : error.message}.`, back))
    }
    default:
      return send(reply, PROBLEMS[error.code].status, renderMessagePage(error.title,
        `Nothing was recorded: ${error.message}.`, back))
  }
}

function parseForm (body: string): PostedForm {
  const form: PostedForm = {}
  for (const [name, value] of new URLSearchParams(body)) {
    const before = form[name]
    form[name] = before === undefined ? value : ([] as string[]).concat(before, value)
  }
  return form
}

const respond: FastifyPluginAsyncTypebox<RespondRouteOptions> = async (app, options) => {
  const { db, hooks, renderer, box, publicUrl } = options
  const key = linkKeyOf(box)
  // Only these routes take HTML forms; JSON keeps the parser every route has, and is then refused as a 415 below.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => { done(null, parseForm(body as string)) })

  // Every refusal of these routes is a page: a person reads it, not a program.
  app.setErrorHandler((error: Error & { statusCode?: number, validation?: unknown }, request, reply) => {
    if (error instanceof AppError) {
      // A refusal raised before the route (the rate limit's 429) keeps its headers (Retry-After).
      const headers = (error as { headers?: Record<string, string> }).headers
      if (headers !== undefined) reply.headers(headers)
      if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds))
      return send(reply, PROBLEMS[error.code].status, renderMessagePage(error.title, error.message))
    }
    if (isDatabaseUnavailable(error)) {
      reply.header('retry-after', '5')
      return send(reply, 503, renderMessagePage('Try again shortly', 'The service is briefly unavailable.'))
    }
    const status = error.validation !== undefined ? 400 : error.statusCode ?? 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    const message = status < 500 ? error.message : 'The request could not be completed; it has been logged.'
    return send(reply, status, renderMessagePage(status < 500 ? 'Request refused' : 'Something went wrong', message))
  })

  const path = (token: string): string => `/respond/${encodeURIComponent(token)}`

  app.get('/respond/:link', {
    schema: {
      tags: ['response page'],
      security: [],
      operationId: 'getResponsePage',
      summary: 'The response page of one notice, for its platform\'s liaison (HTML)',
      description: 'Opened from the link in the notice\'s e-mail; the token in the path is the credential. Shows ' +
        'the notice, its items and deadline and its letters in their languages, with a form for each action the ' +
        'lifecycle allows the liaison now. Reading it changes nothing (mail scanners open links too). 404 for an ' +
        'unknown token, 410 once the link is revoked or the notice closed.',
      params: LinkParams,
      response: {
        200: html('The page'),
        404: html('No such link'),
        410: html('The link was revoked, or the notice is closed'),
        429: html('Too many requests from this address', { retryAfter: true }),
        500: html('An unexpected failure'),
        503: html('The database is unavailable', { retryAfter: true })
      }
    }
  }, async (request, reply) => {
    const opened = await openResponseLink(db, request.params.link)
    if (opened.state !== 'open') return linkRefusal(reply, opened)
    const view = await responsePageView(db, renderer, key, opened, path(request.params.link))
    return send(reply, 200, renderResponsePage(view))
  })

  app.post('/respond/:link', {
    bodyLimit: FORM_BODY_LIMIT,
    schema: {
      tags: ['response page'],
      security: [],
      operationId: 'respondThroughPage',
      summary: 'Answer a notice from its response page (an HTML form)',
      description: 'The page\'s forms post here: `action` (acknowledge, remove, restrict, reject, cannot_comply), ' +
        '`version` (the notice version the page showed), `csrf` (the page\'s form token), and as the action ' +
        'needs `items` (repeated), `reason`, `detail`, `note`. The same transition, version check and audit ' +
        'entry as POST /v1/notices/{id}/transitions, as the platform\'s liaison through the link. Refused, ' +
        'changing nothing: a form from another site or without its token (403), a stale version (409), an ' +
        'action the status does not allow (409), missing fields (422).',
      params: LinkParams,
      consumes: ['application/x-www-form-urlencoded'],
      body: Type.Unsafe<Record<string, unknown>>({ type: 'object', description: 'The form\'s fields' }),
      response: {
        200: html('Recorded: the page again, with a confirmation'),
        400: html('A malformed form'),
        403: html('A form from another site, or without the page\'s form token'),
        404: html('No such link'),
        409: html('The notice changed since the page was shown, or the action is not allowed now'),
        410: html('The link was revoked, or the notice is closed'),
        413: html('The form is too large'),
        415: html('Not a form (application/x-www-form-urlencoded)'),
        422: html('The action lacks a field it needs'),
        429: html('Too many requests from this address', { retryAfter: true }),
        500: html('An unexpected failure'),
        503: html('The database is unavailable', { retryAfter: true })
      }
    }
  }, async (request, reply) => {
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) {
      return send(reply, 415, renderMessagePage('Not a form', 'Send the page\'s form as it is.'))
    }
    const token = request.params.link
    const back = path(token)
    if (isCrossSite(request, publicUrl)) {
      return send(reply, 403, renderMessagePage('Refused', 'This form did not come from the notice\'s page; ' +
        'nothing was recorded. Open the link from the e-mail and answer there.'))
    }
    const opened = await openResponseLink(db, token)
    if (opened.state !== 'open') return linkRefusal(reply, opened)
    const form = readResponseForm(key, opened.link, request.body as PostedForm)
    if ('refused' in form) {
      return form.refused === 'csrf'
        ? send(reply, 403, renderMessagePage('Refused', 'The form could not be verified as this page\'s; nothing ' +
          'was recorded. Open the page again and answer there.', back))
        : send(reply, 400, renderMessagePage('Malformed form', `Nothing was recorded: ${form.message}.`, back))
    }
    let updated
    try {
      updated = await respondThroughLink(db, hooks, opened.link, form)
    } catch (error) {
      if (error instanceof AppError) return transitionRefusal(reply, error, back)
      throw error
    }
    const reopened = await openResponseLink(db, token)
    const confirmation = `Recorded: ${form.action.replace(/_/g, ' ')}. The notice is now ${updated.notice.status}.`
    if (reopened.state !== 'open') {
      return send(reply, 200, renderMessagePage('Recorded', confirmation, undefined, 'confirmation'))
    }
    return send(reply, 200, renderResponsePage(await responsePageView(db, renderer, key, reopened, back, confirmation)))
  })
}

export default respond
