// Liveness (the process answers) and readiness (the database answers).
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { errorResponses } from '../schemas/common.ts'
import { sendProblem } from '../plugins/problems.ts'
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/db-errors.ts'

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) })

const health: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/health/live', {
    config: { public: true },
    schema: {
      tags: ['health'],
      security: [],
      operationId: 'getLiveness',
      summary: 'The process is up',
      description: 'Needs no API key. Answers 200 `{ "status": "ok" }` whenever the process can answer, without touching the database: a liveness probe.',
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
      description: 'Needs no API key. Runs a trivial query against the database: 200 `{ "status": "ok" }` when it answers, otherwise 503 ' +
        'with a problem document. Use it as the readiness probe.',
      response: { 200: Health, 503: errorResponses()[500] }
    }
  }, async (request, reply) => {
    try {
      await db.execute(sql`select 1`)
      return { status: 'ok' as const }
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return sendProblem(reply, 503, { detail: 'the database does not answer' })
    }
  })
}

export default health
