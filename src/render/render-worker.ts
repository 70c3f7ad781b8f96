// Runs in a rendering worker thread: a notice's letter (PDF, or a large text or HTML one), off the event loop.
import os from 'node:os'
import type { SignatureRef } from '../domain/notices/compose-notice.ts'
import type { NoticeContent, NoticeLang } from '../domain/notices/notice-content.ts'
import { renderNotice, type NoticeFormat, type RenderedNotice } from './notice.ts'

// As the hashing threads do (src/media/hash-worker.ts): this thread runs at a lower priority than the event loop,
// so that a burst of letters takes the cores the requests leave.
const RENDERING_NICE = 10
try {
  os.setPriority(RENDERING_NICE)
} catch {
  // Not permitted here (some containers): rendering then competes at the same priority.
}

export interface RenderTask {
  content: NoticeContent
  format: NoticeFormat
  lang: NoticeLang
  signature: SignatureRef
}

export default async function run (task: RenderTask): Promise<RenderedNotice> {
  // A Buffer body crosses the thread boundary as a plain Uint8Array (copied: a letter is a few hundred KB at most).
  return await renderNotice(task.content, task.format, task.lang, task.signature)
}
