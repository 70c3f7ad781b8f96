// The takedown CLI as a real child process (bin/takedown.js) against a live gateway over HTTP: verify.
import t from 'tap'
import fs from 'node:fs/promises'
import path from 'node:path'
import { liveGateway, run } from '../helpers/cli.ts'

t.test('takedown verify on a live gateway', async (t) => {
  const { ctx, authority, env, dir } = await liveGateway(t)

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
    const { call } = ctx // not ctx.call(null, ...), which reads as Function.prototype.call to the linter
    await fs.writeFile(jwksFile, (await call(null, { method: 'GET', url: '/.well-known/jwks.json' })).body)
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
})
