// The takedown CLI as a real child process (bin/takedown.js) against a live gateway over HTTP: verify, watch, notices and export.
import t from 'tap'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'
import { run, start } from '../helpers/cli.ts'

t.test('verify, watch, notices and export on a live gateway', async (t) => {
  const ctx = await build(t)
  const feedPolls: string[] = []
  ctx.app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/v1/events?') && request.headers['user-agent'] === 'takedown-cli') feedPolls.push(request.url)
  })
  const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const authority = await ctx.clientKey('authority')
  const env = { TAKEDOWN_URL: url, TAKEDOWN_KEY: authority }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-cli-'))
  t.teardown(async () => { await fs.rm(dir, { recursive: true, force: true }) })

  t.test('verify: a good notice exits 0, a tampered one 1, a usage error 2', async (t) => {
    const submitted = await ctx.call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: { externalRef: 'CLI-SIG', category: 'terrorism', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Propaganda.', urgency: 'urgent', items: [{ url: 'https://t.me/clisig/9', contentType: 'video' }] }
    })
    const noticeId = submitted.json().notices[0].id as string
    const online = await run(['verify', noticeId], env)
    t.equal(online.code, 0, online.stderr)
    t.match(online.stdout, /^valid: notice KZ-\d{4}-TG-\d+/)

    const signature = (await ctx.call(authority, { method: 'GET', url: `/v1/notices/${noticeId}/signature` })).json() as { jws: string }
    const jwksFile = path.join(dir, 'jwks.json')
    await fs.writeFile(jwksFile, (await ctx.call(null, { method: 'GET', url: '/.well-known/jwks.json' })).body)
    const good = path.join(dir, 'notice.json')
    await fs.writeFile(good, JSON.stringify(signature))
    const offline = await run(['verify', '--jws', good, '--jwks', jwksFile], { TAKEDOWN_URL: 'http://127.0.0.1:1' })
    t.equal(offline.code, 0, `offline: nothing fetched ${offline.stderr}`)

    // The same document with one fact changed (the deadline a day later) and the original signature.
    const [header, payload, sig] = signature.jws.split('.')
    const doc = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    doc.deadline = new Date(Date.parse(doc.deadline) + 86_400_000).toISOString()
    const tampered = path.join(dir, 'tampered.jws')
    await fs.writeFile(tampered, `${header}.${Buffer.from(JSON.stringify(doc)).toString('base64url')}.${sig}\n`)
    const refused = await run(['verify', '--jws', tampered, '--jwks', jwksFile], {})
    t.equal(refused.code, 1)
    t.match(refused.stdout, /^invalid: the signature does not match/)

    t.equal((await run(['verify'], env)).code, 2, 'neither an id nor a file')
    t.equal((await run(['verify', '--jws', path.join(dir, 'missing.jws'), '--jwks', jwksFile], env)).code, 2, 'a missing file')
    t.equal((await run(['verify', '00000000-0000-4000-8000-000000000000'], env)).code, 2, 'an unknown notice')
  })

  t.test('watch prints transitions as they happen, filtered by platform; notices lists them', async (t) => {
    const watcher = start(['watch', '--platform', 'ok', '--wait', '10'], env)
    t.teardown(() => { watcher.child.kill() })
    await eventually(async () => feedPolls.some((u) => u.includes('wait=10')))
    const submitted = await ctx.call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: { externalRef: 'CLI-WATCH', category: 'drugs', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Sale of drugs.', urgency: 'normal', items: [{ url: 'https://ok.ru/video/4242', contentType: 'video' }, { url: 'https://t.me/cliwatch/1', contentType: 'text' }] }
    })
    const okNotice = (submitted.json().notices as Array<{ id: string, platform: string }>).find((n) => n.platform === 'ok')!
    await eventually(async () => watcher.output().stdout.includes(okNotice.id))
    const printed = watcher.output().stdout.trim().split('\n')
    t.equal(printed.length, 1, 'only the ok notice, not the telegram one')
    t.match(printed[0], new RegExp(`ok  ${okNotice.id}  - -> issued  notice.created`))

    const listed = await run(['notices', '--platform', 'ok', '--json'], env)
    t.equal(listed.code, 0, listed.stderr)
    const rows = listed.stdout.trim().split('\n').map((line) => JSON.parse(line))
    t.ok(rows.length >= 1 && rows.every((n) => n.platform === 'ok'))
    t.ok(rows.some((n) => n.id === okNotice.id))

    const caughtUp = await run(['watch', '--after', '0', '--status', 'issued', '--no-follow', '--json'], env)
    t.equal(caughtUp.code, 0, caughtUp.stderr)
    t.ok(caughtUp.stdout.trim().split('\n').map((l) => JSON.parse(l)).every((e) => e.to === 'issued'))
  })

  t.test('export blocking-orders writes the register in the format asked', async (t) => {
    const csv = await run(['export', 'blocking-orders', '--format', 'csv'], env)
    t.equal(csv.code, 0, csv.stderr)
    t.match(csv.stdout, /^[a-zA-Z_,]+\r?\n/, 'a header row')
    const json = await run(['export', 'blocking-orders', '--format', 'json'], env)
    t.equal(json.code, 0)
    t.type(JSON.parse(json.stdout), 'object')
    const unauthorised = await run(['export', 'blocking-orders'], { TAKEDOWN_URL: url, TAKEDOWN_KEY: 'not-a-key-of-this-gateway-000000' })
    t.equal(unauthorised.code, 1)
    t.match(unauthorised.stderr, /takedown: 401/)
  })
})
