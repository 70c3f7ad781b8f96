// Ed25519 notice signatures: a JWS over the notice's RFC 8785 canonical JSON, with the key id in its header.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { calculateJwkThumbprint, exportJWK, type JWK } from 'jose'
import { canonicalJson } from '../domain/canonical-json.ts'

export const SIGNATURE_ALGORITHM = 'EdDSA'
export const SIGNATURE_TYPE = 'takedown-notice+jws'
/**
 * The JWS type of an audit checkpoint, so that a checkpoint and a notice signed with the same key never pass for each
 * other (the gateway's checks and `takedown verify` both hold a JWS to its type).
 */
export const CHECKPOINT_TYPE = 'takedown-audit-checkpoint+jws'

export interface PublicSigningKey {
  kid: string
  jwk: JWK
}

export interface NoticeSigner {
  kid: string
  publicKey: PublicSigningKey
  /** Signs the content and answers the JWS with its payload detached (RFC 7515 Appendix F): `header..signature`. */
  sign: (content: unknown) => Promise<string>
  /**
   * Signs other statements with the same key under a type of their own (the JWS `typ` header), so that one can
   * never be passed off as the other: answers the compact JWS with its payload attached.
   */
  signStatement: (type: string, content: unknown) => Promise<string>
}

/**
 * Notices keep their JWS with the payload detached: the payload is the canonical JSON of the stored content, so
 * storing it again would more than double every notice. The compact JWS is put back together when asked for.
 */
export function attachPayload (detachedJws: string, content: unknown): string {
  const [header, , signature] = detachedJws.split('.')
  return `${header}.${Buffer.from(canonicalJson(content)).toString('base64url')}.${signature}`
}

/**
 * A short, readable digest of a notice's signature (SHA-256 of its detached JWS), printed on paper renderings
 * to tie them to the signed original.
 */
export function signatureFingerprint (detachedJws: string): string {
  const hex = crypto.createHash('sha256').update(detachedJws).digest('hex').slice(0, 32).toUpperCase()
  return hex.match(/.{4}/g)!.join(' ')
}

/**
 * The key comes from the configured file, or is generated once into DATA_DIR. Creation is exclusive ('wx') so
 * that processes starting together on one DATA_DIR end up with the same key.
 */
async function readOrCreateKeyPem (keyFile: string | undefined, dataDir: string): Promise<string> {
  if (keyFile) return fs.readFile(keyFile, 'utf8')
  const file = path.join(dataDir, 'notice-signing-key.pem')
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await fs.mkdir(dataDir, { recursive: true })
  const { privateKey } = crypto.generateKeyPairSync('ed25519')
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
  try {
    await fs.writeFile(file, pem, { flag: 'wx', mode: 0o600 })
    return pem
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFile(file, 'utf8')
    throw error
  }
}

export async function loadNoticeSigner (keyFile: string | undefined, dataDir: string): Promise<NoticeSigner> {
  const pem = await readOrCreateKeyPem(keyFile, dataDir)
  const privateKey = crypto.createPrivateKey(pem)
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the notice signing key must be an Ed25519 key')
  const publicJwk = await exportJWK(crypto.createPublicKey(privateKey))
  const kid = await calculateJwkThumbprint(publicJwk)
  const jwk: JWK = { ...publicJwk, kid, alg: SIGNATURE_ALGORITHM, use: 'sig' }
  const header = Buffer.from(JSON.stringify({
    alg: SIGNATURE_ALGORITHM, kid, typ: SIGNATURE_TYPE
  })).toString('base64url')
  return {
    kid,
    publicKey: { kid, jwk },
    // RFC 7515 compact serialisation, signed with Node's native Ed25519: one signature per notice is on the hot
    // path of report intake, and the native call is several times cheaper than going through WebCrypto.
    sign: async (content) => {
      const signingInput = `${header}.${Buffer.from(canonicalJson(content)).toString('base64url')}`
      return `${header}..${crypto.sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`
    },
    signStatement: async (type, content) => {
      const typed = Buffer.from(JSON.stringify({ alg: SIGNATURE_ALGORITHM, kid, typ: type })).toString('base64url')
      const signingInput = `${typed}.${Buffer.from(canonicalJson(content)).toString('base64url')}`
      return `${signingInput}.${crypto.sign(null, Buffer.from(signingInput), privateKey).toString('base64url')}`
    }
  }
}

/**
 * Checks a compact JWS of the given type against the known public keys; answers its payload, or null when it is
 * malformed, of another type, signed by an unknown key, or altered.
 */
export function verifyStatement (jws: string, type: string, keys: Array<{ kid: string, publicJwk: unknown }>): unknown {
  const parts = jws.split('.')
  if (parts.length !== 3) return null
  try {
    const header = JSON.parse(
      Buffer.from(parts[0], 'base64url').toString('utf8')
    ) as { alg?: unknown, kid?: unknown, typ?: unknown }
    if (header.alg !== SIGNATURE_ALGORITHM || header.typ !== type) return null
    const key = keys.find((k) => k.kid === header.kid)
    if (key === undefined) return null
    const publicKey = crypto.createPublicKey({ key: key.publicJwk as crypto.JsonWebKey, format: 'jwk' })
    if (!crypto.verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), publicKey, Buffer.from(parts[2], 'base64url'))) {
      return null
    }
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return null
  }
}
