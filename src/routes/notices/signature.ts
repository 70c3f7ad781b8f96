// GET /v1/notices/{id}/signature: the compact JWS, rebuilt from the stored content and its detached signature.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { NoticeSignature } from '../../schemas/notices.ts'
import { errorResponses, IdParams } from '../../schemas/common.ts'
import { readDelivers, readNotice } from '../../use-cases/deliver-on-read.ts'
import { toNoticeSignatureView } from '../../use-cases/notice-views.ts'
import { READERS, type NoticeRouteOptions } from './options.ts'

const getNoticeSignature: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db, hooks }) => {
  app.get('/v1/notices/:id/signature', {
    config: { roles: READERS },
    schema: {
      tags: ['notices'],
      operationId: 'getNoticeSignature',
      summary: 'The notice\'s compact JWS, verifiable with the key of its kid in /.well-known/jwks.json',
      description: 'Authorities, auditors and liaisons may read it; a liaison gets 404 for another platform\'s ' +
        'notice, and its first read of an issued notice delivers it, as the JWS carries the notice. The JWS payload ' +
        'is the RFC 8785 canonical JSON of the document GET /v1/notices/{id}/document answers as JSON, signed with ' +
        'EdDSA (Ed25519); `fingerprint` is the one printed on the text, HTML and PDF renderings.',
      params: IdParams,
      response: { 200: NoticeSignature, ...errorResponses(400, 403, 404) }
    }
  }, async (request) => toNoticeSignatureView(
    await readNotice(db, hooks, request.principal, request.params.id, readDelivers(request.method), {
      items: false
    })
  ))
}

export default getNoticeSignature
