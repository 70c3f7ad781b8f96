// How `takedown submit` reads its file and, with --rejects, sets aside offline the lines the gateway would refuse
// (src/cli/submit-input.ts, src/cli/submit.ts): no gateway needed.
import t from 'tap'
import { planSubmission, type SharedFields } from '../../src/cli/submit-input.ts'
import { formatRejects } from '../../src/cli/submit.ts'
import { recognizeUrl } from '../../src/domain/url-recognition/index.ts'
import { FACEBOOK, INSTAGRAM } from '../domain/url-recognition/cases-meta.ts'
import { LIVEJOURNAL, MAILRU, OK, VK } from '../domain/url-recognition/cases-runet.ts'
import { TELEGRAM, TIKTOK, X } from '../domain/url-recognition/cases-telegram-tiktok-x.ts'
import { LINKEDIN, YOUTUBE } from '../domain/url-recognition/cases-youtube-linkedin.ts'

const SHARED: SharedFields = { category: 'extremism', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Calls to join a banned group.' }
const SHA = 'ab'.repeat(32)
const urlsOf = (plan: ReturnType<typeof planSubmission>) => plan.chunks.flatMap((c) => c.body.items.map((i) => i.url))

const MIXED = [
  '# case 41, as exported',
  'url,contentType,sha256',
  'https://t.me/case41/1,text,', // 3
  'https://example.com/not-a-platform,text,', // 4
  'https://t.me/case41/2,video,', // 5
  'not a url,text,', // 6
  'https://www.youtube.com/,video,', // 7: a platform, but no material
  `https://vk.com/wall-1_2,text,${SHA}`, // 8
  'https://vk.com/wall-1_3,text,12345', // 9: a hash of the wrong shape
  'https://t.me/case41/3,movie,', // 10: no such content type
  'https://telegram.me/case41/1,text,', // 11: the same material as line 3
  'https://t.me/case41/4,text', // 12: a field short
  '"https://t.me/case41/5,text,', // 13: an unclosed quote
  '"https://t.me/case41/6",text,' // 14
].join('\r\n') + '\r\n'

t.test('without --rejects, a line that is no item stops the file and unrecognised URLs are sent', async (t) => {
  t.throws(() => planSubmission('case-41.csv', MIXED, SHARED), { message: 'line 12: expected 3 fields, found 2' })
  t.throws(() => planSubmission('c.csv', 'url,contentType\nhttps://t.me/a/1,text\n"https://t.me/a/2,text\n', SHARED), { message: /^line 3: a quoted field is not closed/ })
  t.throws(() => planSubmission('c.csv', 'url,category\nhttps://t.me/a/1,\n', { legalBasis: 'x', statementOfReasons: 'y' }), { message: 'line 2: no category (give a column, or a flag for all)' })
  const fixable = MIXED.split('\r\n').filter((_, i) => i + 1 !== 12 && i + 1 !== 13).join('\n')
  const plan = planSubmission('case-41.csv', fixable, SHARED)
  t.same(plan.rejects, [])
  t.same(urlsOf(plan), [3, 4, 5, 6, 7, 8, 9, 10, 11, 14].map((n) => /^"?([^",]*)/.exec(MIXED.split('\r\n')[n - 1])![1]), 'every item goes to the gateway, which refuses its report')
})

t.test('--rejects sets aside each line the gateway would refuse, with its line and reason, and plans the rest', async (t) => {
  const plan = planSubmission('case-41.csv', MIXED, SHARED, { setAside: true, chunkSize: 1000 })
  t.same(urlsOf(plan), ['https://t.me/case41/1', 'https://t.me/case41/2', 'https://vk.com/wall-1_2', 'https://t.me/case41/6'])
  t.same(plan.chunks[0].lines, [3, 5, 8, 14], 'a refused item is named by its line of the file')
  t.same(plan.rejects.map((r) => [r.line, r.reason]), [
    [4, 'url: belongs to no catalogued platform: https://example.com/not-a-platform'],
    [6, 'url: is not an http(s) URL: not a url'],
    [7, 'url: is on a catalogued platform but names no recognisable material: https://www.youtube.com/'],
    [9, 'hashes/sha256: must be 64 hexadecimal digits'],
    [10, 'contentType: must be one of text, image, video, audio, account, link, other'],
    [11, 'url: the same material as line 3: https://t.me/case41/1'],
    [12, 'expected 3 fields, found 2'],
    [13, 'a quoted field is not closed (a field cannot hold a line break)']
  ])
  t.same(plan.rejects.map((r) => r.text), [4, 6, 7, 9, 10, 11, 12, 13].map((n) => MIXED.split('\r\n')[n - 1]), 'each line as written')
})

t.test('--rejects: the same material twice is set aside within one report only, as the gateway refuses it', async (t) => {
  const csv = 'url\nhttps://t.me/dupes/1\nhttps://t.me/dupes/2\nhttps://telegram.me/dupes/2\nhttps://t.me/dupes/3\nhttps://t.me/dupes/1\n'
  const plan = planSubmission('dups.csv', csv, SHARED, { setAside: true, chunkSize: 3 })
  t.same(plan.chunks.map((c) => c.lines), [[2, 3, 5], [6]], 'line 6 repeats line 2 in another report: the gateway takes it')
  t.same(plan.rejects.map((r) => [r.line, r.reason]), [[4, 'url: the same material as line 3: https://t.me/dupes/2']])
})

t.test('--rejects agrees with the gateway\'s URL recognition on every URL of its tables', async (t) => {
  const accepted = [TELEGRAM, TIKTOK, X, FACEBOOK, INSTAGRAM, VK, OK, MAILRU, LIVEJOURNAL, YOUTUBE, LINKEDIN].flat().map(([input]) => input)
  const refused = ['https://example.com/x', 'javascript:alert(1)', 'https://user:pass@t.me/durov/1', 'https://t.me/', 'ftp://t.me/durov/1',
    'https://www.youtube.com/feed/trending', 'https://vk.com/', 'https://t.me@example.com/durov/1']
  const inputs = [...accepted, ...refused]
  // JSON lines carry every input exactly; one item a report, so no two inputs for the same material meet.
  const ndjson = inputs.map((url) => JSON.stringify({ url, contentType: 'other' })).join('\n')
  const plan = planSubmission('table.ndjson', ndjson, SHARED, { setAside: true, chunkSize: 1 })
  const setAside = new Set(plan.rejects.map((r) => r.line))
  const disagree = inputs.filter((url, i) => recognizeUrl(url).ok === setAside.has(i + 1))
  t.same(disagree, [], 'set aside exactly when recognition refuses')
  t.equal(plan.rejects.length, refused.length)
  t.ok(accepted.length > 200, `${accepted.length} recognised inputs`)
})

t.test('a file of rejects, fixed, is a file submit takes: what was set aside comes back, nothing else', async (t) => {
  for (const [name, text] of [
    ['case-41.csv', MIXED],
    ['case-41.ndjson', '{"url":"https://t.me/c/1"}\n{"url":"https://example.com/x"}\nnot json\n{"url":"https://t.me/c/2","externalRef":"OWN"}\n']
  ] as const) {
    const plan = planSubmission(name, text, SHARED, { setAside: true })
    const rejects = formatRejects(name, plan)
    t.match(rejects, /^# Lines of case-41\.\w+ that takedown submit set aside/)
    t.match(rejects, /--external-ref case-41 unless/)
    // Unfixed, every line is set aside again but a repeat of material, which is alone in this file.
    const again = planSubmission(`${name}.rejects`, rejects, SHARED, { setAside: true })
    const repeat = (r: { reason: string }) => r.reason.includes('the same material as')
    t.same(again.rejects.map((r) => [r.text, r.reason]), plan.rejects.filter((r) => !repeat(r)).map((r) => [r.text, r.reason]), `${name}: unfixed, the same lines and reasons`)
    t.same(urlsOf(again), plan.rejects.filter(repeat).map((r) => r.text.split(',')[0]), `${name}: nothing else`)
    const fixed = rejects.split('\n').map((line, i) => line.startsWith('#') || (plan.header !== null && line === plan.header) || line === ''
      ? line
      : JSON.stringify({ url: `https://t.me/fixed/${i}` }).replace(/^\{"url":"(.*)"\}$/, name.endsWith('.csv') ? '$1,text,' : '{"url":"$1"}')
    ).join('\n')
    const resubmitted = planSubmission(`${name}.rejects`, fixed, { ...SHARED, externalRef: 'case-41' }, { setAside: true })
    t.same(resubmitted.rejects, [], `${name}: fixed, nothing set aside`)
    t.equal(urlsOf(resubmitted).length, plan.rejects.length, `${name}: each fixed line is an item`)
    t.ok(resubmitted.chunks.every((c) => c.body.externalRef === 'case-41'))
  }
})

t.test('--rejects changes nothing for a file without bad lines: the same reports and Idempotency-Keys', async (t) => {
  const csv = Array.from({ length: 7 }, (_, i) => `https://t.me/keys/${i + 1},text`).join('\n')
  const plain = planSubmission('keys.csv', `url,contentType\n${csv}`, SHARED, { chunkSize: 3 })
  const aside = planSubmission('keys.csv', `url,contentType\n${csv}`, SHARED, { chunkSize: 3, setAside: true })
  t.same(aside.chunks, plain.chunks)
  t.equal(plain.chunks.length, 3)
})

t.test('a header that cannot be read stops the file, with or without --rejects', async (t) => {
  for (const setAside of [false, true]) {
    t.throws(() => planSubmission('h.csv', 'url,contentType,notes\nhttps://t.me/a/1,text,x\n', SHARED, { setAside }), { message: /^line 1: unknown column\(s\) notes: the columns are url/ })
    t.throws(() => planSubmission('h.csv', '# c\ncontentType\ntext\n', SHARED, { setAside }), { message: 'line 2: the header names no url column' })
    t.throws(() => planSubmission('h.csv', '\ufeff\n# only comments\n', SHARED, { setAside }), { message: 'the file holds no items' })
  }
  const detected = planSubmission('no-extension', '# rejects\n{"url":"https://t.me/a/1"}\n', SHARED)
  t.equal(detected.format, 'ndjson', 'the format is told from the first record, past comments')
})
