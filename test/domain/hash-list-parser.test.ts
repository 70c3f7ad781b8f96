// The hash-list parser (src/domain/matching/hash-list-parser.ts) reads files by the shared rules of src/domain/csv-reader.ts,
// and reads any CSV body line for line as `takedown submit` does (src/cli/submit-input.ts).
import t from 'tap'
import fc from 'fast-check'
import { parseHashList } from '../../src/domain/matching/hash-list-parser.ts'
import { planSubmission } from '../../src/cli/submit-input.ts'

const SHA = (n: number) => n.toString(16).padStart(64, '0')
const MD5 = 'ab'.repeat(16)

t.test('BOM, CRLF, blank lines and comments: skipped, and errors keep the file\'s line numbers', async (t) => {
  const csv = [
    '\ufeff# exported 2026-05-01 by the partner programme',
    '',
    'type,value,labels',
    `sha256,${SHA(1)},a`,
    '# a comment between records',
    '   ',
    'sha256,short,b',
    `md5,${MD5},"x;y"`
  ].join('\r\n') + '\r\n'
  const out = parseHashList(csv, 'csv')
  t.equal(out.fatal, null)
  t.equal(out.lines, 3, 'comments and blank lines are no lines of the list')
  t.same(out.values, [SHA(1), MD5])
  t.same(out.labels, ['a', 'x;y'])
  t.same(out.errors.map((e) => e.line), [7])
})

t.test('quoting: commas inside quotes, a stray quote spoils its own line only', async (t) => {
  const csv = [
    'type,value,labels',
    `sha256,${SHA(2)},"partner, 2026;video"`,
    `sha256,"${SHA(3)}",a"b`,
    `md5,${MD5},"unclosed`,
    `sha256,${SHA(4)},"c" d`,
    `sha256 , ${SHA(5)} , " spaced "`
  ].join('\n')
  const out = parseHashList(csv, 'csv')
  t.same(out.values, [SHA(2), SHA(5)])
  t.same(out.labels, ['partner, 2026;video', 'spaced'])
  t.match(out.errors, [
    { line: 3, detail: /quote inside unquoted field 3/ },
    { line: 4, detail: /not closed/ },
    { line: 5, detail: /text after the closing quote/ }
  ])
})

t.test('header: found after comments, matched without case or spaces; a bad one refuses the list', async (t) => {
  t.same(parseHashList(`# list\n Type , VALUE,Labels\nmd5,${MD5},\n`, 'csv').values, [MD5])
  const fatal = (csv: string) => parseHashList(csv, 'csv').fatal
  t.match(fatal(`type,value,source\nmd5,${MD5},x\n`), { line: 1, detail: /unknown column\(s\) source/ })
  t.match(fatal(`type,value,\nmd5,${MD5},\n`), { line: 1, detail: /column 3 of the header has no name/ })
  t.match(fatal('type,value,Type\n'), { line: 1, detail: /named twice/ })
  t.match(fatal('# only a comment\nvalue,labels\n'), { line: 2, detail: /must name the columns type and value/ })
  t.match(fatal('"type,value\n'), { line: 1, detail: /not valid CSV: a quoted field is not closed/ })
  t.match(fatal('\n# nothing\n'), { detail: /the list is empty/ })
  t.match(parseHashList(`type,value,labels\nmd5,${MD5}\n`, 'csv').errors, [{ line: 2, detail: 'expected 3 fields, found 2' }])
})

t.test('JSON lines: BOM, CRLF, blank lines and comments as in CSV', async (t) => {
  const out = parseHashList(`\ufeff# a list\r\n{"type":"md5","value":"${MD5}"}\r\n\r\n{"type":"md5"\r\n`, 'ndjson')
  t.equal(out.lines, 2)
  t.same(out.values, [MD5])
  t.same(out.errors, [{ line: 4, detail: 'not valid JSON' }])
})

// The same CSV body under each reader's header: the same lines are records, and a line malformed as CSV is
// malformed for the same reason in both (the hash list rejects it, `takedown submit --rejects` sets it aside).
t.test('a CSV body reads the same in a hash list and in a takedown submit file', async (t) => {
  const fragment = fc.constantFrom('a', 'b', ',', '"', '""', ' ', '#', '\t', '\r', 'ä', '\ufeff')
  const line = fc.array(fragment, { maxLength: 10 }).map((parts) => parts.join(''))
  const body = fc.tuple(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean())
    .map(([ls, crlf, bom]) => ({ text: ls.join(crlf ? '\r\n' : '\n'), bom }))
  const csvProblem = /quote|expected \d+ fields/
  t.doesNotThrow(() => fc.assert(fc.property(body, ({ text, bom }) => {
    const start = bom ? '\ufeff' : ''
    const list = parseHashList(`${start}type,value\n${text}`, 'csv')
    let plan
    try {
      plan = planSubmission('case.csv', `${start}url,contentType\n${text}`, { category: 'fraud', legalBasis: 'x', statementOfReasons: 'y' }, { setAside: true })
    } catch (error) {
      // Only a file without records is refused whole; the list then has no lines either.
      return /holds no items/.test((error as Error).message) && list.lines === 0
    }
    const items = plan.chunks.reduce((n, c) => n + c.lines.length, 0)
    if (items + plan.rejects.length !== list.lines) return false
    const listProblems = list.errors.filter((e) => csvProblem.test(e.detail)).map((e) => `${e.line} ${e.detail}`)
    const submitProblems = plan.rejects.filter((r) => csvProblem.test(r.reason) && !r.reason.startsWith('url:')).map((r) => `${r.line} ${r.reason}`)
    return JSON.stringify(listProblems) === JSON.stringify(submitProblems)
  }), { seed: 1818, numRuns: 2000 }), '2000 bodies')
})
