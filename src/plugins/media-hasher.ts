// The media hashing threads (images and videos) as `app.mediaHasher`, destroyed when the app closes.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'
import { MediaHasher } from '../media/hash-pool.ts'
import { resolveFfmpeg } from '../media/ffmpeg.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** The media hashing threads and their admission (tests read how many places are taken). */
    mediaHasher: MediaHasher
  }
}

/** Hashing runs on worker threads behind a bounded admission, never on the event loop. */
export default fp(async function mediaHasher (app: FastifyInstance, { config }: { config: Config }) {
  const hasher = new MediaHasher({
    threads: config.MEDIA_HASH_THREADS,
    queue: config.MEDIA_HASH_QUEUE,
    maxImagePixels: config.MEDIA_MAX_PIXELS,
    video: {
      maxFramePixels: config.MEDIA_VIDEO_MAX_FRAME_PIXELS,
      maxDurationSeconds: config.MEDIA_VIDEO_MAX_SECONDS,
      timeoutMs: config.MEDIA_VIDEO_TIMEOUT_SECONDS * 1000
    },
    ffmpeg: await resolveFfmpeg(config)
  })
  app.decorate('mediaHasher', hasher)
  app.addHook('onClose', async () => { await hasher.close() })
}, { name: 'media-hasher' })
