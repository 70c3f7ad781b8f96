// Strict little readers for the CSV and XML the gateway writes, so tests check what a consumer would parse.

/** RFC 4180: CRLF-terminated records, quoted fields with doubled quotes; throws on anything else. */
export function parseCsv (text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue }
          i++
          break
        }
        field += text[i++]
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`)
        field += text[i++]
      }
    }
    row.push(field)
    if (text[i] === ',') { i++; continue }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`)
    i += 2
    rows.push(row)
    row = []
  }
  return rows
}

export interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

function decode (text: string): string {
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`)
  return text.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' }
    if (named[e]) return named[e]
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
  })
}

/** Enough XML for the register: a declaration, elements, attributes, text and CDATA; throws when not well-formed. */
export function parseXml (text: string): XmlElement {
  let i = 0
  const decl = /^<\?xml [^?]*\?>\s*/.exec(text)
  if (decl) i = decl[0].length
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' }
  const stack: XmlElement[] = [root]
  while (i < text.length) {
    const top = stack[stack.length - 1]
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i)
      if (end < 0) throw new Error('unterminated CDATA')
      top.text += text.slice(i + 9, end)
      i = end + 3
    } else if (text.startsWith('</', i)) {
      const m = /^<\/([\w:.-]+)\s*>/.exec(text.slice(i))
      if (!m || m[1] !== top.name) throw new Error(`mismatched close tag at ${i}`)
      stack.pop()
      i += m[0].length
    } else if (text[i] === '<') {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/.exec(text.slice(i))
      if (!m) throw new Error(`bad tag at ${i}: ${text.slice(i, i + 40)}`)
      const attributes: Record<string, string> = {}
      for (const a of m[2].matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (a[1] in attributes) throw new Error(`duplicate attribute ${a[1]}`)
        attributes[a[1]] = decode(a[2])
      }
      const element: XmlElement = { name: m[1], attributes, children: [], text: '' }
      top.children.push(element)
      if (m[3] !== '/') stack.push(element)
      i += m[0].length
    } else {
      const end = text.indexOf('<', i)
      const raw = text.slice(i, end < 0 ? text.length : end)
      if (raw.includes('>') && raw.includes(']]>')) throw new Error('stray ]]> in text')
      top.text += decode(raw)
      i += raw.length
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed element ${stack[stack.length - 1].name}`)
  if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('a document has exactly one root element')
  return root.children[0]
}
