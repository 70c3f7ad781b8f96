// POST /v1/media/hashes: the gateway hashes an image for the caller and keeps nothing of it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ImageBody, MediaHashes } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, errorResponses } from '../../schemas/common.ts'
import { hashUpload, IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES } from '../../use-cases/media-hashes.ts'

const media: FastifyPluginAsyncTypebox = async (app) => {
  // Scoped to this plugin: image bodies reach the handler as a Buffer and are never logged or stored.
  app.addContentTypeParser([...IMAGE_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES }, (_request, body, done) => {
    done(null, body)
  })

  app.post('/v1/media/hashes', {
    bodyLimit: MAX_IMAGE_BYTES,
    config: { roles: ['authority', 'liaison'] },
    schema: {
      tags: ['media'],
      operationId: 'hashMedia',
      summary: 'Hash an image (SHA-256, MD5, PDQ with quality) without storing it',
      description: 'The body is the image itself (JPEG, PNG, WebP, GIF or TIFF; at most 20 MB). PDQ follows the full-resolution reference ' +
        '(alpha dropped, EXIF orientation ignored). Another content type is 415; an unreadable image is 422.',
      body: { content: Object.fromEntries(IMAGE_CONTENT_TYPES.map((type) => [type, { schema: ImageBody }])) },
      response: { 200: MediaHashes, ...errorResponses(...BODY_ERRORS, 403, 422) }
    }
  }, async (request) => {
    const { sha256, md5, pdq } = await hashUpload(request.body)
    return { sha256, md5, pdq }
  })
}

export default media
