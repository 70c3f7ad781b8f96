import t from 'tap'
import fc from 'fast-check'
import { csvDocument, csvField, type CsvValue } from '../../src/lib/csv.ts'
import { parseCsv } from '../helpers/parse-exports.ts'

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r']

t.test('text a spreadsheet would run as a formula gets a leading quote', async (t) => {
  const cases: Array<[CsvValue, string]> = [
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+7 701 000 0000', '\'+7 701 000 0000'],
    ['-2+3', '\'-2+3'],
    ['@SUM(A1:A2)', '\'@SUM(A1:A2)'],
    ['\t=1', '\'\t=1'],
    ['\r=1', '"\'\r=1"'],
    ['a=b', 'a=b'],
    ['\'quoted', '\'quoted'],
    [-3, '-3'],
    [-0.25, '-0.25'],
    [true, 'true']
  ]
  for (const [input, expected] of cases) t.equal(csvField(input), expected, JSON.stringify(input))
})

t.test('read back, every text cell is what was written, with a quote before a formula start', async (t) => {
  const cell = fc.oneof(fc.string(), fc.constantFrom(...FORMULA_START).chain((c) => fc.string().map((s) => c + s)))
  t.doesNotThrow(() => fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
    const [back] = parseCsv(csvDocument(cells.map((_, i) => `c${i}`), [cells])).slice(1)
    return back.every((read, i) => read === (FORMULA_START.includes(cells[i][0]) ? `'${cells[i]}` : cells[i]) &&
      !FORMULA_START.includes(read[0]))
  }), { seed: 19, numRuns: 1000 }), '1000 rows')
})

t.test('numbers are written as they are, negative ones included', async (t) => {
  t.doesNotThrow(() => fc.assert(fc.property(fc.double({ noNaN: true }), fc.integer(), (real, whole) => {
    return csvField(real) === String(real) && csvField(whole) === String(whole)
  }), { seed: 19, numRuns: 500 }))
})
