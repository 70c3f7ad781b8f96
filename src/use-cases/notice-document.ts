// A notice as a document: the signed JSON itself, or a text, HTML or PDF rendering in one of its languages, rendered
// once and kept.
import type { Database } from '../db/index.ts'
import { findNoticeContent, findNoticeLanguages, type NoticeWithItems } from '../repositories/notices.ts'
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

type Notice = NoticeWithItems['notice']

/**
 * JSON answers the signed document itself; the renderings are in `lang` (default: the notice's first language),
 * print the signing key id and signature fingerprint, and come out as the same bytes every time. A notice read
 * without its content (null) is enough for a rendering: the content is read only when there is one to make.
 */
export async function noticeDocument (
  db: Database, renderer: NoticeRenderer, { notice }: Pick<NoticeWithItems, 'notice'>,
  format: 'json' | NoticeFormat, lang?: NoticeLang
): Promise<NoticeDocument> {
  if (format === 'json') return { format, content: await contentOf(db, notice) }
  const language = lang ?? await defaultLanguage(db, notice)
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
 * (by whichever request or process first asks for it) and kept, in the database for every process and in this
 * process's memory for the letters read most; later requests are served the kept bytes.
 */
export async function noticeRendering (
  db: Database, renderer: NoticeRenderer, notice: Notice, format: NoticeFormat, lang: NoticeLang
): Promise<StoredRendering> {
  const key = { noticeId: notice.id, format, lang, rendererVersion: RENDERER_VERSION }
  const name = `${key.noticeId}/${format}/${lang}/${key.rendererVersion}`
  const inMemory = renderer.kept.get(name)
  if (inMemory !== undefined) return inMemory
  return await renderer.flights.run(name, async () => {
    let rendering = await findRendering(db, key)
    if (rendering === null) {
      const rendered = await renderer.render({
        content: await contentOf(db, notice),
        format,
        lang,
        signature: {
          keyId: notice.signingKeyId,
          algorithm: SIGNATURE_ALGORITHM,
          fingerprint: signatureFingerprint(notice.signature)
        }
      })
      const { contentType, body } = rendered
      rendering = { contentType, body: typeof body === 'string' ? Buffer.from(body, 'utf8') : body }
      await storeRendering(db, key, rendering)
    }
    renderer.kept.set(name, rendering)
    return rendering
  })
}

async function contentOf (db: Database, notice: Notice): Promise<NoticeContent> {
  return (notice.content ?? await findNoticeContent(db, notice.id)) as NoticeContent
}

async function defaultLanguage (db: Database, notice: Notice): Promise<NoticeLang> {
  const languages = notice.content === null
    ? await findNoticeLanguages(db, notice.id)
    : (notice.content as NoticeContent).languages
  return (languages[0] ?? 'en') as NoticeLang
}
