// Removal notices: authorities and auditors read all, a liaison only its own platform's; renderings and signatures.
import { Type } from 'typebox'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../db/index.ts'
import { DocumentQuery, ListNoticesQuery, Notice, NoticeSignature } from '../../schemas/notices.ts'
import { errorResponses, IdParams, ListOf } from '../../schemas/common.ts'
import { findNotice, listNotices, type NoticeWithItems } from '../../repositories/notices.ts'
import { changeEtag } from '../../lib/change-etag.ts'
import { notModifiedHook } from '../../plugins/etag.ts'
import type { Sequencer } from '../../jobs/sequencer.ts'
import { transitionNotice, type TransitionHooks } from '../../use-cases/transition-notice.ts'
import { noticeEtag, toNoticeView } from '../../use-cases/notice-views.ts'
import { decodeCursor, page, DEFAULT_PAGE_SIZE } from '../../lib/pagination.ts'
import { HttpProblem } from '../../plugins/problems.ts'
import { renderNotice } from '../../render/notice.ts'
import { SIGNATURE_ALGORITHM, attachPayload, signatureFingerprint } from '../../signing/notice-signer.ts'
import type { NoticeContent } from '../../domain/notice-content.ts'
import { platformScope, type Principal } from '../../repositories/clients.ts'

const READERS = ['authority', 'auditor', 'liaison'] as const


const notices: FastifyPluginAsyncTypebox<{ db: Database, hooks: TransitionHooks, sequencer: Sequencer }> = async (app, { db, hooks, sequencer }) => {
  /** A liaison's first read of an issued notice is its delivery: the portal is one of the delivery channels. */
  async function deliverOnRead (found: NoticeWithItems, principal: Principal): Promise<NoticeWithItems> {
    if (principal.role !== 'liaison' || found.notice.status !== 'issued') return found
    try {
      return await transitionNotice(db, hooks, { principal }, found.notice.id, null, { action: 'deliver' })
    } catch (error) {
      // Another read delivered it a moment ago: serve the notice as it now stands.
      if (error instanceof HttpProblem && error.status === 409) return (await findNotice(db, found.notice.id, principal.platform))!
      throw error
    }
  }

  /** A notice as the caller may see it (another platform's is a 404 to a liaison), delivered if a liaison reads it. */
  async function read (id: string, principal: Principal) {
    const found = await findNotice(db, id, platformScope(principal))
    if (!found) throw new HttpProblem(404, 'Not found', `no notice ${id}`)
    return deliverOnRead(found, principal)
  }

  /** A list moves with the events of the platform it shows: the liaison's own, or the one the query names. */
  const listTag = (request: FastifyRequest) => {
    const scope = platformScope(request.principal)
    const { platform } = request.query as { platform?: unknown }
    return changeEtag(sequencer.positionOf(scope ?? (typeof platform === 'string' ? platform : null)), request.url, scope ?? '*')
  }
  app.get('/v1/notices', {
    config: { roles: READERS },
    preValidation: notModifiedHook(listTag),
    schema: {
      tags: ['notices'],
      operationId: 'listNotices',
      summary: 'List notices in issue order (a liaison sees its own platform\'s only)',
      description: 'For keeping up with changes, poll the change feed (GET /v1/events): its sequence never skips a change. The list\'s cursor and updatedSince follow insertion and update times, which concurrent writers can commit out of order; a poller using updatedSince should overlap its windows by a few seconds. If-None-Match answers 304 without a query while nothing the list shows has changed: for a liaison, or a list filtered by `platform`, a change on another platform is not a change.',
      querystring: ListNoticesQuery,
      response: { 200: ListOf(Notice), ...errorResponses(400, 403) }
    }
  }, async (request, reply) => {
    const { limit = DEFAULT_PAGE_SIZE, cursor, updatedSince, platform, status } = request.query
    const scope = platformScope(request.principal)
    reply.header('etag', listTag(request))
    // A liaison asking for another platform gets an empty list, exactly as if that platform had no notices.
    if (scope !== null && platform !== undefined && platform !== scope) return { data: [], nextCursor: null }
    const rows = await listNotices(db, {
      platform: scope ?? platform,
      status,
      updatedSince: updatedSince ? new Date(updatedSince) : undefined
    }, limit + 1, decodeCursor(cursor))
    const { data, nextCursor } = page(rows.map((r) => ({ ...r, seq: r.notice.seq })), limit)
    const delivered = []
    for (const row of data) delivered.push(await deliverOnRead(row, request.principal))
    return { data: delivered.map(toNoticeView), nextCursor }
  })

  app.get('/v1/notices/:id', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'getNotice',
      summary: 'One notice (a liaison\'s first read of an issued notice delivers it)',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s notice. The ETag is the ' +
        'notice\'s version in quotes: send it as If-Match to take a lifecycle action, or as If-None-Match for a 304 while the notice is unchanged.',
      params: IdParams,
      response: { 200: Notice, ...errorResponses(400, 403, 404) }
    }
  }, async (request, reply) => {
    const found = await read(request.params.id, request.principal)
    return reply.header('etag', noticeEtag(found.notice.version)).send(toNoticeView(found))
  })

  app.get('/v1/notices/:id/document', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'getNoticeDocument',
      summary: 'The notice as a document: the signed JSON, an e-mail text, an HTML page or an A4 PDF letter',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s notice, and its first ' +
        'read of an issued notice, in any format, delivers it. `format=json` ' +
        '(the default) answers the signed document itself; text, html and pdf render it in `lang` (default: the notice\'s first ' +
        'language), print the signing key id and signature fingerprint, and come out as the same bytes every time.',
      params: IdParams,
      querystring: DocumentQuery,
      produces: ['application/json', 'text/plain', 'text/html', 'application/pdf'],
      response: {
        200: {
          description: 'The rendering',
          headers: {
            'Content-Language': { type: 'string', enum: ['en', 'ru', 'kk'], description: 'The language of a text, HTML or PDF rendering' },
            'Content-Disposition': { type: 'string', description: 'PDF only: inline; filename="<referenceNumber>.<lang>.pdf"' }
          },
          content: {
            'application/json': { schema: Type.Object({}, { additionalProperties: true, description: 'The signed notice document (what the JWS covers)' }) },
            'text/plain': { schema: Type.String({ maxLength: 10_000_000 }) },
            'text/html': { schema: Type.String({ maxLength: 10_000_000 }) },
            'application/pdf': { schema: Type.String({ format: 'binary', maxLength: 50_000_000 }) }
          }
        },
        ...errorResponses(400, 403, 404)
      }
    }
  }, async (request, reply) => {
    const { notice } = await read(request.params.id, request.principal)
    const content = notice.content as NoticeContent
    const format = request.query.format ?? 'json'
    if (format === 'json') return reply.type('application/json; charset=utf-8').send(content)
    const lang = request.query.lang ?? content.languages[0] ?? 'en'
    const rendered = await renderNotice(content, format, lang, {
      keyId: notice.signingKeyId,
      algorithm: SIGNATURE_ALGORITHM,
      fingerprint: signatureFingerprint(notice.signature)
    })
    if (format === 'pdf') reply.header('content-disposition', `inline; filename="${notice.referenceNumber}.${lang}.pdf"`)
    return reply.type(rendered.contentType).header('content-language', lang).send(rendered.body)
  })

  app.get('/v1/notices/:id/signature', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'getNoticeSignature',
      summary: 'The notice\'s compact JWS, verifiable with the key of its kid in /.well-known/jwks.json',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s notice, and its first ' +
        'read of an issued notice delivers it, as the JWS carries the notice. The JWS ' +
        'payload is the RFC 8785 canonical JSON of the document GET /v1/notices/{id}/document answers as JSON, signed with EdDSA ' +
        '(Ed25519); `fingerprint` is the one printed on the text, HTML and PDF renderings.',
      params: IdParams,
      response: { 200: NoticeSignature, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => {
    const { notice } = await read(request.params.id, request.principal)
    return {
      jws: attachPayload(notice.signature, notice.content),
      keyId: notice.signingKeyId,
      algorithm: SIGNATURE_ALGORITHM,
      fingerprint: signatureFingerprint(notice.signature),
      jwksUri: '/.well-known/jwks.json'
    }
  })
}

export default notices
