// Readiness: the database answers; with it, the ffmpeg that decodes videos and how many hashing places are taken.
import { sql } from 'drizzle-orm'
import type { Database } from '../db/index.ts'
import type { MediaHasher } from '../media/hash-pool.ts'
import type { ReadinessView } from '../schemas/health.ts'

/** Throws when the database does not answer a trivial query. */
export async function checkReadiness (db: Database, mediaHasher: MediaHasher): Promise<ReadinessView> {
  await db.execute(sql`select 1`)
  const tools = mediaHasher.ffmpeg
  return {
    status: 'ok' as const,
    details: {
      ffmpeg: tools === undefined
        ? null
        : {
            source: tools.source, executable: tools.ffmpeg, version: tools.version, ffprobe: tools.ffprobe !== undefined
          },
      mediaHashing: mediaHasher.stats()
    }
  }
}
