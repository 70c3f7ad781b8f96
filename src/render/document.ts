// Layout helpers the text and PDF renderers share: column counting, word wrap and column fitting.
import type { SignatureInfo } from '../domain/notices/notice-document.ts'

export type Measure = (text: string) => number

const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

// Code points, not UTF-16 units, so that Cyrillic and Kazakh letters count as one column each; bidirectional
// controls (an isolated value's FSI and PDI) take no column.
export const columns: Measure = (text) => {
  let n = 0
  for (const _ of text) n++ // eslint-disable-line @typescript-eslint/no-unused-vars -- counts code points
  return n - (text.match(BIDI_CONTROLS)?.length ?? 0)
}

export function signatureLine (sig: SignatureInfo): string {
  return `${sig.label} (${sig.algorithm}, ${sig.keyId})`
}

/**
 * Greedy word wrap. A word wider than the line is broken only when breakWords is set: the PDF must not draw off
 * the page, whereas an e-mail keeps a URL whole so that it stays clickable.
 */
export function wrap (text: string, width: number, measure: Measure, breakWords: boolean): string[] {
  const out: string[] = []
  for (const para of text.split(/\r?\n/)) {
    const words = para.split(/[ \t]+/).filter((w) => w !== '')
    let line = ''
    for (const word of words) {
      const candidate = line === '' ? word : `${line} ${word}`
      if (measure(candidate) <= width) {
        line = candidate
        continue
      }
      if (line !== '') out.push(line)
      line = word
      if (breakWords && measure(word) > width) {
        const pieces = breakWord(word, width, measure)
        line = pieces.pop() ?? ''
        out.push(...pieces)
      }
    }
    out.push(line)
  }
  return out
}

// Prefers to cut a URL after a separator so that its pieces still read as path segments.
function breakWord (word: string, width: number, measure: Measure): string[] {
  const chars = Array.from(word)
  const pieces: string[] = []
  let start = 0
  while (start < chars.length) {
    let end = start + 1
    while (end < chars.length && measure(chars.slice(start, end + 1).join('')) <= width) end++
    if (end < chars.length) {
      for (let i = end - 1; i > start + (end - start) / 2; i--) {
        if ('/?&=#-_.,;'.includes(chars[i])) {
          end = i + 1
          break
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''))
    start = end
  }
  return pieces
}

/**
 * Column widths that fill `available`: columns narrower than an equal share keep their natural width, the rest
 * share what is left equally (max-min fairness), so a long URL column cannot starve a short status column.
 */
export function fitColumns (natural: number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0)
  if (total <= available) {
    const extra = available - total
    return natural.map((w) => w + (total === 0 ? extra / natural.length : extra * w / total))
  }
  const widths = new Array<number>(natural.length).fill(0)
  const order = natural.map((w, i) => i).sort((a, b) => natural[a] - natural[b])
  let remaining = available
  order.forEach((col, k) => {
    const share = remaining / (order.length - k)
    widths[col] = Math.min(natural[col], share)
    remaining -= widths[col]
  })
  return widths
}
