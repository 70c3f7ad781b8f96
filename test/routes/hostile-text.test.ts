// Text that cannot hide (issue 19): control characters and unclosed bidirectional controls are refused in every text
// a caller sends, the field named and nothing changed; letters of text stored before the rule show it safely.
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import t, { type Test } from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { HOSTILE } from '../helpers/hostile-text.ts'
import { closeBidi, stripBidi } from '../../src/lib/text-controls.ts'

const run = promisify(execFile)
const MD5 = '0d12d4462273b533b9197f78b9aeb0d7'
// eslint-disable-next-line no-control-regex -- what a letter must never carry
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

interface Schema { type?: string | string[], pattern?: string, format?: string, enum?: unknown[], const?: unknown, [key: string]: unknown }

/** Every string schema under a schema, with the path that leads to it. */
function strings (schema: unknown, at: string, out: Array<[string, Schema]> = []): Array<[string, Schema]> {
  if (schema === null || typeof schema !== 'object') return out
  const s = schema as Schema
  if (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) out.push([at, s])
  for (const [key, inner] of Object.entries(s)) {
    if (key === 'example' || key === 'examples' || key === 'default') continue
    if (Array.isArray(inner)) inner.forEach((v, i) => strings(v, `${at}/${key}/${i}`, out))
    else strings(inner, `${at}/${key}`, out)
  }
  return out
}

t.test('hostile text in the API and the letters', async (t) => {
  const ctx = await build(t)
  const { call, pool } = ctx
  const { admin, authority, auditor, liaison: { telegram } } = await actors(ctx, 'telegram')
  const count = async (table: string): Promise<number> =>
    Number((await pool.query(`select count(*) from ${table}`)).rows[0].count)
  const refused = (t: Test, res: { statusCode: number, json: () => any, body: string }, pointer: string): void => {
    t.equal(res.statusCode, 400, res.body)
    t.equal(res.json().code, 'validation_failed')
    t.match(res.json().errors, [{ pointer, detail: /U\+[0-9A-F]{4} at character \d+/ }], `${pointer} is named`)
  }

  t.test('the OpenAPI document: every string a JSON body carries has a pattern, a format or a list of values', async (t) => {
    const document = (await call(null, { method: 'GET', url: '/openapi.json' })).json()
    let checked = 0
    for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        const body = operation?.requestBody?.content?.['application/json']?.schema
        for (const [at, s] of strings(body, `${method} ${route}`)) {
          checked++
          t.ok(s.pattern !== undefined || s.format !== undefined || s.enum !== undefined || s.const !== undefined, at)
        }
      }
    }
    t.ok(checked > 20, `${checked} strings checked`)
  })

  t.test('reports: each hostile string in each text field is refused (400, the field named), nothing stored', async (t) => {
    const before = await count('reports')
    const fields: Array<[string, (text: string) => Record<string, unknown>]> = [
      ['/statementOfReasons', (text) => reportPayload(['https://t.me/hostile/1'], { statementOfReasons: text })],
      ['/externalRef', (text) => reportPayload(['https://t.me/hostile/1'], { externalRef: text })],
      ['/items/0/evidenceRef', (text) => reportPayload([{ url: 'https://t.me/hostile/1', contentType: 'text', evidenceRef: text }])],
      ['/items/0/url', (text) => reportPayload([`https://t.me/hostile/1${text}`])]
    ]
    for (const [pointer, payload] of fields) {
      for (const [name, text] of Object.entries(HOSTILE)) {
        const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: payload(text) })
        t.test(`${pointer}: ${name}`, async (t) => refused(t, res, pointer))
      }
    }
    t.equal(await count('reports'), before, 'no report was stored')
    const fine = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: reportPayload(['https://t.me/hostile/2'], {
        statementOfReasons: 'Tabs\tand line\nfeeds stay; so do names in Arabic, محمد, and isolated ones: \u2067علي\u2069.'
      })
    })
    t.equal(fine.statusCode, 201, `tab, line feed, right-to-left letters and a closed isolate are accepted: ${fine.body}`)
  })

  t.test('transitions: a reason, a note or a detail with a control character is refused, the notice unchanged', async (t) => {
    const { id } = await issueNotice(ctx, authority, ['https://t.me/hostile/3'])
    const delivered = await call(telegram, { method: 'GET', url: `/v1/notices/${id}` })
    const etag = delivered.headers.etag as string
    const events = await count('notice_events')
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['/reason', { action: 'reject', reason: `${HOSTILE.title}${HOSTILE.clear}${HOSTILE.forged}` }],
      ['/note', { action: 'acknowledge', note: HOSTILE.csi }],
      ['/detail', { action: 'clarify', detail: HOSTILE.rlo }]
    ]
    for (const [pointer, payload] of attempts) {
      const res = await call(telegram, {
        method: 'POST', url: `/v1/notices/${id}/transitions`, payload, headers: { 'if-match': etag }
      })
      refused(t, res, pointer)
    }
    const after = await call(auditor, { method: 'GET', url: `/v1/notices/${id}` })
    t.equal(after.headers.etag, etag, 'the notice did not move')
    t.equal(await count('notice_events'), events, 'no event was recorded')
  })

  t.test('clients, platforms, legal bases and retire reasons hold to the same rule', async (t) => {
    const clients = await count('api_clients').catch(() => null)
    refused(t, await call(admin, { method: 'POST', url: '/v1/clients', payload: { name: HOSTILE.title, role: 'auditor' } }), '/name')
    if (clients !== null) t.equal(await count('api_clients'), clients, 'no client was created')
    refused(t, await call(admin, { method: 'PATCH', url: '/v1/platforms/telegram', payload: { name: HOSTILE.rlo } }), '/name')
    refused(t, await call(admin, {
      method: 'PATCH',
      url: '/v1/platforms/telegram',
      payload: { legalEntity: { name: 'Telegram FZ-LLC', country: 'AE', address: HOSTILE.forged } }
    }), '/legalEntity/address')
    const platform = (await call(admin, { method: 'GET', url: '/v1/platforms/telegram' })).json()
    t.equal(platform.name, 'Telegram', 'the platform is unchanged')
    refused(t, await call(admin, {
      method: 'POST',
      url: '/v1/legal-bases',
      payload: {
        id: 'kz-hostile-1',
        citation: 'Art. 1',
        title: { kk: 'a', ru: 'b', en: HOSTILE.vt },
        text: { kk: 'a', ru: 'b', en: 'c' }
      }
    }), '/title/en')
    refused(t, await call(admin, {
      method: 'POST', url: '/v1/hash-bank/entries/00000000-0000-4000-8000-000000000000/retire', payload: { reason: HOSTILE.ff }
    }), '/reason')
  })

  t.test('hash-list imports: a label with a control character or an unclosed override is a malformed line', async (t) => {
    const labels = [HOSTILE.rlo, 'a\u0085b', 'fine']
    const body = ['type,value,labels', ...labels.map((label) => `md5,${MD5},"${label}"`)].join('\n') + '\n'
    const res = await call(authority, {
      method: 'POST', url: '/v1/hash-bank/imports?name=hostile', payload: body, headers: { 'content-type': 'text/csv' }
    })
    t.equal(res.statusCode, 201, res.body)
    t.match(res.json(), {
      rejected: 2,
      errors: [{ line: 2, detail: /bidirectional control/ }, { line: 3, detail: /control characters/ }]
    })
  })

  t.test('letters of text stored before the rule: no control character, every override closed on its line', async (t) => {
    // Written straight into the database, as text accepted before the API refused it would be.
    const { id } = await issueNotice(ctx, authority, ['https://t.me/hostile/4'])
    const stored = `Calls for violence.${HOSTILE.title}${HOSTILE.clear}${HOSTILE.forged}${HOSTILE.backspace}` +
      `${HOSTILE.vt}${HOSTILE.ff}${HOSTILE.nel}${HOSTILE.csi} ${HOSTILE.rlo} after the override`
    const updated = await pool.query(
      'update notices set content = jsonb_set(jsonb_set(content, \'{statementOfReasons}\', to_jsonb($1::text)), ' +
      '\'{addressee,platformName}\', to_jsonb($2::text)) where id = $3',
      [stored, 'Telegram\u202e', id]
    )
    t.equal(updated.rowCount, 1)
    const document = async (format: string): Promise<{ statusCode: number, body: string, rawPayload: Buffer }> =>
      await call(auditor, { method: 'GET', url: `/v1/notices/${id}/document?format=${format}&lang=en` })
    for (const format of ['text', 'html']) {
      const res = await document(format)
      t.equal(res.statusCode, 200, format)
      t.notMatch(res.body, CONTROL, `${format}: no control character but tab and line feed`)
      const lines = res.body.split('\n')
      t.ok(lines.every((line) => closeBidi(line) === line), `${format}: every line closes what it opens`)
      t.notOk(lines.some((line) => /^\s*FAKE/.test(line)), `${format}: no forged line`)
      const read = stripBidi(res.body).replace(/\s+/g, ' ')
      t.match(read, 'ok\ufffdFAKE: notice withdrawn by authority', `${format}: the forged text is shown inline`)
      t.match(res.body, '\u2068Telegram\u202e\u202c\u2069', `${format}: the platform's override is closed in an isolate`)
      t.ok(lines.some((line) => line.startsWith('\u2068Calls for violence.') || line.includes('<p>\u2068Calls')),
        `${format}: the reason opens an isolate`)
      t.ok(lines.filter((line) => line.includes('\u202e')).length >= 2, `${format}: both overrides are there, closed`)
    }
    const pdf = await document('pdf')
    t.equal(pdf.statusCode, 200)
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hostile-pdf-'))
    t.teardown(() => fs.rm(dir, { recursive: true, force: true }))
    await fs.writeFile(path.join(dir, 'notice.pdf'), pdf.rawPayload)
    // What a reader copies out of the PDF: the text in order, the forged line inline (test/render/hostile-letters.test.ts
    // shows that no bidirectional control is drawn).
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'notice.pdf'), '-'])
    t.notMatch(stdout.replace(/\f/g, ''), CONTROL, 'pdf: no control character')
    t.notMatch(stdout, /[\u202a-\u202e\u2066-\u2069]/, 'pdf: no bidirectional control (pdfkit would draw a box)')
    const read = stdout.replace(/\s+/g, ' ')
    t.match(read, 'ok\ufffdFAKE: notice withdrawn by authority')
    t.match(read, 'Telegram moc.elgoog after the override', 'pdf: the text reads as stored, in order')
  })
})
