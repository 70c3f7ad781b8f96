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
    t.equal((await run(['verify', '--jws', good, '--checkpoint', good], env)).code, 2, 'a notice and a checkpoint')
    t.equal((await run(['verify', '--jws', path.join(dir, 'missing.jws'), '--jwks', jwksFile], env)).code, 2, 'a missing file')
    t.equal((await run(['verify', '00000000-0000-4000-8000-000000000000'], env)).code, 2, 'an unknown notice')
  })

  t.test('verify holds a JWS to its typ and its payload: a checkpoint is no notice, a notice no checkpoint', async (t) => {
    const { call } = ctx
    const admin = ctx.adminKey
    const jwksFile = path.join(dir, 'jwks-typ.json')
    await fs.writeFile(jwksFile, (await call(null, { method: 'GET', url: '/.well-known/jwks.json' })).body)
    const latest = await call(admin, { method: 'GET', url: '/v1/audit/checkpoints/latest' })
    t.equal(latest.statusCode, 200, latest.body)
    const checkpointJson = path.join(dir, 'checkpoint.json')
    await fs.writeFile(checkpointJson, latest.body)
    const checkpointJws = path.join(dir, 'checkpoint.jws')
    await fs.writeFile(checkpointJws, `${latest.json().checkpoint as string}\n`)

    for (const file of [checkpointJson, checkpointJws]) {
      const valid = await run(['verify', '--checkpoint', file, '--jwks', jwksFile], {})
      t.equal(valid.code, 0, valid.stderr)
      t.match(valid.stdout, new RegExp(`^valid: audit checkpoint at position ${latest.json().position as number} \\(hash `))
    }

    const asNotice = await run(['verify', '--jws', checkpointJws, '--jwks', jwksFile], {})
    t.equal(asNotice.code, 1, 'a checkpoint presented as a notice is invalid')
    t.match(asNotice.stdout, /^invalid: the signature is valid but the JWS is not a notice \(typ takedown-audit-checkpoint\+jws, not takedown-notice\+jws\)/)

    const submitted = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: { externalRef: 'CLI-TYP', category: 'terrorism', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Propaganda.', urgency: 'urgent', items: [{ url: 'https://t.me/clityp/9', contentType: 'video' }] }
    })
    const noticeId = submitted.json().notices[0].id as string
    const noticeFile = path.join(dir, 'typ-notice.json')
    await fs.writeFile(noticeFile, (await call(authority, { method: 'GET', url: `/v1/notices/${noticeId}/signature` })).body)
    const asCheckpoint = await run(['verify', '--checkpoint', noticeFile, '--jwks', jwksFile], {})
    t.equal(asCheckpoint.code, 2, 'the signature answer has no checkpoint member: nothing to check')
    const compact = path.join(dir, 'typ-notice.jws')
    await fs.writeFile(compact, JSON.parse(await fs.readFile(noticeFile, 'utf8')).jws)
    const compactAsCheckpoint = await run(['verify', '--checkpoint', compact, '--jwks', jwksFile], {})
    t.equal(compactAsCheckpoint.code, 1, 'a notice presented as a checkpoint is invalid')
    t.match(compactAsCheckpoint.stdout, /^invalid: the signature is valid but the JWS is not an audit checkpoint \(typ takedown-notice\+jws, not takedown-audit-checkpoint\+jws\)/)

    // Signed with the gateway's key under the notice's typ, but not a notice: the payload must say what it is.
    const forged = path.join(dir, 'not-a-notice.jws')
    await fs.writeFile(forged, await ctx.signer.signStatement('takedown-notice+jws', { position: 1, hash: null, at: '2026-01-01T00:00:00Z' }))
    const notNotice = await run(['verify', '--jws', forged, '--jwks', jwksFile], {})
    t.equal(notNotice.code, 1)
    t.match(notNotice.stdout, /^invalid: the signature is valid but the payload is not a notice \(it has no noticeId\)/)
    const wrongShape = path.join(dir, 'not-a-checkpoint.jws')
    await fs.writeFile(wrongShape, await ctx.signer.signStatement('takedown-audit-checkpoint+jws', { position: -1, at: 'x' }))
    const notCheckpoint = await run(['verify', '--checkpoint', wrongShape, '--jwks', jwksFile], {})
    t.equal(notCheckpoint.code, 1)
    t.match(notCheckpoint.stdout, /^invalid: the signature is valid but the payload is not an audit checkpoint \(it has no position\)/)
  })
})
