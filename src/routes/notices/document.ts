// GET /v1/notices/{id}/document: the signed JSON, or a text, HTML or PDF rendering in one of the notice's languages.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { DocumentQuery, NoticePdf, RenderedNoticeText, SignedNoticeDocument } from '../../schemas/notices.ts'
import { errorResponses, IdParams } from '../../schemas/common.ts'
import { readDelivers, readNotice } from '../../use-cases/deliver-on-read.ts'
import { noticeDocument } from '../../use-cases/notice-document.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const getNoticeDocument: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db, hooks, renderer }) => {
  app.get('/v1/notices/:id/document', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'getNoticeDocument',
      summary: 'The notice as a document: the signed JSON, an e-mail text, an HTML page or an A4 PDF letter',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s ' +
        'notice, and its first read of an issued notice, in any format, delivers it. `format=json` (the default) ' +
        'answers the signed document itself; text, html and pdf render it in `lang` (default: the notice\'s first ' +
        'language), print the signing key id and signature fingerprint, and come out as the same bytes every time: ' +
        'each is rendered once, the first time it is asked for, and kept. A PDF (or a text or HTML letter of more ' +
        'than 200 items) not rendered before waits for a rendering thread; when every place is taken the answer is ' +
        '503 `rendering_busy` with Retry-After.',
      params: IdParams,
      querystring: DocumentQuery,
      produces: ['application/json', 'text/plain', 'text/html', 'application/pdf'],
      response: {
        200: {
          description: 'The rendering',
          headers: {
            'Content-Language': {
              type: 'string', enum: ['en', 'ru', 'kk'], description: 'The language of a text, HTML or PDF rendering'
            },
            'Content-Disposition': {
              type: 'string', description: 'PDF only: inline; filename="<referenceNumber>.<lang>.pdf"'
            },
            'Content-Security-Policy': {
              type: 'string',
              description: 'HTML only: nothing loaded, run, framed or submitted, styles inline only (the letter ' +
                'repeats it in a <meta> tag for a saved copy)'
            }
          },
          content: {
            'application/json': { schema: SignedNoticeDocument },
            'text/plain': { schema: RenderedNoticeText },
            'text/html': { schema: RenderedNoticeText },
            'application/pdf': { schema: NoticePdf }
          }
        },
        ...errorResponses(400, 403, 404, 503)
      }
    }
  }, async (request, reply) => {
    // A rendering is usually kept already: the signed content is read only for JSON, or to render.
    const format = request.query.format ?? 'json'
    const found = await readNotice(db, hooks, request.principal, request.params.id, readDelivers(request.method), {
      items: false, content: format === 'json'
    })
    const document = await noticeDocument(db, renderer, found, format, request.query.lang)
    if (document.format === 'json') return reply.type('application/json; charset=utf-8').send(document.content)
    if (document.filename !== undefined) reply.header('content-disposition', `inline; filename="${document.filename}"`)
    return reply.type(document.contentType).header('content-language', document.lang).send(document.body)
  })
}

export default getNoticeDocument
