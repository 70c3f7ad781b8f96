// The notice e-mail against a real SMTP server on loopback (smtp-server), read back with mailparser: what a
// platform receives (letters, PDFs, a JWS the CLI verifies), threading, STARTTLS required, how refusals are
// classified, header injection, DKIM, and the file transport used when no relay is configured.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import t, { type Test } from 'tap'
import { simpleParser } from 'mailparser'
import { composeNoticeEmail, type NoticeEmailInput, type NoticeLetter } from '../../src/delivery/email.ts'
import { createMailTransport, sendEmail, type MailTransportSettings } from '../../src/delivery/email-transport.ts'
import type { NoticeLang } from '../../src/domain/notices/notice-content.ts'
import { renderNotice } from '../../src/render/notice.ts'
import { attachPayload, loadNoticeSigner } from '../../src/signing/notice-signer.ts'
import { run } from '../helpers/cli.ts'
import { loopbackCertificate, smtpServer } from '../helpers/smtp-server.ts'
import { SIGNATURE, TELEGRAM_NOTICE } from '../fixtures/notices.ts'

const content = TELEGRAM_NOTICE
const REF = content.referenceNumber
const RECIPIENT = 'notices@telegram.example.org'

async function tempDir (t: Test, prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix))
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }))
  return dir
}

// The letters as the renderer writes them and the JWS as the notice signer makes it, once for the whole file.
const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'email-key-'))
t.teardown(() => fs.rm(keyDir, { recursive: true, force: true }))
const signer = await loadNoticeSigner(undefined, keyDir)
const JWS = attachPayload(await signer.sign(content), content)
const JWKS = JSON.stringify({ keys: [signer.publicKey.jwk] })
const LETTERS: NoticeLetter[] = await Promise.all(content.languages.map(async (lang: NoticeLang) => ({
  lang,
  text: String((await renderNotice(content, 'text', lang, SIGNATURE)).body),
  html: String((await renderNotice(content, 'html', lang, SIGNATURE)).body),
  pdf: (await renderNotice(content, 'pdf', lang, SIGNATURE)).body as Buffer
})))

function notice (overrides: Partial<NoticeEmailInput> = {}): NoticeEmailInput {
  return {
    referenceNumber: REF,
    platform: { slug: 'telegram', name: 'Telegram' },
    urgency: content.urgency,
    event: 'issued',
    to: [RECIPIENT],
    from: { address: 'takedown@example.gov.kz', name: 'Takedown gateway' },
    letters: LETTERS,
    jws: JWS,
    responseUrl: 'https://gateway.example.gov.kz/respond/tok-123',
    ...overrides
  }
}

function settings (overrides: Partial<MailTransportSettings>): MailTransportSettings {
  return { SMTP_REQUIRE_TLS: 'true', SMTP_TIMEOUT_SECONDS: 5, DATA_DIR: os.tmpdir(), ...overrides }
}

async function transport (t: Test, overrides: Partial<MailTransportSettings>, ca?: string): ReturnType<typeof createMailTransport> {
  const made = await createMailTransport(settings(overrides), ca === undefined ? {} : { tls: { ca } })
  t.teardown(made.close)
  return made
}

t.test('over STARTTLS, a notice arrives with every letter, its PDFs and a JWS that takedown verify accepts', async (t) => {
  // Without openssl there is no certificate: the message is then checked over a development relay, and only
  // STARTTLS goes unchecked here (the next test still shows a relay without it gets nothing).
  const certificate = await loopbackCertificate(t)
  if (certificate === null) t.comment('no openssl to make a certificate: STARTTLS itself is not exercised here')
  const server = await smtpServer(t, certificate ?? { disabledCommands: ['STARTTLS'] })
  if (certificate !== null) {
    const untrusting = await transport(t, { SMTP_URL: server.url })
    t.match(await sendEmail(untrusting, composeNoticeEmail(notice())), { status: 'failed', retryable: true },
      'a relay whose certificate is not trusted gets nothing')
    t.equal(server.received.length, 0)
  }
  const relay = certificate === null
    ? await transport(t, { SMTP_URL: server.url, SMTP_REQUIRE_TLS: 'false' })
    : await transport(t, { SMTP_URL: server.url }, certificate.cert)
  t.equal(relay.kind, 'smtp')

  const first = composeNoticeEmail(notice())
  const outcome = await sendEmail(relay, first)
  t.match(outcome, { status: 'accepted', messageId: first.messageId, accepted: [RECIPIENT], rejected: [] })
  t.match(outcome.response, /^250 .*Queued as test-1/)
  t.equal(server.received.length, 1)
  const [got] = server.received
  t.equal(got.secure, certificate !== null, 'the session was upgraded with STARTTLS')
  t.same(got.envelope, { from: 'takedown@example.gov.kz', to: [RECIPIENT] })

  const mail = got.parsed
  t.equal(mail.subject, `[URGENT] Removal notice ${REF}`)
  t.equal(mail.messageId, `<notice.${REF}@example.gov.kz>`)
  t.equal(mail.headers.get('x-takedown-reference'), REF)
  t.equal(mail.headers.get('x-takedown-platform'), 'telegram')
  t.equal(mail.headers.get('x-takedown-urgency'), 'urgent')
  t.equal(mail.headers.get('x-takedown-event'), 'issued')
  const head = got.raw.toString('latin1').split('\r\n\r\n')[0]
  t.match(head, /^X-Priority: 1\r?$/m)
  t.match(head, /^Importance: high\r?$/m)
  t.match(got.raw.toString('latin1'), /^Content-Type: multipart\/alternative;/m, 'text with an HTML alternative')
  t.match(mail.text, /Respond to this notice: https:\/\/gateway\.example\.gov\.kz\/respond\/tok-123/)
  t.match(mail.html, /href="https:\/\/gateway\.example\.gov\.kz\/respond\/tok-123"/)
  t.ok(content.languages.length >= 2, 'the fixture is a notice in several languages')
  for (const lang of content.languages) {
    const letter = LETTERS.find((l) => l.lang === lang)!
    const heading = letter.text.split('\n')[0]
    t.ok(mail.text!.includes(heading), `the ${lang} letter is in the text body`)
    t.match(mail.html as string, new RegExp(`<section lang="${lang}">`), `the ${lang} letter is in the HTML body`)
  }
  const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf')
  t.same(pdfs.map((a) => a.filename), content.languages.map((lang) => `${REF}.${lang}.pdf`))
  for (const pdf of pdfs) t.equal(pdf.content.subarray(0, 5).toString('latin1'), '%PDF-', `${pdf.filename} is a PDF`)

  const jws = mail.attachments.find((a) => a.filename === `${REF}.jws`)
  t.equal(jws?.contentType, 'application/jose')
  const dir = await tempDir(t, 'email-jws-')
  await fs.writeFile(path.join(dir, 'notice.jws'), jws!.content)
  await fs.writeFile(path.join(dir, 'jwks.json'), JWKS)
  const verified = await run(['verify', '--jws', path.join(dir, 'notice.jws'), '--jwks', path.join(dir, 'jwks.json')])
  t.equal(verified.code, 0, verified.stdout + verified.stderr)
  t.match(verified.stdout, new RegExp(`^valid: notice ${REF}`))

  // A later step of the same notice threads onto the first message.
  const later = composeNoticeEmail(notice({ event: 'clarified', eventId: 'ev-7', summary: 'Item 1 is the video.' }))
  t.match(await sendEmail(relay, later), { status: 'accepted' })
  const reply = server.received[1].parsed
  t.equal(reply.subject, `[URGENT] Clarified: Removal notice ${REF}`)
  t.equal(reply.messageId, `<notice.${REF}.clarified.ev-7@example.gov.kz>`)
  t.equal(reply.inReplyTo, mail.messageId)
  t.same([reply.references].flat(), [mail.messageId])
  t.equal(reply.headers.get('x-takedown-event'), 'clarified')
})

t.test('STARTTLS is required: a relay without it gets nothing, unless the development setting allows it', async (t) => {
  const server = await smtpServer(t, { disabledCommands: ['STARTTLS'] })
  const strict = await transport(t, { SMTP_URL: server.url })
  const refused = await sendEmail(strict, composeNoticeEmail(notice()))
  t.match(refused, { status: 'failed', retryable: true, code: 'ETLS' })
  t.equal(server.received.length, 0, 'no message was accepted in the clear')

  const development = await transport(t, { SMTP_URL: server.url, SMTP_REQUIRE_TLS: 'false' })
  t.match(await sendEmail(development, composeNoticeEmail(notice())), { status: 'accepted' })
  t.equal(server.received.length, 1)
  t.equal(server.received[0].secure, false)
})

t.test('a refusal is classified: 451 is retried, 550 is not, a relay that is down is retried', async (t) => {
  const server = await smtpServer(t, { disabledCommands: ['STARTTLS'] })
  const relay = await transport(t, { SMTP_URL: server.url, SMTP_REQUIRE_TLS: 'false' })
  server.answer({ code: 451, text: 'Try again later' })
  t.match(await sendEmail(relay, composeNoticeEmail(notice())), {
    status: 'failed', retryable: true, responseCode: 451, response: /^451 .*Try again later/
  })
  server.answer({ code: 550, text: 'Mailbox unavailable' })
  t.match(await sendEmail(relay, composeNoticeEmail(notice())), {
    status: 'failed', retryable: false, responseCode: 550, response: /^550 .*Mailbox unavailable/
  })
  server.answer({ code: 550, text: 'x'.repeat(3000) })
  const long = await sendEmail(relay, composeNoticeEmail(notice()))
  t.ok(long.status === 'failed' && Buffer.byteLength(long.response) <= 1024, 'a long answer is kept to 1 KB')
  t.equal(server.received.length, 0)

  // A port that was just free on loopback: nothing listens there.
  const closed = net.createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => closed.close(() => resolve()))
  const down = await transport(t, { SMTP_URL: `smtp://127.0.0.1:${port}` })
  t.match(await sendEmail(down, composeNoticeEmail(notice())), { status: 'failed', retryable: true, responseCode: null })
})

t.test('a caller\'s line breaks in names reach no header: no Bcc, no extra recipient', async (t) => {
  const server = await smtpServer(t, { disabledCommands: ['STARTTLS'] })
  const relay = await transport(t, { SMTP_URL: server.url, SMTP_REQUIRE_TLS: 'false' })
  const hostile = 'x\r\nBcc: evil@example.com'
  const message = composeNoticeEmail(notice({
    platform: { slug: 'telegram', name: `Telegram${hostile}` },
    from: { address: 'takedown@example.gov.kz', name: hostile },
    event: 'withdrawn',
    eventId: 'ev-9',
    summary: `Withdrawn${hostile}\nSubject: forged`
  }))
  t.match(await sendEmail(relay, message), { status: 'accepted', accepted: [RECIPIENT] })
  const [got] = server.received
  t.same(got.envelope.to, [RECIPIENT], 'the envelope holds the one recipient')
  t.notOk(got.parsed.headers.has('bcc'))
  const head = got.raw.toString('latin1').split('\r\n\r\n')[0]
  t.notMatch(head, /^(Bcc|Subject: forged)/im, 'no header of the caller\'s')
  t.equal(head.match(/^Subject:/gim)?.length, 1)
  t.equal(got.parsed.subject, `[URGENT] Withdrawn: Removal notice ${REF}`)
  t.equal((got.parsed.from?.value ?? [])[0]?.name, 'x Bcc: evil@example.com', 'the name is shown, flattened')
  t.same(got.parsed.to && !Array.isArray(got.parsed.to) ? got.parsed.to.value.map((a) => a.address) : null, [RECIPIENT])
})

t.test('with a DKIM key, every message is signed for the configured domain and selector', async (t) => {
  const server = await smtpServer(t, { disabledCommands: ['STARTTLS'] })
  const dir = await tempDir(t, 'email-dkim-')
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const keyFile = path.join(dir, 'dkim.pem')
  await fs.writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }))
  const relay = await transport(t, {
    SMTP_URL: server.url, SMTP_REQUIRE_TLS: 'false', DKIM_DOMAIN: 'example.gov.kz', DKIM_SELECTOR: 'notices2026', DKIM_PRIVATE_KEY_FILE: keyFile
  })
  t.match(await sendEmail(relay, composeNoticeEmail(notice())), { status: 'accepted' })
  const head = server.received[0].raw.toString('latin1').split('\r\n\r\n')[0]
  const signature = /^DKIM-Signature:(.*(?:\r\n[ \t].*)*)/m.exec(head)?.[1].replace(/\r\n[ \t]+/g, ' ') ?? ''
  t.match(signature, /\bd=example\.gov\.kz;/)
  t.match(signature, /\bs=notices2026;/)
  t.match(signature, /\bh=[^;]*\bSubject\b/i, 'the subject is signed')

  await t.rejects(createMailTransport(settings({ DKIM_DOMAIN: 'example.gov.kz' })), /set together/,
    'a DKIM setting alone stops the start')
  await t.rejects(createMailTransport(settings({ SMTP_URL: 'http://127.0.0.1:25' })), /smtp:\/\/ or smtps:\/\//)
})

t.test('without SMTP_URL, each message is written as an .eml file under DATA_DIR/outbox and its path answered', async (t) => {
  const dataDir = await tempDir(t, 'email-outbox-')
  const files = await transport(t, { DATA_DIR: dataDir })
  t.equal(files.kind, 'file')
  const first = await sendEmail(files, composeNoticeEmail(notice()))
  const later = await sendEmail(files, composeNoticeEmail(notice({ event: 'withdrawn', eventId: 'ev-2' })))
  if (first.status !== 'accepted' || later.status !== 'accepted') return t.fail(`not written: ${JSON.stringify(first)}`)
  t.equal(path.dirname(first.path!), path.join(dataDir, 'outbox'))
  t.match(path.basename(first.path!), new RegExp(`^\\d{8}T\\d{6}Z-${REF}-issued-[0-9a-f]{8}\\.eml$`))
  t.match(path.basename(later.path!), new RegExp(`-${REF}-withdrawn-[0-9a-f]{8}\\.eml$`))
  t.equal(first.response, `written to ${first.path!}`)
  t.same((await fs.readdir(path.join(dataDir, 'outbox'))).sort(),
    [path.basename(first.path!), path.basename(later.path!)].sort(), 'no temporary file is left')
  const parsed = await simpleParser(await fs.readFile(first.path!))
  t.equal(parsed.subject, `[URGENT] Removal notice ${REF}`)
  t.equal(parsed.messageId, `<notice.${REF}@example.gov.kz>`)
  t.same(parsed.attachments.map((a) => a.filename), [...content.languages.map((l) => `${REF}.${l}.pdf`), `${REF}.jws`])
})
