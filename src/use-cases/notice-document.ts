// A notice as a document: the signed JSON itself, or a text, HTML or PDF rendering in one of its languages, rendered
// once and kept.
import type { Database } from '../db/index.ts'
import type { NoticeWithItems } from '../repositories/notices.ts'
import type { NoticeContent, NoticeLang } from '../domain/notices/notice-content.ts'
import { RENDERER_VERSION, type NoticeFormat } from '../render/notice.ts'
import type { NoticeRenderer } from '../render/notice-renderer.ts'
import { findRendering, storeRendering, type StoredRendering } from '../repositories/notice-renderings.ts'
import { SIGNATURE_ALGORITHM, signatureFingerprint } from '../signing/notice-signer.ts'

export type NoticeDocument =
  | { format: 'json', content: NoticeContent }
  | {
    format: NoticeFormat,
    lang: NoticeLang,
    contentType: string,
    body: Buffer,
    /** PDF only */ filename?: string
  }

/**
 * JSON answers the signed document itself; the renderings are in `lang` (default: the notice's first language),
 * print the signing key id and signature fingerprint, and come out as the same bytes every time.
 */
export async function noticeDocument (
  db: Database, renderer: NoticeRenderer, { notice }: Pick<NoticeWithItems, 'notice'>,
  format: 'json' | NoticeFormat, lang?: NoticeLang
): Promise<NoticeDocument> {
  const content = notice.content as NoticeContent
  if (format === 'json') return { format, content }
  const language = lang ?? content.languages[0] ?? 'en'
  const rendered = await noticeRendering(db, renderer, notice, format, language)
  return {
    format,
    lang: language,
    ...rendered,
    ...(format === 'pdf' ? { filename: `${notice.referenceNumber}.${language}.pdf` } : {})
  }
}

/**
 * A notice's letter in one format and language. The signed content never changes, so the letter is rendered once
 * (by whichever request or process first asks for it) and kept; later requests are served the kept bytes.
 */
export async function noticeRendering (
  db: Database, renderer: NoticeRenderer, notice: NoticeWithItems['notice'], format: NoticeFormat, lang: NoticeLang
): Promise<StoredRendering> {
  const key = { noticeId: notice.id, format, lang, rendererVersion: RENDERER_VERSION }
  const kept = await findRendering(db, key)
  if (kept !== null) return kept
  const flight = `${key.noticeId}/${format}/${lang}/${key.rendererVersion}`
  return await renderer.flights.run(flight, async () => {
    const rendered = await renderer.render({
      content: notice.content as NoticeContent,
      format,
      lang,
      signature: {
        keyId: notice.signingKeyId, algorithm: SIGNATURE_ALGORITHM, fingerprint: signatureFingerprint(notice.signature)
      }
    })
    const { contentType, body } = rendered
    const rendering = { contentType, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body }
    await storeRendering(db, key, rendering)
    return rendering
  })
}
