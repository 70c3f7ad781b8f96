// Characters that change how text is shown rather than what it says. Control characters are obeyed by terminals
// (ESC starts a command that can set a window's title or clear the screen; CR returns to the start of a line, so
// what follows forges a line of its own). The explicit bidirectional controls (embeddings, overrides, isolates)
// reorder what follows them: an unclosed right-to-left override shows the rest of its line reversed.
// The API refuses both in every text a caller sends; letters and the command line neutralise any that reach them
// anyway (text stored before the rule, names from elsewhere). docs/product.md, "Text that cannot hide", says why.

const FSI = '\u2068'
const PDI = '\u2069'
const PDF = '\u202c'

/** Tab and line feed are the only control characters text may hold: everything else C0, DEL and C1 is refused. */
const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)
/** LRE, RLE, LRO, RLO: closed by PDF. */
const isEmbedding = (c: number): boolean => c === 0x202a || c === 0x202b || c === 0x202d || c === 0x202e
/** LRI, RLI, FSI: closed by PDI. */
const isIsolate = (c: number): boolean => c >= 0x2066 && c <= 0x2068
const isBidiControl = (c: number): boolean => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)

const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F'
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069'
/** What may stand between an opening bidirectional control and its closing one: no control, no line feed. */
const INSIDE = `[^\\u0000-\\u0008\\u000A-\\u001F\\u007F-\\u009F${BIDI}]*`

/**
 * Caller-supplied text as a JSON Schema (ECMA-262) pattern, so that the OpenAPI document says the rule: no control
 * character but tab and line feed, and explicit bidirectional controls only in pairs that close on the same line
 * and do not nest (an embedding or override closed by U+202C, an isolate by U+2069). Nested pairs are refused
 * rather than counted: a regular expression cannot count, and text that needs them is vanishingly rare (the marks
 * U+200E, U+200F and U+061C, which open nothing, are allowed and suffice for mixed-direction names).
 * textProblem() applies the same rule in code and says what breaks it.
 */
export const PLAIN_TEXT_PATTERN = `^(?:[^${CONTROLS}${BIDI}]|[\\u202A\\u202B\\u202D\\u202E]${INSIDE}\\u202C|` +
  `[\\u2066-\\u2068]${INSIDE}\\u2069)*$`

const hex = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`

/**
 * Why the text breaks PLAIN_TEXT_PATTERN's rule, naming the first offending character and its position (counted in
 * characters from 1), or null when it keeps it.
 */
export function textProblem (text: string): string | null {
  let open = -1 // the code point of the pair opened on this line, -1 when none
  let openedAt = 0
  let position = 0
  for (const char of text) {
    position++
    const c = char.codePointAt(0)!
    if (isControl(c)) {
      return `holds the control character ${hex(c)} at character ${position}; no control character other ` +
        'than tab and line feed is accepted'
    }
    if (c === 0x0a && open !== -1) return unclosed(open, openedAt)
    if (!isBidiControl(c)) continue
    if (isEmbedding(c) || isIsolate(c)) {
      if (open !== -1) {
        return `opens ${hex(c)} at character ${position} inside ${hex(open)}; bidirectional controls may not nest`
      }
      open = c
      openedAt = position
    } else if ((c === 0x202c && isEmbedding(open)) || (c === 0x2069 && isIsolate(open))) {
      open = -1
    } else {
      return `holds ${hex(c)} at character ${position}, which closes no bidirectional control opened before it ` +
        'on its line'
    }
  }
  return open === -1 ? null : unclosed(open, openedAt)
}

function unclosed (open: number, position: number): string {
  const closer = isIsolate(open) ? 'U+2069' : 'U+202C'
  return `opens ${hex(open)} at character ${position} and does not close it (with ${closer}) on its line; ` +
    'an unclosed bidirectional control reorders the text that follows it'
}

/**
 * The text with its bidirectional controls closed on every line: a closing control that closes nothing is dropped,
 * and whatever is still open at a line's end is closed there, innermost first. What it shows then cannot spill
 * over to the text that follows.
 */
export function closeBidi (text: string): string {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return text
  return text.split('\n').map(closeLine).join('\n')
}

function closeLine (line: string): string {
  const open: number[] = []
  let out = ''
  for (const char of line) {
    const c = char.codePointAt(0)!
    if (isEmbedding(c) || isIsolate(c)) open.push(c)
    else if (c === 0x202c) {
      // U+202C closes an embedding only within the current isolate (UAX #9, X7).
      if (open.length === 0 || !isEmbedding(open[open.length - 1])) continue
      open.pop()
    } else if (c === 0x2069) {
      // U+2069 closes the innermost open isolate and every embedding opened inside it (X6a).
      const at = open.findLastIndex(isIsolate)
      if (at === -1) continue
      open.length = at
    }
    out += char
  }
  return out + open.reverse().map((c) => isIsolate(c) ? PDI : PDF).join('')
}

/** Bidirectional controls and marks, and the right-to-left scripts' letters (Hebrew to NKo and beyond, their forms). */
const DIRECTIONAL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

/**
 * A caller's value for a letter: each line in an isolate of its own (FSI ... PDI, direction from its first strong
 * character), with its own bidirectional controls closed inside, so that neither its direction nor an override it
 * holds reorders the letter's words around it. Text with no bidirectional control and no right-to-left letter
 * cannot reorder anything and is answered as it is, so that letters of left-to-right text stay byte for byte what
 * they were.
 */
export function isolate (text: string): string {
  if (!DIRECTIONAL.test(text)) return text
  return closeBidi(text).split('\n').map((line) => line === '' ? line : FSI + line + PDI).join('\n')
}

/** Control characters other than tab and line feed, replaced by U+FFFD; CRLF line ends become line feeds first. */
export function replaceControls (text: string): string {
  let found = false
  for (let i = 0; i < text.length && !found; i++) found = isControl(text.charCodeAt(i))
  if (!found) return text
  let out = ''
  for (const char of text.replace(/\r\n/g, '\n')) out += isControl(char.charCodeAt(0)) ? '\ufffd' : char
  return out
}

/** Removes every bidirectional control (and mark): for output that does no bidirectional reordering at all. */
export function stripBidi (text: string): string {
  return text.replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
}

/** Invisible characters a terminal may act on or that reorder or separate lines, shown by visible(). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g
const escapeU = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' }

/**
 * Text as a terminal may print it: every control character (tab and line feed too, so that one value stays on one
 * line), DEL, and every bidirectional control and line separator written as an escape (`\x1b`, `\u202e`, `\n`).
 */
export function visible (text: string): string {
  return text.replace(INVISIBLE, (char) => {
    const c = char.charCodeAt(0)
    return NAMED[char] ?? (c < 0x100 ? `\\x${c.toString(16).padStart(2, '0')}` : escapeU(c))
  })
}

/**
 * A document (an export's CSV, JSON or XML) as a terminal may print it: as visible() shows text, but keeping tabs and
 * line ends (LF, CRLF), and writing characters from DEL up as \uXXXX (which in a JSON export means the same). A
 * document that holds none of them is printed byte for byte.
 */
export function visibleDocument (text: string): string {
  return text.replace(INVISIBLE_IN_DOCUMENT, (char) => {
    const c = char.charCodeAt(0)
    return c < 0x20 ? `\\x${c.toString(16).padStart(2, '0')}` : escapeU(c)
  })
}
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE_IN_DOCUMENT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g

/** Characters JSON.stringify leaves raw that a terminal acts on or reorders by (it escapes C0 controls itself). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/**
 * A value as one line of JSON that is safe on a terminal: the same JSON, with DEL, the C1 controls and the
 * bidirectional controls escaped as \uXXXX (they can only occur inside strings, where the escape means the same).
 */
export function terminalJson (value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(RAW_IN_JSON, (char) => escapeU(char.charCodeAt(0)))
}
