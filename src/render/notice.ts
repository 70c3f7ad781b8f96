// Renders a notice's signed content in one language and format: composes the document, then the chosen renderer.
import { composeNoticeDocument } from '../domain/notices/compose-notice.ts'
import type { SignatureRef } from '../domain/notices/compose-notice.ts'
import type { NoticeContent, NoticeLang } from '../domain/notices/notice-content.ts'
import { renderHtml } from './html.ts'
import { renderPdf } from './pdf.ts'
import { renderText } from './text.ts'

export type NoticeFormat = 'text' | 'html' | 'pdf'

/**
 * The renderers' version: letters are stored once rendered (notice_renderings) and served again under it, so it
 * goes up with every change to what any letter's bytes would be. test/domain/compose-notice.test.ts records the
 * golden letters' digest for each version and fails when they change under the same one.
 */
// 2: values holding control characters, bidirectional controls or right-to-left letters are neutralised (U+FFFD,
// isolates), so such letters kept under 1 are rendered again.
export const RENDERER_VERSION = 2

export interface RenderedNotice {
  contentType: string
  body: string | Buffer
}

export async function renderNotice (
  content: NoticeContent,
  format: NoticeFormat,
  lang: NoticeLang,
  signature: SignatureRef
): Promise<RenderedNotice> {
  // The composer sets the document's issuedAt from the content, and the PDF takes it as its CreationDate: the same
  // notice always renders to the same bytes, so a rendering can be compared with one the platform received.
  const doc = composeNoticeDocument(content, lang, signature)
  switch (format) {
    case 'text':
      return { contentType: 'text/plain; charset=utf-8', body: renderText(doc) }
    case 'html':
      return { contentType: 'text/html; charset=utf-8', body: renderHtml(doc) }
    case 'pdf':
      return { contentType: 'application/pdf', body: await renderPdf(doc) }
  }
}
