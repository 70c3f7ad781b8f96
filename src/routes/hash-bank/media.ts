// POST /v1/hash-bank/media: an authority hands over a removed image; its hashes and crop hashes are banked.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BankedMedia, BankMediaQuery, ImageBody } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, created, errorResponses, IdempotencyHeaders } from '../../schemas/common.ts'
import { bankNoticeMedia } from '../../use-cases/hash-bank/bank-media.ts'
import { IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES } from '../../use-cases/media-hashes.ts'
import type { HashBankRouteOptions } from './index.ts'
import { admitMediaHashing } from '../media/admission.ts'

const media: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, { db, bank, mediaHasher }) => {
  app.addContentTypeParser([...IMAGE_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_request, body, done) => {
    done(null, body)
  })

  app.post('/v1/hash-bank/media', {
    bodyLimit: MAX_IMAGE_BYTES,
    config: { roles: ['authority'], idempotent: true },
    preParsing: admitMediaHashing(mediaHasher),
    schema: {
      tags: ['hash-bank'],
      operationId: 'bankMedia',
      summary: 'Bank a removed image for a notice (or one of its items): digests, PDQ, and PDQ of eight central crops (96% to 70%)',
      description: 'The notice must have reached removed, partially_removed, restricted, escalated or closed. The image (at most 20 MB) ' +
        'is hashed in memory and discarded. Banking the same image again adds nothing.',
      querystring: BankMediaQuery,
      headers: IdempotencyHeaders,
      body: { content: Object.fromEntries(IMAGE_CONTENT_TYPES.map((type) => [type, { schema: ImageBody }])) },
      response: { 201: created(BankedMedia, { location: false }), ...errorResponses(...BODY_ERRORS, 403, 404, 409, 422, 503) }
    }
  }, async (request, reply) => {
    const { noticeId, itemId } = request.query
    const banked = await bankNoticeMedia(db, bank, mediaHasher, request.principal, { noticeId, itemId: itemId ?? null, body: request.body })
    return reply.status(201).send(banked)
  })
}

export default media
