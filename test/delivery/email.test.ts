// The notice e-mail as composed, before any server sees it: subject, routing headers, threading, both bodies, and
// the refusal or neutralisation of every caller value that could reach a header. email-smtp.test.ts sends it.
import t from 'tap'
import {
  composeNoticeEmail, EmailInputError, noticeMessageId, type NoticeEmailInput, type NoticeLetter
} from '../../src/delivery/email.ts'
import { RESPONSE_LIMIT_BYTES, truncate } from '../../src/delivery/email-transport.ts'

const REF = 'KZ-2026-TG-000123'
// A JWS's shape only: the SMTP test signs a real one.
const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2lnbmF0dXJl'

function letter (lang: NoticeLetter['lang'], words: string): NoticeLetter {
  return {
    lang,
    text: `${words}\r\nsecond line\n`,
    html: `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<style>main{color:#111}</style>\n</head>\n<body>\n` +
      `<main><h1>${words}</h1></main>\n</body>\n</html>\n`,
    pdf: Buffer.from(`%PDF-1.7 ${lang}`)
  }
}

function input (overrides: Partial<NoticeEmailInput> = {}): NoticeEmailInput {
  return {
    referenceNumber: REF,
    platform: { slug: 'telegram', name: 'Telegram' },
    urgency: 'normal',
    event: 'issued',
    to: ['notices@telegram.example.org'],
    from: { address: 'takedown@example.gov.kz', name: 'Takedown gateway' },
    letters: [letter('en', 'Removal notice'), letter('ru', 'Требование об удалении'), letter('kk', 'Жою туралы талап')],
    jws: JWS,
    ...overrides
  }
}

t.test('the first message: subject, Message-ID from the notice, routing headers, no thread', async (t) => {
  const { mail, messageId } = composeNoticeEmail(input())
  t.equal(mail.subject, `Removal notice ${REF}`)
  t.equal(messageId, `<notice.${REF}@example.gov.kz>`)
  t.equal(mail.messageId, messageId)
  t.equal(mail.inReplyTo, undefined)
  t.equal(mail.references, undefined)
  t.match(mail.headers, {
    'X-Takedown-Reference': REF,
    'X-Takedown-Platform': 'telegram',
    'X-Takedown-Urgency': 'normal',
    'X-Takedown-Event': 'issued',
    'X-Takedown-Languages': 'en, ru, kk',
    'Auto-Submitted': 'auto-generated'
  })
  t.notOk('Priority' in mail.headers || 'X-Priority' in mail.headers || 'Importance' in mail.headers,
    'a normal notice is not marked urgent')
  t.same(mail.envelope, { from: 'takedown@example.gov.kz', to: ['notices@telegram.example.org'] })
})

t.test('an urgent notice says so in the subject and the priority headers; a re-upload notice too', async (t) => {
  const urgent = composeNoticeEmail(input({ urgency: 'urgent' })).mail
  t.equal(urgent.subject, `[URGENT] Removal notice ${REF}`)
  t.match(urgent.headers, { 'X-Takedown-Urgency': 'urgent', Priority: 'urgent', Importance: 'high', 'X-Priority': '1' })
  const reupload = composeNoticeEmail(input({ urgency: 'urgent', event: 'reupload' }))
  t.equal(reupload.mail.subject, `[URGENT] Re-upload: Removal notice ${REF}`)
  t.equal(reupload.messageId, `<notice.${REF}@example.gov.kz>`, 'a re-upload notice\'s first message starts its thread')
  t.match(reupload.mail.text, /uploaded again/)
})

t.test('later messages thread on the first, each with a Message-ID of its own that a retry keeps', async (t) => {
  const first = noticeMessageId(REF, 'example.gov.kz')
  const clarified = composeNoticeEmail(input({ event: 'clarified', eventId: 'ev-41', summary: 'Item 2 is the reel.' }))
  t.equal(clarified.mail.subject, `Clarified: Removal notice ${REF}`)
  t.equal(clarified.messageId, `<notice.${REF}.clarified.ev-41@example.gov.kz>`)
  t.equal(clarified.mail.inReplyTo, first)
  t.equal(clarified.mail.references, first)
  t.match(clarified.mail.text, /Clarification: Item 2 is the reel\./)
  t.equal(composeNoticeEmail(input({ event: 'clarified', eventId: 'ev-41' })).messageId, clarified.messageId,
    'the same event composes the same Message-ID')
  const withdrawn = composeNoticeEmail(input({ event: 'withdrawn', eventId: 'ev-42', summary: 'Issued in error.' }))
  t.equal(withdrawn.mail.subject, `Withdrawn: Removal notice ${REF}`)
  t.not(withdrawn.messageId, clarified.messageId)
  t.equal(withdrawn.mail.inReplyTo, first)
  t.match(withdrawn.mail.text, /Reason: Issued in error\./)
  t.equal(composeNoticeEmail(input({ event: 'escalated', eventId: 'ev-43', urgency: 'urgent' })).mail.subject,
    `[URGENT] Escalated: Removal notice ${REF}`)
  t.throws(() => composeNoticeEmail(input({ event: 'withdrawn' })), EmailInputError, 'a later message needs its event')
  t.throws(() => composeNoticeEmail(input({ event: 'withdrawn', eventId: 'a>b' })), EmailInputError)
})

t.test('both bodies hold every letter, the first language first; the PDFs and the JWS are attached', async (t) => {
  const { mail } = composeNoticeEmail(input({ responseUrl: 'https://gateway.example.gov.kz/respond/abc?t=1&u=2' }))
  const text = mail.text as string
  const [en, ru, kk] = ['Removal notice\nsecond line', 'Требование об удалении', 'Жою туралы талап'].map((s) => text.indexOf(s))
  t.ok(en > 0 && en < ru && ru < kk, 'en, ru, kk in order')
  t.match(text, /={72}\nРусский \(ru\)\n={72}/)
  t.notMatch(text, /\r/, 'line ends are the body\'s own')
  t.match(text, /Respond to this notice: https:\/\/gateway\.example\.gov\.kz\/respond\/abc\?t=1&u=2/)
  const html = mail.html as string
  t.match(html, /<section lang="en">\n<main><h1>Removal notice<\/h1><\/main>\n<\/section>/)
  t.ok(html.indexOf('<section lang="ru">') < html.indexOf('<section lang="kk">'))
  t.equal(html.match(/<body/g)?.length, 1, 'one document')
  t.match(html, /<style>main\{color:#111\}<\/style>/, 'the letters\' styles')
  t.match(html, /<a href="https:\/\/gateway\.example\.gov\.kz\/respond\/abc\?t=1&amp;u=2">/)
  t.same((mail.attachments as Array<{ filename: string, contentType: string }>).map((a) => [a.filename, a.contentType]), [
    [`${REF}.en.pdf`, 'application/pdf'], [`${REF}.ru.pdf`, 'application/pdf'], [`${REF}.kk.pdf`, 'application/pdf'],
    [`${REF}.jws`, 'application/jose']
  ])
  t.equal(mail.disableFileAccess, true)
  t.equal(mail.disableUrlAccess, true)
})

t.test('a caller\'s summary is text: escaped in HTML, its control characters neutralised', async (t) => {
  const summary = '</p><script>alert(1)</script> & "x"\r\nBcc: evil@example.com\u001b[2J'
  const { mail } = composeNoticeEmail(input({ event: 'withdrawn', eventId: 'e1', summary }))
  t.notMatch(mail.html as string, /<script>/)
  t.match(mail.html as string, /&lt;\/p&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; &quot;x&quot;/)
  t.match(mail.text as string, /Reason: <\/p><script>alert\(1\)<\/script> & "x"\nBcc: evil@example\.com\ufffd\[2J/)
  t.notMatch(mail.subject as string, /Bcc|evil/, 'the summary is never in the subject')
})

const HOSTILE = 'x\r\nBcc: evil@example.com'

t.test('values that reach a header: names are neutralised, everything else with a line break is refused', async (t) => {
  const { mail } = composeNoticeEmail(input({
    platform: { slug: 'telegram', name: `Telegram${HOSTILE}` },
    from: { address: 'takedown@example.gov.kz', name: `${HOSTILE}\u0000\u001b[2J\u0085end` }
  }))
  t.same(mail.from, { name: 'x Bcc: evil@example.com [2J end', address: 'takedown@example.gov.kz' })
  t.same(mail.to, [{ name: 'Telegramx Bcc: evil@example.com', address: 'notices@telegram.example.org' }])
  t.same(mail.envelope, { from: 'takedown@example.gov.kz', to: ['notices@telegram.example.org'] })

  const refused: Array<[string, Partial<NoticeEmailInput>]> = [
    ['reference', { referenceNumber: `${REF}${HOSTILE}` }],
    ['platform slug', { platform: { slug: `telegram${HOSTILE}` as 'telegram', name: 'Telegram' } }],
    ['recipient', { to: [`notices@telegram.example.org${HOSTILE}`] }],
    ['recipient list in one string', { to: ['a@example.org, evil@example.com'] }],
    ['recipient with a display name', { to: ['Evil <evil@example.com>'] }],
    ['sender', { from: { address: `takedown@example.gov.kz${HOSTILE}`, name: 'x' } }],
    ['event id', { event: 'clarified', eventId: `e1${HOSTILE}` }],
    ['response URL', { responseUrl: `https://gateway.example.gov.kz/r/1${HOSTILE}` }],
    ['response URL scheme', { responseUrl: 'javascript:alert(1)' }],
    ['JWS', { jws: `${JWS}${HOSTILE}` }],
    ['detached JWS', { jws: 'eyJhbGciOiJFZERTQSJ9..c2ln' }],
    ['no recipient', { to: [] }],
    ['no letter', { letters: [] }],
    ['a letter twice', { letters: [letter('en', 'a'), letter('en', 'b')] }],
    ['a PDF that is not one', { letters: [{ ...letter('en', 'a'), pdf: Buffer.from('<html>') }] }],
    ['an HTML letter that is no document', { letters: [{ ...letter('en', 'a'), html: '<p>a</p>' }] }]
  ]
  for (const [what, overrides] of refused) {
    t.throws(() => composeNoticeEmail(input(overrides)), EmailInputError, what)
  }
})

t.test('a relay\'s answer is kept to 1 KB, cut between characters', async (t) => {
  t.equal(truncate('250 OK'), '250 OK')
  const long = truncate(`550 ${'й'.repeat(1000)}`)
  t.ok(Buffer.byteLength(long) <= RESPONSE_LIMIT_BYTES)
  t.ok(Buffer.byteLength(long) >= RESPONSE_LIMIT_BYTES - 1)
  t.notMatch(long, /\ufffd/, 'no character cut in half')
})
