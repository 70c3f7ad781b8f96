import t from 'tap'
import fc from 'fast-check'
import { canonicalJson } from '../../src/domain/canonical-json.ts'

t.test('RFC 8785 section 3.2.2: numbers, strings and literals serialise as ECMAScript does', async (t) => {
  const input = JSON.parse('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}')
  t.equal(canonicalJson(input), '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}')
})

t.test('RFC 8785 section 3.2.3: members are sorted by UTF-16 code units', async (t) => {
  const input = JSON.parse('{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control", "\\u00f6": "Latin Small Letter O With Diaeresis"}')
  const sorted: Array<[string, string]> = [
    ['\r', 'Carriage Return'], ['1', 'One'], ['\u0080', 'Control'], ['\u00f6', 'Latin Small Letter O With Diaeresis'],
    ['\u20ac', 'Euro Sign'], ['\ud83d\ude00', 'Emoji: Grinning Face'], ['\ufb33', 'Hebrew Letter Dalet With Dagesh']
  ]
  t.equal(canonicalJson(input), '{' + sorted.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',') + '}')
})

t.test('undefined members are left out, undefined in arrays is null, dates are ISO strings', async (t) => {
  t.equal(canonicalJson({ b: undefined, a: [undefined, 1], c: new Date(0) }), '{"a":[null,1],"c":"1970-01-01T00:00:00.000Z"}')
  t.throws(() => canonicalJson({ n: Number.NaN }), TypeError)
  t.throws(() => canonicalJson(10n), TypeError)
})

t.test('canonical JSON parses back to the same value and does not depend on member order', async (t) => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    const text = canonicalJson(value)
    const reversed = JSON.parse(JSON.stringify(value), (_key, v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).reverse())
      : v)
    return canonicalJson(JSON.parse(text)) === text && canonicalJson(reversed) === text
  }), { numRuns: 500 })
})
