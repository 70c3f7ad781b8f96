// Renders a notice document as a standalone, print-friendly HTML5 page with no external resources.
import { signatureLine } from './document.ts'
import type { Block, NoticeDocument } from '../domain/notices/notice-document.ts'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c])
}

// Inside <style> nothing is HTML-decoded, so text destined for CSS `content` is escaped for CSS instead; escaping
// '<' as well keeps a '</style>' in a label from ending the element.
function cssString (text: string): string {
  return '"' + text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.codePointAt(0)?.toString(16) ?? ''} `) + '"'
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f3f3f3;color:#111;font:15px/1.45 "DejaVu Sans","Segoe UI",Arial,sans-serif}
main{max-width:52rem;margin:1.5rem auto;padding:2rem 2.5rem;background:#fff;border:1px solid #ddd}
header{border-bottom:2px solid #111;padding-bottom:.6rem;margin-bottom:1.2rem}
header p{margin:0;font-size:.9rem}header p:first-child{font-weight:bold;font-size:1rem}
h1{font-size:1.45rem;margin:0 0 1rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
p{margin:.5rem 0;white-space:pre-line}
dl{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:bold}dd{margin:0}
dd,td,li{overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eee}tr{break-inside:avoid}
footer{margin-top:2rem;border-top:1px solid #999;padding-top:.5rem;font-size:.8rem}
code{font-family:"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
@page{size:A4;margin:2cm}
@media print{body{background:none;font-size:11pt}main{margin:0;padding:0;border:0;max-width:none}}
`

// The page label is a function of the composer; probing it with sentinel numbers turns it into a CSS counter
// expression for browsers that support page-margin boxes. Labels that format numbers otherwise are skipped.
function pageCounterCss (doc: NoticeDocument): string {
  const label = doc.pageLabel(7770001, 7770002)
  const parts = label.split(/(7770001|7770002)/)
  if (!parts.includes('7770001') || !parts.includes('7770002')) return ''
  const content = parts
    .filter((p) => p !== '')
    .map((p) => p === '7770001' ? 'counter(page)' : p === '7770002' ? 'counter(pages)' : cssString(p))
    .join(' ')
  return `@page{@bottom-right{content:${content};font-size:8pt}` +
    `@bottom-left{content:${cssString(doc.signature.fingerprint)};font-size:7pt}}`
}

export function renderHtml (doc: NoticeDocument): string {
  const e = escapeHtml
  const letterhead = doc.letterhead.length === 0
    ? ''
    : `<header>${doc.letterhead.map((l) => `<p>${e(l)}</p>`).join('')}</header>\n`
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(doc.title)}</title>`,
    `<style>${STYLE}${pageCounterCss(doc)}</style>`,
    '</head>',
    '<body>',
    '<main>',
    letterhead + `<h1>${e(doc.title)}</h1>`,
    ...doc.blocks.map(renderBlock),
    `<footer><p>${e(signatureLine(doc.signature))}: <code>${e(doc.signature.fingerprint)}</code></p></footer>`,
    '</main>',
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

function renderBlock (block: Block): string {
  const e = escapeHtml
  switch (block.kind) {
    case 'heading':
      return `<h2>${e(block.text)}</h2>`
    case 'paragraph':
      return `<p>${e(block.text)}</p>`
    case 'fields':
      return '<dl>' + block.rows.map((r) => `<dt>${e(r.label)}</dt><dd>${e(r.value)}</dd>`).join('') + '</dl>'
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      return `<${tag}>` + block.items.map((i) => `<li>${e(i)}</li>`).join('') + `</${tag}>`
    }
    case 'table': {
      // Only web addresses become links: a cell's text is the reporter's, and no other scheme belongs in a notice.
      const link = (url: string): string => /^https?:\/\//i.test(url) ? `<a href="${e(url)}">${e(url)}</a>` : e(url)
      const head = block.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')
      const body = block.rows
        .map((row) => '<tr>' + block.columns.map(
          (_, i) => `<td>${i === block.linkColumn ? link(row[i] ?? '') : e(row[i] ?? '')}</td>`
        ).join('') + '</tr>')
        .join('\n')
      return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`
    }
  }
}
