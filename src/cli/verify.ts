// `takedown verify`: checks a notice's JWS (Ed25519, EdDSA) against the JWK Set, offline once both are at hand.
import fs from 'node:fs/promises'
import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose'
import type { GatewayClient } from '../client/index.ts'
import { UsageError, type Io } from './io.ts'

export interface VerifyOptions {
  jws?: string
  jwks?: string
  show?: boolean
}

/** A saved JWS: the compact string itself, or the JSON answer of GET /v1/notices/{id}/signature. */
async function readJws (file: string): Promise<string> {
  const text = (await fs.readFile(file, 'utf8')).trim()
  if (text.startsWith('{')) {
    const parsed = JSON.parse(text) as { jws?: unknown }
    if (typeof parsed.jws !== 'string') throw new UsageError(`${file} holds JSON without a jws member`)
    return parsed.jws
  }
  return text
}

async function readJwks (file: string): Promise<JSONWebKeySet> {
  const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as JSONWebKeySet
  if (!Array.isArray(parsed?.keys)) throw new UsageError(`${file} is not a JWK Set (no keys array)`)
  return parsed
}

/** Exit status: 0 the signature is valid, 1 it is not, 2 nothing could be checked (usage, files, the gateway). */
export async function verify (
  connectClient: (keyRequired: boolean) => GatewayClient, noticeId: string | undefined, options: VerifyOptions, io: Io
): Promise<number> {
  if ((noticeId === undefined) === (options.jws === undefined)) {
    throw new UsageError('give a notice id, or --jws FILE (not both)')
  }
  const jws = options.jws !== undefined
    ? await readJws(options.jws)
    : (await connectClient(true).get('/v1/notices/{id}/signature', { params: { path: { id: noticeId! } } })).jws
  const jwks = options.jwks !== undefined
    ? await readJwks(options.jwks)
    : await connectClient(false).get('/.well-known/jwks.json') as JSONWebKeySet
  try {
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] })
    const document = JSON.parse(new TextDecoder().decode(payload)) as { noticeId?: string, referenceNumber?: string }
    if (noticeId !== undefined && document.noticeId !== noticeId) {
      io.out(`invalid: the signature is valid but covers notice ${String(document.noticeId)}, not ${noticeId}`)
      return 1
    }
    const notice = `${document.referenceNumber ?? '?'} (${document.noticeId ?? '?'})`
    io.out(`valid: notice ${notice} signed with key ${protectedHeader.kid ?? '?'}`)
    if (options.show) io.out(JSON.stringify(document, null, 2))
    return 0
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      io.out('invalid: the signature does not match the notice')
    } else if (error instanceof errors.JWKSNoMatchingKey) {
      io.out('invalid: no key in the JWK Set matches the signature\'s key id')
    } else if (error instanceof errors.JOSEError) {
      io.out(`invalid: ${error.message}`)
    } else {
      throw error
    }
    return 1
  }
}
