// The letters' rendering threads as `app.noticeRenderer`, destroyed when the app closes.
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'
import { NoticeRenderer } from '../render/notice-renderer.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Renders PDF and large letters on worker threads behind a bounded admission. */
    noticeRenderer: NoticeRenderer
  }
}

export default fp(async function noticeRenderer (app: FastifyInstance, { config }: { config: Config }) {
  const renderer = new NoticeRenderer({ threads: config.RENDER_THREADS, queue: config.RENDER_QUEUE })
  app.decorate('noticeRenderer', renderer)
  app.addHook('onClose', async () => { await renderer.close() })
}, { name: 'notice-renderer' })
