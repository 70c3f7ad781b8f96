// Liveness (the process answers) and readiness (the database answers).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../use-cases/database.ts'
import { Health, Readiness } from '../schemas/health.ts'
import { problemResponse } from '../schemas/common.ts'
import { checkReadiness } from '../use-cases/readiness.ts'
import { sendProblem } from '../plugins/problems.ts'
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/db-errors.ts'
import type { MediaHasher } from '../media/hash-pool.ts'

const health: FastifyPluginAsyncTypebox<{
  db: Database, mediaHasher: MediaHasher
}> = async (app, { db, mediaHasher }) => {
  app.get('/health/live', {
    config: { public: true },
    schema: {
      tags: ['health'],
      security: [],
      operationId: 'getLiveness',
      summary: 'The process is up',
      description: 'Needs no API key. Answers 200 `{ "status": "ok" }` whenever the process can answer, without ' +
        'touching the database: a liveness probe.',
      response: { 200: Health }
    }
  }, async () => ({ status: 'ok' as const }))

  app.get('/health/ready', {
    config: { public: true },
    schema: {
      tags: ['health'],
      security: [],
      operationId: 'getReadiness',
      summary: 'The gateway can serve: its database answers',
      description: 'Needs no API key. Runs a trivial query against the database: 200 ' +
        '`{ "status": "ok", "details": ... }` when it answers, otherwise 503 with a problem document. Use it as the ' +
        'readiness probe (its checks have a rate limit of their own per address, RATE_LIMIT_READINESS_PER_MINUTE; ' +
        'liveness has none). `details` names the ffmpeg that decodes videos and how many media hashing places are ' +
        'taken.',
      response: {
        200: Readiness, 429: problemResponse(429), 503: problemResponse(503, 'The database does not answer')
      }
    }
  }, async (request, reply) => {
    try {
      return await checkReadiness(db, mediaHasher)
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return sendProblem(reply, 'database_unavailable', { detail: 'the database does not answer' })
    }
  })
}

export default health
