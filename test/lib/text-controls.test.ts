// The text rule (control characters and bidirectional controls) and what neutralises text that breaks it.
import t from 'tap'
import fc from 'fast-check'
import {
  closeBidi, isolate, PLAIN_TEXT_PATTERN, replaceControls, stripBidi, terminalJson, textProblem, visible,
  visibleDocument
} from '../../src/lib/text-controls.ts'
import { HOSTILE, RAW } from '../helpers/hostile-text.ts'

t.test('the pattern (what the OpenAPI document says) and textProblem (what the 400 says) agree', async (t) => {
  const pattern = new RegExp(PLAIN_TEXT_PATTERN, 'u')
  const chars = ['a', 'ب', ' ', '\t', '\n', '\r', '\x1b', '\x7f', '\x85', '\x9f', '\u00a0', '\u200f', '\u202a', '\u202b',
    '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']
  fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 12 }), (parts) => {
    const text = parts.join('')
    return pattern.test(text) === (textProblem(text) === null)
  }), { numRuns: 20_000 })
  for (const [name, text] of Object.entries(HOSTILE)) {
    t.notOk(pattern.test(text), `${name} breaks the rule`)
    t.ok(textProblem(text), `${name} is explained`)
  }
  for (const text of ['plain', 'tab\tand\nline feed', 'Құзыретті орган', 'محمد علي', 'a \u2067محمد\u2069 b',
    'x\u202bembedded\u202c y', 'mark\u200fhere']) {
    t.ok(pattern.test(text), `${JSON.stringify(text)} keeps the rule`)
    t.equal(textProblem(text), null)
  }
  t.match(textProblem('ab\x1bc'), /U\+001B at character 3/)
  t.match(textProblem('Telegram\u202e'), /opens U\+202E at character 9 and does not close it \(with U\+202C\)/)
  t.match(textProblem('a\u2066b\nc\u2069'), /opens U\+2066 at character 2/, 'a pair does not span lines')
  t.match(textProblem('a\u2069'), /U\+2069 at character 2, which closes no/)
  t.match(textProblem('\u2066\u2067x\u2069\u2069'), /may not nest/)
  t.match(textProblem('\u202ex\u2069'), /closes no/, 'an override is closed by U+202C, not U+2069')
})

t.test('closeBidi closes what a line opens and drops what closes nothing', async (t) => {
  t.equal(closeBidi('plain'), 'plain')
  t.equal(closeBidi('a\u202eb'), 'a\u202eb\u202c')
  t.equal(closeBidi('a\u2069b\u202c'), 'ab', 'stray closers go')
  t.equal(closeBidi('\u2066a\u202eb\nc'), '\u2066a\u202eb\u202c\u2069\nc', 'closed innermost first, at the line end')
  t.equal(closeBidi('\u2066a\u202eb\u2069c'), '\u2066a\u202eb\u2069c', 'U+2069 closes the embeddings inside its isolate')
})

t.test('isolate wraps only text that can reorder, each line on its own', async (t) => {
  t.equal(isolate('Telegram FZ-LLC'), 'Telegram FZ-LLC', 'left-to-right text is unchanged')
  t.equal(isolate('محمد'), '\u2068محمد\u2069')
  t.equal(isolate('x\u202ey\nz'), '\u2068x\u202ey\u202c\u2069\n\u2068z\u2069')
})

t.test('replaceControls keeps tab and line feed, makes CRLF a line feed and replaces the rest', async (t) => {
  t.equal(replaceControls('a\tb\nc'), 'a\tb\nc')
  t.equal(replaceControls('a\r\nb'), 'a\nb')
  t.equal(replaceControls(HOSTILE.forged), 'ok\ufffdFAKE: notice withdrawn by authority')
  t.equal(replaceControls(HOSTILE.title + HOSTILE.nel), '\ufffd]0;owned\ufffda\ufffdb')
  t.equal(stripBidi('a\u2068b\u202ec\u202c\u2069\u200f'), 'abc')
})

t.test('visible, visibleDocument and terminalJson never hand a terminal a control character', async (t) => {
  t.equal(visible(`${HOSTILE.title}${HOSTILE.clear}${HOSTILE.forged}`),
    '\\x1b]0;owned\\x07\\x1b[2Jok\\rFAKE: notice withdrawn by authority')
  t.equal(visible('a\tb\nc\bd\u0085\u009b\u202e\u2066\u2028'), 'a\\tb\\nc\\x08d\\x85\\x9b\\u202e\\u2066\\u2028')
  t.equal(visible('Құзыретті орган, محمد'), 'Құзыретті орган, محمد', 'letters of any script are left alone')
  for (const text of Object.values(HOSTILE)) {
    t.notMatch(visible(text), RAW)
    t.notMatch(visibleDocument(text), RAW)
    const json = terminalJson({ text })
    t.notMatch(json, RAW)
    t.same(JSON.parse(json), { text }, 'the JSON still means the same')
  }
  t.equal(visibleDocument('a,b\r\nc\td\n'), 'a,b\r\nc\td\n', 'a clean document is byte for byte')
  t.equal(visibleDocument('x\ry\r\n'), 'x\\x0dy\r\n', 'a lone CR is shown; a line end is kept')
})
