// The response page a platform's liaison opens from a notice's e-mail, and the short pages its forms answer.
// Server-rendered and complete without a script: the page runs none, loads nothing, and its one <style> element is
// allowed by its digest in the Content-Security-Policy, so no inline script or style could run even if text got in.
// Every value is escaped here; the letters escape their own. Design: docs/delivery.md, "Response page".
import crypto from 'node:crypto'
import { escapeHtml as e } from './html.ts'

export interface ResponsePageItem {
  id: string
  url: string
  contentType: string
  removed: boolean
}

export interface ResponsePageView {
  referenceNumber: string
  platform: string
  status: string
  urgency: string
  version: number
  deadline: Date
  items: ResponsePageItem[]
  /** What the liaison may do from the current status, in the lifecycle's order. */
  actions: string[]
  cannotComplyReasons: readonly string[]
  /** Where the forms post: the page's own path. */
  formAction: string
  formToken: string
  /** Each letter's complete HTML document, the notice's first language first. */
  letters: Array<{ lang: string, html: string }>
  /** Shown above the forms after an action was taken. */
  confirmation?: string
}

export interface HtmlPage {
  html: string
  /** The Content-Security-Policy the page needs, and nothing more. */
  csp: string
}

const PAGE_STYLE = 'body{font-family:system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.4}' +
  '.respond{border:1px solid #888;padding:1rem;margin:1rem 0}.respond form{margin:.75rem 0;padding:.5rem 0;' +
  'border-top:1px solid #ddd}.respond label{display:block;margin:.25rem 0}.confirmation{background:#e6f4e6;' +
  'border:1px solid #2a7a2a;padding:.75rem}.error{background:#fbeaea;border:1px solid #a33;padding:.75rem}' +
  'textarea{width:100%;min-height:4rem}dt{font-weight:bold}section.letter{border-top:2px solid #444;margin-top:2rem}'

const ACTION_LABELS: Record<string, string> = {
  acknowledge: 'Acknowledge receipt',
  remove: 'Report removed',
  restrict: 'Report restricted (access blocked in Kazakhstan)',
  reject: 'Reject the notice',
  cannot_comply: 'Cannot comply'
}

function cspFor (style: string): string {
  const digest = crypto.createHash('sha256').update(style, 'utf8').digest('base64')
  return `default-src 'none'; style-src 'sha256-${digest}'; img-src 'none'; form-action 'self'; base-uri 'none'; ` +
    "frame-ancestors 'none'"
}

/**
 * The page's address holds its link's token: no other site may learn it from a Referer, so only same-origin requests
 * carry one. Not "no-referrer" (every answer's header): under it a browser sends `Origin: null` with the page's own
 * forms, which the route must refuse as it refuses any form whose Origin is not the gateway's.
 */
const REFERRER_POLICY = 'same-origin'

function page (title: string, lang: string, style: string, body: string): HtmlPage {
  const html = `<!DOCTYPE html>\n<html lang="${e(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta name="referrer" content="${REFERRER_POLICY}">\n` +
    `<title>${e(title)}</title>\n<style>${style}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`
  return { html, csp: cspFor(style) }
}

/** The letter's own styles (its first <style>), kept so that its sections look as the letter does. */
function letterStyle (html: string | undefined): string {
  const style = html === undefined ? undefined : /<style>([\s\S]*?)<\/style>/i.exec(html)?.[1]
  // Both go inside one <style>: a '</style' in either would end it early, so none may carry one.
  return style === undefined || /<\/style/i.test(style) ? '' : style
}

function letterBody (html: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1]?.trim() ?? ''
}

function hidden (view: ResponsePageView, action: string): string {
  return `<input type="hidden" name="action" value="${e(action)}">` +
    `<input type="hidden" name="version" value="${view.version}">` +
    `<input type="hidden" name="csrf" value="${e(view.formToken)}">`
}

function form (view: ResponsePageView, action: string, inner: string, button: string): string {
  return `<form method="post" action="${e(view.formAction)}" data-action="${e(action)}">${hidden(view, action)}` +
    `${inner}<button type="submit">${e(button)}</button></form>`
}

function noteField (): string {
  return '<label>Note (optional) <textarea name="note" maxlength="2000"></textarea></label>'
}

function actionForms (view: ResponsePageView): string[] {
  return view.actions.map((action) => {
    switch (action) {
      case 'remove': {
        const standing = view.items.filter((i) => !i.removed)
        const boxes = standing.map((i) => `<label><input type="checkbox" name="items" value="${e(i.id)}"> ` +
          `${e(i.url)}</label>`).join('')
        return `<h3>${e(ACTION_LABELS.remove)}</h3>` +
          form(view, 'remove', noteField(), `All ${standing.length} remaining items were removed`) +
          form(view, 'remove', '<input type="hidden" name="scope" value="checked">' +
            `<fieldset><legend>Only these items were removed</legend>${boxes}</fieldset>`,
          'The checked items were removed')
      }
      case 'reject':
        return `<h3>${e(ACTION_LABELS.reject)}</h3>` + form(view, 'reject',
          '<label>Reason (required) <textarea name="reason" required maxlength="2000"></textarea></label>',
          'Reject')
      case 'cannot_comply': {
        const options = view.cannotComplyReasons.map((r) => `<option value="${e(r)}">${e(r.replace(/_/g, ' '))}` +
          '</option>').join('')
        return `<h3>${e(ACTION_LABELS.cannot_comply)}</h3>` + form(view, 'cannot_comply',
          `<label>Reason <select name="reason" required>${options}</select></label>` +
          '<label>Detail (required) <textarea name="detail" required maxlength="2000"></textarea></label>',
          'Cannot comply')
      }
      default:
        return `<h3>${e(ACTION_LABELS[action] ?? action)}</h3>` +
          form(view, action, noteField(), ACTION_LABELS[action] ?? action)
    }
  })
}

export function renderResponsePage (view: ResponsePageView): HtmlPage {
  const style = PAGE_STYLE + letterStyle(view.letters[0]?.html)
  const deadline = view.deadline.toISOString()
  const items = view.items.map((i) => `<li><code>${e(i.url)}</code> (${e(i.contentType)})` +
    `${i.removed ? ' — <strong>removed</strong>' : ''}</li>`).join('\n')
  const forms = actionForms(view)
  const body = [
    '<main>',
    `<h1>Removal notice ${e(view.referenceNumber)}</h1>`,
    view.confirmation === undefined ? '' : `<p class="confirmation" role="status">${e(view.confirmation)}</p>`,
    '<dl>',
    `<dt>Platform</dt><dd>${e(view.platform)}</dd>`,
    `<dt>Status</dt><dd id="status">${e(view.status)}</dd>`,
    `<dt>Urgency</dt><dd>${e(view.urgency)}</dd>`,
    `<dt>Deadline</dt><dd><time id="deadline" datetime="${deadline}">` +
      `${e(deadline.replace('T', ' ').slice(0, 16))} UTC</time> (the letters below state it in each language)</dd>`,
    '</dl>',
    `<h2>Items</h2>\n<ol id="items">\n${items}\n</ol>`,
    '<section class="respond">',
    '<h2>Respond</h2>',
    forms.length === 0
      ? '<p>No action is open to the platform in this status.</p>'
      : '<p>Each answer is recorded in the notice\'s history and audit trail as the platform\'s.</p>\n' +
        forms.join('\n'),
    '</section>',
    '</main>',
    ...view.letters.map((l) => `<section class="letter" lang="${e(l.lang)}">\n${letterBody(l.html)}\n</section>`)
  ].filter((line) => line !== '').join('\n')
  return page(`Notice ${view.referenceNumber}`, view.letters[0]?.lang ?? 'en', style, body)
}

/** A page that says one thing: why a request was refused, or that the link no longer works. */
export function renderMessagePage (title: string, message: string, back?: string, kind = 'error'): HtmlPage {
  const link = back === undefined ? '' : `\n<p><a href="${e(back)}">Back to the notice</a></p>`
  const text = `<p class="${kind === 'error' ? 'error' : 'confirmation'}" role="status">${e(message)}</p>`
  return page(title, 'en', PAGE_STYLE, `<main>\n<h1>${e(title)}</h1>\n${text}${link}\n</main>`)
}
