// Keeps each notice's letters as rendered once (format, language, renderer version), to be served again.
import { and, eq } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { noticeRenderings } from '../db/schema.ts'

export interface RenderingKey {
  noticeId: string
  format: string
  lang: string
  rendererVersion: number
}

export interface StoredRendering {
  contentType: string
  body: Buffer
}

export async function findRendering (db: Executor, key: RenderingKey): Promise<StoredRendering | null> {
  const [row] = await db.select({ contentType: noticeRenderings.contentType, body: noticeRenderings.body })
    .from(noticeRenderings)
    .where(and(
      eq(noticeRenderings.noticeId, key.noticeId),
      eq(noticeRenderings.format, key.format),
      eq(noticeRenderings.lang, key.lang),
      eq(noticeRenderings.rendererVersion, key.rendererVersion)
    ))
    .limit(1)
  return row ?? null
}

/** The first rendering stored is kept: another process's, rendered from the same content, holds the same bytes. */
export async function storeRendering (db: Executor, key: RenderingKey, rendering: StoredRendering): Promise<void> {
  await db.insert(noticeRenderings).values({ ...key, ...rendering }).onConflictDoNothing()
}
