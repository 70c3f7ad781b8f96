import t from 'tap'
import {
  cdata, decisionDate, exportFilename, registerCsv, registerJson, registerXml, xmlAttribute, type Register, type RegisterEntry
} from '../../src/domain/notices/blocking-order-export.ts'
import { csvField } from '../../src/lib/csv.ts'
import { parseCsv, parseXml } from '../helpers/parse-exports.ts'

const entry = (overrides: Partial<RegisterEntry> = {}): RegisterEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  orderId: '00000000-0000-4000-8000-0000000000aa',
  includedAt: new Date('2026-03-01T10:00:00.000Z'),
  urgency: 'normal',
  blockType: 'url',
  value: 'https://t.me/chan/1',
  decision: { number: 'KZ-2026-BO-000001', decidedAt: new Date('2026-03-01T10:00:00.000Z'), org: 'Ministry' },
  liftedAt: null,
  ...overrides
})

const nasty = 'https://example.org/a?x="1",y=2&z=<b>]]>tail\r\nnext'

t.test('CSV fields are quoted exactly when RFC 4180 requires it', async (t) => {
  const cases: Array<[string | number | null, string]> = [
    ['plain', 'plain'], ['a,b', '"a,b"'], ['say "hi"', '"say ""hi"""'], ['line\nbreak', '"line\nbreak"'],
    ['cr\r', '"cr\r"'], ['', ''], [null, ''], [42, '42']
  ]
  for (const [input, expected] of cases) t.equal(csvField(input), expected, JSON.stringify(input))
})

t.test('the CSV round-trips through a strict parser', async (t) => {
  const register: Register = { updatedAt: new Date('2026-03-02T00:00:00Z'), since: null, entries: [entry({ value: nasty, decision: { number: 'N,1', decidedAt: new Date('2026-03-01T20:00:00Z'), org: 'Org "A"' } })] }
  const rows = parseCsv(registerCsv(register))
  t.same(rows[0], ['id', 'orderId', 'includedAt', 'urgency', 'blockType', 'value', 'decisionNumber', 'decisionDate', 'decisionOrg', 'liftedAt'])
  t.same(rows[1], [entry().id, entry().orderId, '2026-03-01T10:00:00.000Z', 'normal', 'url', nasty, 'N,1', '2026-03-02', 'Org "A"', ''])
  t.equal(rows.length, 2)
})

t.test('decision dates follow the issuing country\'s calendar (UTC+5)', async (t) => {
  t.equal(decisionDate(new Date('2026-03-01T18:59:59Z')), '2026-03-01')
  t.equal(decisionDate(new Date('2026-03-01T19:00:00Z')), '2026-03-02')
})

t.test('CDATA never breaks on its own terminator, and attributes escape what they must', async (t) => {
  t.equal(cdata('a]]>b'), '<![CDATA[a]]]]><![CDATA[>b]]>')
  t.equal(cdata('x\u0001y'), '<![CDATA[x%01y]]>', 'a character XML cannot carry is percent-encoded in a URL')
  t.equal(xmlAttribute('a&b<c>"d\'\te\n'), 'a&#38;b&#60;c&#62;&#34;d\'&#9;e&#10;')
  t.equal(xmlAttribute('bad\u0000\uD800'), 'bad\uFFFD\uFFFD')
})

t.test('the XML is well-formed and gives back every value exactly', async (t) => {
  const register: Register = {
    updatedAt: new Date('2026-03-05T00:00:00Z'),
    since: new Date('2026-03-01T00:00:00Z'),
    entries: [
      entry({ value: nasty, urgency: 'urgent', decision: { number: 'KZ-2026-BO-000001', decidedAt: new Date('2026-03-01T10:00:00Z'), org: 'Ministry "of" <Culture> & Information' } }),
      entry({ id: '00000000-0000-4000-8000-000000000002', blockType: 'domain', value: 'bad.example', liftedAt: new Date('2026-03-04T00:00:00Z') }),
      entry({ id: '00000000-0000-4000-8000-000000000003', blockType: 'ip', value: '192.0.2.1' })
    ]
  }
  const root = parseXml(registerXml(register))
  t.equal(root.name, 'register')
  t.same(root.attributes, { updateTime: '2026-03-05T00:00:00.000Z', since: '2026-03-01T00:00:00.000Z', formatVersion: '1.0' })
  t.equal(root.children.length, 3)
  const [first, second, third] = root.children
  t.same(first.attributes, { id: entry().id, orderId: entry().orderId, includeTime: '2026-03-01T10:00:00.000Z', urgencyType: '1', blockType: 'url' })
  t.same(first.children[0].attributes, { date: '2026-03-01', number: 'KZ-2026-BO-000001', org: 'Ministry "of" <Culture> & Information' })
  t.equal(first.children[1].name, 'url')
  t.equal(first.children[1].text, nasty.replace('\r\n', '%0D%0A'), 'the URL survives CDATA splitting intact; line breaks are percent-encoded')
  t.equal(second.attributes.liftTime, '2026-03-04T00:00:00.000Z')
  t.equal(second.attributes.urgencyType, '0')
  t.equal(second.children[1].name, 'domain')
  t.equal(second.children[1].text, 'bad.example')
  t.equal(third.children[1].name, 'ip')
  t.equal(third.children[1].text, '192.0.2.1')
})

t.test('an empty register is still a valid document in each format', async (t) => {
  const empty: Register = { updatedAt: null, since: null, entries: [] }
  t.same(parseXml(registerXml(empty)).attributes, { formatVersion: '1.0' })
  t.same(parseCsv(registerCsv(empty)).length, 1)
  t.same(registerJson(empty), { updatedAt: null, since: null, entries: [] })
  t.equal(exportFilename(empty, 'csv'), 'blocking-register-empty.csv')
  t.equal(exportFilename({ ...empty, updatedAt: new Date('2026-03-05T01:02:03.456Z'), since: new Date() }, 'xml'), 'blocking-register-20260305T010203Z-delta.xml')
})
