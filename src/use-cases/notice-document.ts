// A notice as a document: the signed JSON itself, or a text, HTML or PDF rendering in one of its languages.
import type { NoticeWithItems } from '../repositories/notices.ts'
import type { NoticeContent, NoticeLang } from '../domain/notices/notice-content.ts'
import { renderNotice, type NoticeFormat } from '../render/notice.ts'
import { SIGNATURE_ALGORITHM, signatureFingerprint } from '../signing/notice-signer.ts'

export type NoticeDocument =
  | { format: 'json', content: NoticeContent }
  | {
    format: NoticeFormat,
    lang: NoticeLang,
    contentType: string,
    body: string | Buffer,
    /** PDF only */ filename?: string
  }

/**
 * JSON answers the signed document itself; the renderings are in `lang` (default: the notice's first language),
 * print the signing key id and signature fingerprint, and come out as the same bytes every time.
 */
export async function noticeDocument (
  { notice }: Pick<NoticeWithItems, 'notice'>, format: 'json' | NoticeFormat, lang?: NoticeLang
): Promise<NoticeDocument> {
  const content = notice.content as NoticeContent
  if (format === 'json') return { format, content }
  const language = lang ?? content.languages[0] ?? 'en'
  const rendered = await renderNotice(content, format, language, {
    keyId: notice.signingKeyId,
    algorithm: SIGNATURE_ALGORITHM,
    fingerprint: signatureFingerprint(notice.signature)
  })
  return {
    format,
    lang: language,
    contentType: rendered.contentType,
    body: rendered.body,
    ...(format === 'pdf' ? { filename: `${notice.referenceNumber}.${language}.pdf` } : {})
  }
}
