// Video request bodies: the parser hands the request stream on unread, and a bank upload spools it to a temporary
// file before the handler (and before its Idempotency-Key is checked, which needs the video's digest).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Readable } from 'node:stream'
import { spoolVideoUpload, VIDEO_CONTENT_TYPES } from '../../use-cases/media-hashes.ts'

/** The unread request stream of a video; a private field, so that walks over request bodies do not descend into it. */
export class VideoStream {
  readonly #stream: Readable
  constructor (stream: Readable) { this.#stream = stream }
  get stream (): Readable { return this.#stream }
}

/**
 * Scoped to the calling plugin: a video body reaches the hooks and handler as a VideoStream, never read into memory.
 */
export function acceptVideoBodies (app: FastifyInstance): void {
  app.addContentTypeParser([...VIDEO_CONTENT_TYPES], (_request, payload, done) => {
    done(null, new VideoStream(payload))
  })
}

export interface VideoSpoolOptions {
  maxVideoBytes: number
  tmpDir: string
}

/**
 * A preHandler that writes a video body to a temporary file and puts the SpooledVideo in its place; the file is
 * deleted when the answer is sent or the client goes away, whatever happened in between. Declared on the route, it
 * runs before the hooks plugins add (the Idempotency-Key check then fingerprints the video by its digests).
 */
export function spoolVideoBody (options: VideoSpoolOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const body = request.body as unknown
    if (!(body instanceof VideoStream)) return
    const declared = Number(request.headers['content-length'])
    const video = await spoolVideoUpload({
      body: body.stream,
      ...(Number.isFinite(declared) ? { declaredBytes: declared } : {}),
      maxBytes: options.maxVideoBytes,
      tmpDir: options.tmpDir
    })
    request.body = video
    reply.raw.once(
      'close',
      () => {
        video.discard().catch(
          (error: unknown) => request.log.warn({ err: error }, 'temporary video not deleted')
        )
      }
    )
  }
}
