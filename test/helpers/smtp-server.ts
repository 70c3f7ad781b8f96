// A real SMTP server on loopback for the e-mail tests (the smtp-server package): it keeps what it receives, the
// envelope as the client gave it and the message as mailparser reads it, and answers DATA as a test tells it to.
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Test } from 'tap'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export interface Received {
  /** MAIL FROM and RCPT TO as the client sent them. */
  envelope: { from: string | null, to: string[] }
  /** Whether the session had been upgraded to TLS when the message came. */
  secure: boolean
  raw: Buffer
  parsed: ParsedMail
}

export interface TestSmtpServer {
  port: number
  url: string
  received: Received[]
  /** How DATA is answered from now on: accepted, or refused with this reply code and text. */
  answer: (reply: { code: number, text: string } | null) => void
}

/** Starts a server on 127.0.0.1 (a port of its own) and closes it when the test ends. */
export async function smtpServer (t: Test, options: Partial<SMTPServerOptions> = {}): Promise<TestSmtpServer> {
  const received: Received[] = []
  let refusal: { code: number, text: string } | null = null
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    ...options,
    onData (stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refusal !== null) {
          const error = Object.assign(new Error(refusal.text), { responseCode: refusal.code })
          callback(error)
          return
        }
        const raw = Buffer.concat(chunks)
        simpleParser(raw).then((parsed) => {
          const from = session.envelope.mailFrom
          received.push({
            envelope: { from: from === false ? null : from.address, to: session.envelope.rcptTo.map((r) => r.address) },
            secure: session.secure,
            raw,
            parsed
          })
          callback(null, 'Queued as test-1')
        }, callback)
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const port = (server.server.address() as { port: number }).port
  return { port, url: `smtp://127.0.0.1:${port}`, received, answer: (reply) => { refusal = reply } }
}

const run = promisify(execFile)

/**
 * A self-signed certificate for 127.0.0.1, made with the system openssl for this run (the tests that need one skip
 * without it): the server offers STARTTLS with it, and the client trusts it as its CA.
 */
export async function loopbackCertificate (t: Test): Promise<{ key: string, cert: string } | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'smtp-tls-'))
  t.teardown(() => fs.rm(dir, { recursive: true, force: true }))
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  try {
    await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
      '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert])
  } catch {
    return null
  }
  return { key: await fs.readFile(key, 'utf8'), cert: await fs.readFile(cert, 'utf8') }
}
