// POST /v1/media/hashes: the gateway hashes an image or a video for the caller and keeps nothing of it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ImageBody } from '../../schemas/hash-bank.ts'
import { MediaHashesAnswer, VideoBody } from '../../schemas/media.ts'
import { BODY_ERRORS, errorResponses } from '../../schemas/common.ts'
import { admitMediaHashing } from './admission.ts'
import { acceptVideoBodies, VideoStream } from './video-body.ts'
import type { MediaHasher } from '../../media/hash-pool.ts'
import {
  hashImageUpload, hashVideoUpload, IMAGE_CONTENT_TYPES, MAX_IMAGE_BYTES, VIDEO_CONTENT_TYPES
} from '../../use-cases/media-hashes.ts'

export interface MediaRouteOptions {
  hasher: MediaHasher
  maxVideoBytes: number
  tmpDir: string
}

const media: FastifyPluginAsyncTypebox<MediaRouteOptions> = async (app, { hasher, maxVideoBytes, tmpDir }) => {
  // Scoped to this plugin: image bodies reach the handler as a Buffer, videos as the request stream itself, which
  // the use case writes to a temporary file; neither is logged or stored.
  app.addContentTypeParser([...IMAGE_CONTENT_TYPES], {
    parseAs: 'buffer', bodyLimit: MAX_IMAGE_BYTES
  }, (_request, body, done) => {
    done(null, body)
  })
  acceptVideoBodies(app)

  const mb = Math.round(maxVideoBytes / (1024 * 1024))
  app.post('/v1/media/hashes', {
    bodyLimit: MAX_IMAGE_BYTES,
    config: { roles: ['authority', 'liaison'] },
    preParsing: admitMediaHashing(hasher),
    schema: {
      tags: ['media'],
      operationId: 'hashMedia',
      summary: 'Hash an image (SHA-256, MD5, PDQ with quality) or a video (SHA-256, MD5, vPDQ) without storing it',
      description: 'The body is the image itself (JPEG, PNG, WebP, GIF or TIFF; at most 20 MB), answered with `pdq`, ' +
        'or the video itself ' +
        `(MP4, WebM, QuickTime or Matroska; at most ${mb} MB), answered with \`vpdq\`: the full-resolution PDQ of ` +
        'one frame per second ' +
        '(ThreatExchange vPDQ as HMA runs it), each frame with uniform borders also without them (`trimmedHash`, the ' +
        'gateway\'s extension; `hash` stays the reference\'s). PDQ follows the full-resolution reference (alpha ' +
        'dropped, EXIF orientation ignored). A video is kept in a temporary file while it is hashed and deleted ' +
        'afterwards. Another content type, or a body that is not what it declares, is 415; an unreadable file, a ' +
        'video with a frame rate of 0, frames over the pixel limit, a video longer than the duration limit or one ' +
        'that takes longer than the time limit to decode is 422. Media hashing runs on a bounded number of threads ' +
        'with a bounded queue: when it is full the answer is 503 with Retry-After.',
      body: {
        content: Object.fromEntries([
          ...IMAGE_CONTENT_TYPES.map((type) => [type, { schema: ImageBody }]),
          ...VIDEO_CONTENT_TYPES.map((type) => [type, { schema: VideoBody }])
        ])
      },
      response: { 200: MediaHashesAnswer, ...errorResponses(...BODY_ERRORS, 403, 422, 503) }
    }
  }, async (request) => {
    const body = request.body as unknown
    if (body instanceof VideoStream) {
      const declared = Number(request.headers['content-length'])
      return await hashVideoUpload(hasher, {
        body: body.stream,
        ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
        maxBytes: maxVideoBytes,
        tmpDir
      })
    }
    const { sha256, md5, pdq } = await hashImageUpload(hasher, body)
    return { sha256, md5, pdq }
  })
}

export default media
