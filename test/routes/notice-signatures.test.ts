import t from 'tap'
import crypto from 'node:crypto'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, type ReportItem } from '../fixtures/reports.ts'

const report = (items: ReportItem[]) => reportPayload(items, {
  externalRef: 'CASE-SIG-1',
  // Characters a canonicaliser has to get right: quotes, a backslash, a control character, non-ASCII and an emoji.
  statementOfReasons: 'He wrote "kill" \\ twice;\ta tab, «кавычки», қазақша, 😀 and </script>.'
})

// An RFC 8785 (JCS) canonicaliser of its own, so the test does not trust the code it checks. Members sort by
// UTF-16 code units; strings and numbers serialise as ECMAScript's JSON.stringify does.
function jcs (value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`
  const keys = Object.keys(value).sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = a.charCodeAt(i) - b.charCodeAt(i)
      if (d !== 0) return d
    }
    return a.length - b.length
  })
  return `{${keys.map((k) => `${JSON.stringify(k)}:${jcs((value as Record<string, unknown>)[k])}`).join(',')}}`
}

interface Jwk extends crypto.JsonWebKey { kty: string, crv: string, x: string, kid: string, alg: string, use: string }

/** Verifies a compact JWS against a JWK Set with nothing but node:crypto; returns the payload or why it failed. */
function verifyJws (jws: string, keys: Jwk[]): { ok: true, header: Record<string, unknown>, payload: string } | { ok: false, reason: string } {
  const parts = jws.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'not three parts' }
  const [h, p, s] = parts
  let header: Record<string, unknown>
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'header is not JSON' }
  }
  if (header.alg !== 'EdDSA') return { ok: false, reason: `alg ${String(header.alg)}` }
  const jwk = keys.find((k) => k.kid === header.kid)
  if (!jwk) return { ok: false, reason: `no key ${String(header.kid)}` }
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' })
  const valid = crypto.verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))
  return valid ? { ok: true, header, payload: Buffer.from(p, 'base64url').toString('utf8') } : { ok: false, reason: 'bad signature' }
}

/** Flips one bit of the character at index i of a base64url segment, keeping it a base64url character. */
function tamper (segment: string, i: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const c = alphabet.indexOf(segment[i])
  return segment.slice(0, i) + alphabet[c ^ 1] + segment.slice(i + 1)
}

t.test('notice signatures', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor, liaison: { vk: liaison } } = await actors(ctx, 'vk')

  const submitted = await call(authority, {
    method: 'POST',
    url: '/v1/reports',
    payload: report([
      { url: 'https://t.me/somechannel/123', contentType: 'text' },
      { url: 'https://vk.com/wall-1_2', contentType: 'text' }
    ])
  })
  t.equal(submitted.statusCode, 201, submitted.body)
  const notices = submitted.json().notices as Array<{ id: string, platform: string, referenceNumber: string }>
  const jwks = async () => {
    const res = await call(null, { method: 'GET', url: '/.well-known/jwks.json' })
    return res.json().keys as Jwk[]
  }

  t.test('the JWKS needs no credentials and publishes the signing key', async (t) => {
    const res = await call(null, { method: 'GET', url: '/.well-known/jwks.json' })
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^application\/json/)
    t.match(res.headers['cache-control'], /public/)
    const { keys } = res.json()
    t.equal(keys.length, 1)
    t.match(keys[0], { kty: 'OKP', crv: 'Ed25519', x: /^[A-Za-z0-9_-]{43}$/, kid: ctx.signer.kid, alg: 'EdDSA', use: 'sig' })
    t.notOk('d' in keys[0], 'no private part')
    const withKey = await call(auditor, { method: 'GET', url: '/.well-known/jwks.json' })
    t.equal(withKey.statusCode, 200, 'a key does no harm either')
  })

  t.test('every notice\'s JWS verifies independently and covers the canonical JSON of its document', async (t) => {
    const keys = await jwks()
    for (const notice of notices) {
      const res = await call(auditor, { method: 'GET', url: `/v1/notices/${notice.id}/signature` })
      t.equal(res.statusCode, 200)
      const sig = res.json()
      t.match(sig, { jws: /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, keyId: ctx.signer.kid, algorithm: 'EdDSA', jwksUri: '/.well-known/jwks.json' })
      const [header, , signature] = sig.jws.split('.')
      const fingerprint = crypto.createHash('sha256').update(`${header}..${signature}`).digest('hex').slice(0, 32).toUpperCase().match(/.{4}/g)!.join(' ')
      t.equal(sig.fingerprint, fingerprint, 'the fingerprint is the SHA-256 of the detached JWS')
      const view = (await call(auditor, { method: 'GET', url: `/v1/notices/${notice.id}` })).json()
      t.equal(view.signature.fingerprint, fingerprint)
      t.equal(view.signature.keyId, sig.keyId)

      const verified = verifyJws(sig.jws, keys)
      t.ok(verified.ok, `${notice.referenceNumber} verifies`)
      if (!verified.ok) continue
      t.same(verified.header, { alg: 'EdDSA', kid: ctx.signer.kid, typ: 'takedown-notice+jws' })
      const documentRes = await call(auditor, { method: 'GET', url: `/v1/notices/${notice.id}/document?format=json` })
      const canonical = jcs(documentRes.json())
      t.equal(verified.payload, canonical, 'the payload is the RFC 8785 form of the document')
      t.notMatch(verified.payload, /\n|": |, "/, 'no whitespace between tokens')
      t.same(JSON.parse(verified.payload), documentRes.json())
      t.match(JSON.parse(verified.payload), { noticeId: notice.id, referenceNumber: notice.referenceNumber })
    }
  })

  t.test('changing one byte of the payload or of the signature breaks verification', async (t) => {
    const keys = await jwks()
    const { jws } = (await call(auditor, { method: 'GET', url: `/v1/notices/${notices[0].id}/signature` })).json()
    const [h, p, s] = jws.split('.')
    t.ok(verifyJws(jws, keys).ok)
    for (const i of [0, Math.floor(p.length / 2), p.length - 2]) {
      t.same(verifyJws(`${h}.${tamper(p, i)}.${s}`, keys), { ok: false, reason: 'bad signature' }, `payload changed at ${i}`)
    }
    for (const i of [0, Math.floor(s.length / 2)]) {
      t.same(verifyJws(`${h}.${p}.${tamper(s, i)}`, keys), { ok: false, reason: 'bad signature' }, `signature changed at ${i}`)
    }
    // A payload with one byte changed, re-encoded: the semantic change a forger would make.
    const decoded = Buffer.from(p, 'base64url')
    const at = decoded.indexOf('KZ-')
    decoded[at + 1] = 'Y'.charCodeAt(0)
    t.same(verifyJws(`${h}.${decoded.toString('base64url')}.${s}`, keys), { ok: false, reason: 'bad signature' }, 'a changed reference number')
    // Another header (say, a different kid) points at no key or at the wrong one.
    const otherHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'nobody', typ: 'takedown-notice+jws' })).toString('base64url')
    t.same(verifyJws(`${otherHeader}.${p}.${s}`, keys), { ok: false, reason: 'no key nobody' })
    const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', kid: ctx.signer.kid })).toString('base64url')
    t.same(verifyJws(`${noneHeader}.${p}.${s}`, keys), { ok: false, reason: 'alg none' })
  })

  t.test('the independent canonicaliser agrees with RFC 8785 on its own examples', async (t) => {
    t.equal(jcs({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.1, x: -0 } }), '{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.1,"z":1e+21}}')
    // Sorting is by UTF-16 code units, not by code points or locale: U+1F600 (surrogates D83D…) sorts before U+FB33.
    t.equal(jcs({ דּ: 1, '😀': 2, a: 3, B: 4 }), '{"B":4,"a":3,"😀":2,"\uFB33":1}')
    t.equal(jcs('\u0007"\\'), '"\\u0007\\"\\\\"')
  })

  t.test('old keys stay in the JWKS, so notices they signed stay verifiable', async (t) => {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519')
    const jwk = publicKey.export({ format: 'jwk' }) as { kty: string, crv: string, x: string }
    const oldKid = 'earlier-key-' + crypto.randomBytes(4).toString('hex')
    await ctx.pool.query(
      "insert into signing_keys (kid, public_jwk, created_at) values ($1, $2, now() - interval '400 days')",
      [oldKid, { ...jwk, kid: oldKid, alg: 'EdDSA', use: 'sig' }])
    const keys = await jwks()
    t.same(keys.map((k) => k.kid).sort(), [oldKid, ctx.signer.kid].sort(), 'both the earlier and the current key')
    // A document signed by the earlier key verifies through the published set.
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: oldKid, typ: 'takedown-notice+jws' })).toString('base64url')
    const payload = Buffer.from(jcs({ referenceNumber: 'KZ-2025-TG-000001' })).toString('base64url')
    const oldJws = `${header}.${payload}.${crypto.sign(null, Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`
    t.ok(verifyJws(oldJws, keys).ok, 'a notice signed by the earlier key')
    // The current key's notices still verify, and with the current key only.
    const { jws } = (await call(auditor, { method: 'GET', url: `/v1/notices/${notices[0].id}/signature` })).json()
    t.ok(verifyJws(jws, keys).ok)
    const [h, p, s] = jws.split('.')
    const swapped = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(h, 'base64url').toString()), kid: oldKid })).toString('base64url')
    t.notOk(verifyJws(`${swapped}.${p}.${s}`, keys).ok, 'the earlier key does not verify the current key\'s signatures')
    // New notices keep being signed by the current key.
    const next = await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: 'https://t.me/somechannel/200', contentType: 'text' }]) })
    const sig = (await call(auditor, { method: 'GET', url: `/v1/notices/${next.json().notices[0].id}/signature` })).json()
    t.equal(sig.keyId, ctx.signer.kid)
    t.ok(verifyJws(sig.jws, await jwks()).ok)
  })

  t.test('signatures are scoped like notices', async (t) => {
    const tg = notices.find((n) => n.platform === 'telegram')!
    const vk = notices.find((n) => n.platform === 'vk')!
    t.equal((await call(null, { method: 'GET', url: `/v1/notices/${tg.id}/signature` })).statusCode, 401)
    t.equal((await call(ctx.adminKey, { method: 'GET', url: `/v1/notices/${tg.id}/signature` })).statusCode, 403)
    t.equal((await call(liaison, { method: 'GET', url: `/v1/notices/${tg.id}/signature` })).statusCode, 404)
    const own = await call(liaison, { method: 'GET', url: `/v1/notices/${vk.id}/signature` })
    t.equal(own.statusCode, 200)
    t.ok(verifyJws(own.json().jws, await jwks()).ok, 'a liaison can verify its own platform\'s notice')
  })
})
