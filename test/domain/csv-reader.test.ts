// The one reader of line-based files (src/domain/csv-reader.ts): its rules, case by case.
import t from 'tap'
import fc from 'fast-check'
import { columnKey, csvFields, csvHeader, recordLines } from '../../src/domain/csv-reader.ts'

const lines = (text: string) => [...recordLines(text)].map((l) => [l.line, l.text])

t.test('record lines: BOM, LF and CRLF, blank lines and comments skipped but counted', async (t) => {
  const cases: Array<[string, string, Array<[number, string]>]> = [
    ['empty', '', []],
    ['one line without an end', 'a,b', [[1, 'a,b']]],
    ['BOM dropped', '\ufeffa,b\n', [[1, 'a,b']]],
    ['CRLF', 'a\r\nb\r\n', [[1, 'a'], [2, 'b']]],
    ['mixed line ends', 'a\nb\r\nc', [[1, 'a'], [2, 'b'], [3, 'c']]],
    ['blank lines and spaces only', '\n  \na\n\t\n\nb\n', [[3, 'a'], [6, 'b']]],
    ['comments', '# a comment\na\n  # indented comment\n#\nb # not a comment\n', [[2, 'a'], [5, 'b # not a comment']]],
    ['a CR inside a line is kept', 'a\rb\n', [[1, 'a\rb']]],
    ['BOM then comment', '\ufeff# c\r\nx\r\n', [[2, 'x']]]
  ]
  for (const [name, text, expected] of cases) t.same(lines(text), expected, name)
})

t.test('CSV fields: trimmed, quoted fields hold commas and doubled quotes', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['a,b,c', ['a', 'b', 'c']],
    [' a , b ,c ', ['a', 'b', 'c']],
    ['a,,', ['a', '', '']],
    ['', ['']],
    ['"a,b",c', ['a,b', 'c']],
    ['a,"b ""x"" c"', ['a', 'b "x" c']],
    ['  "q" , r', ['q', 'r']],
    ['"",x', ['', 'x']],
    ['x,""', ['x', '']],
    ['"a;b",', ['a;b', '']],
    ['""""', ['"']]
  ]
  for (const [line, expected] of cases) t.same(csvFields(line), expected, line)
})

t.test('CSV fields: a stray quote makes its line malformed', async (t) => {
  const cases: Array<[string, RegExp]> = [
    ['"a,b', /not closed/],
    ['a,"b', /not closed/],
    ['a"b,c', /quote inside unquoted field 1/],
    ['a,b"', /quote inside unquoted field 2/],
    ['"a"b,c', /text after the closing quote of field 1/],
    ['"a" "b"', /text after the closing quote/]
  ]
  for (const [line, problem] of cases) t.match(csvFields(line), problem, line)
})

t.test('CSV fields: a quoted field gives back what was quoted', async (t) => {
  const cell = fc.string().filter((s) => s === s.trim() && !s.includes('\n'))
  t.doesNotThrow(() => fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
    const line = cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')
    const back = csvFields(line)
    return Array.isArray(back) && back.length === cells.length && back.every((c, i) => c === cells[i])
  }), { seed: 18, numRuns: 500 }), '500 lines')
})

t.test('header: names matched without case, spaces, - and _; unknown, empty and doubled names refused', async (t) => {
  const names: Record<string, string> = { url: 'url', contenttype: 'contentType', reasons: 'statementOfReasons', statementofreasons: 'statementOfReasons' }
  const nameOf = (key: string) => names[key]
  t.equal(columnKey(' Content-Type '), 'contenttype')
  t.equal(columnKey('content_type'), 'contenttype')
  t.same(csvHeader(['URL', 'Content Type'], nameOf, 'url, contentType'), ['url', 'contentType'])
  t.same(csvHeader(['contentType', 'url'], nameOf, 'x'), ['contentType', 'url'], 'in the file\'s order')
  t.equal(csvHeader(['url', 'notes', 'Analyst'], nameOf, 'the columns are url, contentType'), 'unknown column(s) notes, Analyst: the columns are url, contentType')
  t.equal(csvHeader(['url', ''], nameOf, 'x'), 'column 2 of the header has no name')
  t.equal(csvHeader(['reasons', 'url', 'statement of reasons'], nameOf, 'x'), 'the column statementOfReasons is named twice in the header')
})
