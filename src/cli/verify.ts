// `takedown verify`: checks a notice's JWS, or an audit checkpoint's, (Ed25519, EdDSA) against the JWK Set, offline
// once both are at hand. The gateway signs both with the same key and key id, so a signature that verifies proves
// nothing until the JWS's `typ` and its payload say it is what was asked for.
import fs from 'node:fs/promises'
import { compactVerify, createLocalJWKSet, errors, type JSONWebKeySet } from 'jose'
import type { GatewayClient } from '../client/index.ts'
import { CHECKPOINT_TYPE, SIGNATURE_TYPE } from '../signing/notice-signer.ts'
import { terminalJson, visible } from '../lib/text-controls.ts'
import { UsageError, type Io } from './io.ts'

export interface VerifyOptions {
  jws?: string
  checkpoint?: string
  jwks?: string
  show?: boolean
}

/**
 * A saved JWS: the compact string itself, or the JSON answer it came in (GET /v1/notices/{id}/signature holds it in
 * `jws`, GET /v1/audit/checkpoints/latest in `checkpoint`).
 */
async function readJws (file: string, member: 'jws' | 'checkpoint'): Promise<string> {
  const text = (await fs.readFile(file, 'utf8')).trim()
  if (text.startsWith('{')) {
    const parsed = JSON.parse(text) as Record<string, unknown>
    if (typeof parsed[member] !== 'string') throw new UsageError(`${file} holds JSON without a ${member} member`)
    return parsed[member]
  }
  return text
}

async function readJwks (file: string): Promise<JSONWebKeySet> {
  const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as JSONWebKeySet
  if (!Array.isArray(parsed?.keys)) throw new UsageError(`${file} is not a JWK Set (no keys array)`)
  return parsed
}

type Fields = Record<string, unknown>
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null
const isString = (value: unknown): value is string => typeof value === 'string'

/** What a signed notice must hold to be one (src/domain/notices/notice-content.ts), or the first member it lacks. */
function notNotice (d: Fields): string | null {
  const strings = ['noticeId', 'referenceNumber', 'reportId', 'issuedAt', 'deadline', 'statementOfReasons']
  const missing = strings.find((name) => !isString(d[name]))
  if (missing !== undefined) return missing
  if (!isObject(d.issuer)) return 'issuer'
  if (!isObject(d.addressee) || !isString(d.addressee.platform)) return 'addressee'
  if (!Array.isArray(d.items)) return 'items'
  return null
}

/** What a signed audit checkpoint must hold ({ position, hash, at }), or the first member it lacks. */
function notCheckpoint (d: Fields): string | null {
  if (!Number.isSafeInteger(d.position) || (d.position as number) < 0) return 'position'
  if (d.hash !== null && !isString(d.hash)) return 'hash'
  if (!isString(d.at)) return 'at'
  return null
}

interface Kind {
  /** The JWS `typ` the gateway gives it. */
  type: string
  name: string
  /** The name with its article, for "is not ...". */
  aName: string
  /** The payload member it must have that it lacks, or null. */
  lacks: (document: Fields) => string | null
  /** The line printed when it is valid (server-supplied text made visible). */
  describe: (document: Fields, kid: string) => string
}

const NOTICE: Kind = {
  type: SIGNATURE_TYPE,
  name: 'notice',
  aName: 'a notice',
  lacks: notNotice,
  describe: (d, kid) => `valid: notice ${String(d.referenceNumber)} (${String(d.noticeId)}) signed with key ${kid}`
}

const CHECKPOINT: Kind = {
  type: CHECKPOINT_TYPE,
  name: 'audit checkpoint',
  aName: 'an audit checkpoint',
  lacks: notCheckpoint,
  describe: (d, kid) => `valid: audit checkpoint at position ${String(d.position)} (hash ${String(d.hash)}, ` +
    `signed ${String(d.at)}) signed with key ${kid}`
}

/** Exit status: 0 the signature is valid, 1 it is not, 2 nothing could be checked (usage, files, the gateway). */
export async function verify (
  connectClient: (keyRequired: boolean) => GatewayClient, noticeId: string | undefined, options: VerifyOptions, io: Io
): Promise<number> {
  const given = [noticeId, options.jws, options.checkpoint].filter((s) => s !== undefined)
  if (given.length !== 1) throw new UsageError('give a notice id, --jws FILE or --checkpoint FILE (one of them)')
  const kind = options.checkpoint !== undefined ? CHECKPOINT : NOTICE
  const jws = options.checkpoint !== undefined
    ? await readJws(options.checkpoint, 'checkpoint')
    : options.jws !== undefined
      ? await readJws(options.jws, 'jws')
      : (await connectClient(true).get('/v1/notices/{id}/signature', { params: { path: { id: noticeId! } } })).jws
  const jwks = options.jwks !== undefined
    ? await readJwks(options.jwks)
    : await connectClient(false).get('/.well-known/jwks.json') as JSONWebKeySet
  const say = (line: string): void => { io.out(visible(line)) }
  try {
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] })
    if (protectedHeader.typ !== kind.type) {
      const typ = protectedHeader.typ === undefined ? 'no typ' : `typ ${protectedHeader.typ}`
      say(`invalid: the signature is valid but the JWS is not ${kind.aName} (${typ}, not ${kind.type})`)
      return 1
    }
    const document: unknown = JSON.parse(new TextDecoder().decode(payload))
    if (!isObject(document)) {
      say(`invalid: the signature is valid but the payload is not ${kind.aName} (not a JSON object)`)
      return 1
    }
    const lacks = kind.lacks(document)
    if (lacks !== null) {
      say(`invalid: the signature is valid but the payload is not ${kind.aName} (it has no ${lacks})`)
      return 1
    }
    if (noticeId !== undefined && document.noticeId !== noticeId) {
      say(`invalid: the signature is valid but covers notice ${String(document.noticeId)}, not ${noticeId}`)
      return 1
    }
    say(kind.describe(document, protectedHeader.kid ?? '?'))
    if (options.show) io.out(terminalJson(document, 2))
    return 0
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      say(`invalid: the signature does not match the ${kind.name}`)
    } else if (error instanceof errors.JWKSNoMatchingKey) {
      say('invalid: no key in the JWK Set matches the signature\'s key id')
    } else if (error instanceof errors.JOSEError) {
      say(`invalid: ${error.message}`)
    } else if (error instanceof SyntaxError) {
      say(`invalid: the signature is valid but the payload is not JSON, so not ${kind.aName}`)
    } else {
      throw error
    }
    return 1
  }
}
