// Liveness (the process answers) and readiness (the database answers).
import { Type } from 'typebox'
import { named } from '../schemas/named.ts'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import { problemResponse } from '../schemas/common.ts'
import { sendProblem } from '../plugins/problems.ts'
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/db-errors.ts'
import type { MediaHasher } from '../media/hash-pool.ts'

const Health = named('Health', Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) }))

const Readiness = named('Readiness', Type.Object({
  status: Type.Literal('ok'),
  details: Type.Object({
    ffmpeg: Type.Union([
      Type.Object({
        source: Type.Union([Type.Literal('FFMPEG_PATH'), Type.Literal('system'), Type.Literal('npm')], {
          description: 'FFMPEG_PATH, the ffmpeg on PATH, or the build the @ffmpeg-installer/ffmpeg package ships'
        }),
        executable: Type.String(),
        version: Type.String({ description: 'First line of `ffmpeg -version`' }),
        ffprobe: Type.Boolean({ description: 'Whether ffprobe is used to read frame rates' })
      }),
      Type.Null()
    ], { description: 'The ffmpeg that decodes videos; null when none runs (videos are then answered 503)' }),
    mediaHashing: Type.Object({
      threads: Type.Integer({ minimum: 1 }),
      capacity: Type.Integer({ minimum: 1, description: 'Media requests admitted at once (hashed or waiting); beyond, 503' }),
      inFlight: Type.Integer({ minimum: 0 })
    })
  })
}))

const health: FastifyPluginAsyncTypebox<{ db: Database, mediaHasher: MediaHasher }> = async (app, { db, mediaHasher }) => {
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
      description: 'Needs no API key. Runs a trivial query against the database: 200 `{ "status": "ok", "details": ... }` when it answers, ' +
        'otherwise 503 with a problem document. Use it as the readiness probe. `details` names the ffmpeg that decodes videos and how ' +
        'many media hashing places are taken.',
      response: { 200: Readiness, 503: problemResponse(503, 'The database does not answer') }
    }
  }, async (request, reply) => {
    try {
      await db.execute(sql`select 1`)
      const tools = mediaHasher.ffmpeg
      return {
        status: 'ok' as const,
        details: {
          ffmpeg: tools === undefined ? null : { source: tools.source, executable: tools.ffmpeg, version: tools.version, ffprobe: tools.ffprobe !== undefined },
          mediaHashing: mediaHasher.stats()
        }
      }
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed')
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      return sendProblem(reply, 'database_unavailable', { detail: 'the database does not answer' })
    }
  })
}

export default health
