// POST /v1/hash-bank/media: an authority hands over a removed image or video; its hashes (an image's crop hashes too)
// are banked.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { BankedMedia, BankMediaQuery, ImageBody } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, created, errorResponses, IdempotencyHeaders } from '../../schemas/common.ts'
import { bankNoticeMedia } from '../../use-cases/hash-bank/bank-media.ts'
import { IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES, VIDEO_CONTENT_TYPES } from '../../use-cases/media-hashes.ts'
import { VideoBody } from '../../schemas/media.ts'
import type { HashBankRouteOptions } from './index.ts'
import { admitMediaHashing } from '../media/admission.ts'
import { acceptVideoBodies, spoolVideoBody } from '../media/video-body.ts'

const media: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (
  app, { db, bank, mediaHasher, maxVideoBytes, tmpDir }
) => {
  app.addContentTypeParser([...IMAGE_CONTENT_TYPES], {
    parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES
  }, (_request, body, done) => {
    done(null, body)
  })
  acceptVideoBodies(app)

  const mb = Math.round(maxVideoBytes / (1024 * 1024))

  app.post('/v1/hash-bank/media', {
    bodyLimit: MAX_IMAGE_BYTES,
    config: { roles: ['authority'], idempotent: true },
    preParsing: admitMediaHashing(mediaHasher),
    // Before the Idempotency-Key check: a video is fingerprinted by its digests once it is in a temporary file.
    preHandler: spoolVideoBody({ maxVideoBytes, tmpDir }),
    schema: {
      tags: ['hash-bank'],
      operationId: 'bankMedia',
      summary: 'Bank a removed image (digests, PDQ, and PDQ of eight central crops, 96% to 70%) or video (digests ' +
        'and vPDQ) for a notice or one of its items',
      description: 'The notice must have reached removed, partially_removed, restricted, escalated or closed. An ' +
        'image (JPEG, PNG, WebP, GIF or TIFF; at most 20 MB) is hashed in memory and discarded, answered with `pdq` ' +
        'and `crops`. A video (MP4, WebM, QuickTime ' +
        `or Matroska; at most ${mb} MB) is kept in a temporary file while it is hashed with vPDQ (one frame a ` +
        'second, as ' +
        '`POST /v1/media/hashes`) and deleted afterwards, answered with `vpdq` and banked as a `vpdq` entry beside ' +
        'its digests. A body that is not what it declares is 415; an unreadable video or one over the frame, ' +
        'duration or time limits is 422, and nothing is banked. Banking the same media again adds nothing.',
      querystring: BankMediaQuery,
      headers: IdempotencyHeaders,
      body: {
        content: Object.fromEntries([
          ...IMAGE_CONTENT_TYPES.map((type) => [type, { schema: ImageBody }]),
          ...VIDEO_CONTENT_TYPES.map((type) => [type, { schema: VideoBody }])
        ])
      },
      response: {
        201: created(BankedMedia, { location: false }), ...errorResponses(...BODY_ERRORS, 403, 404, 409, 422, 503)
      }
    }
  }, async (request, reply) => {
    const { noticeId, itemId } = request.query
    const banked = await bankNoticeMedia(
      db, bank, mediaHasher, request.principal, { noticeId, itemId: itemId ?? null, body: request.body },
      request.idempotency
    )
    return reply.status(201).send(banked)
  })
}

export default media
