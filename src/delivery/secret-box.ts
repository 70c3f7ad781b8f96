// Endpoint secrets at rest. A webhook secret must be readable again (every delivery is signed with it), so it cannot
// be stored as a hash like an API key; it is encrypted instead (AES-256-GCM) under a key that lives outside the
// database, so that a copy of the database alone (a dump, a backup, a replica) reveals no secret.
//
// A sealed value is `v1:<key id>:<iv>:<ciphertext and tag>`, each part base64url. The key id (a digest of the key,
// which reveals nothing of it) says which key sealed it, so that after a key rotation the old keys, kept for opening
// only, are tried by name, and a value sealed under a key no longer configured fails saying so instead of looking
// tampered with. GCM's tag covers the prefix and the caller's context, so neither can be changed or swapped.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

const VERSION = 'v1'
const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_FILE_NAME = 'webhook-secret-key'
const BASE64URL = /^[A-Za-z0-9_-]+$/

export type SecretBoxErrorCode = 'secret_box_malformed' | 'secret_box_unknown_key' | 'secret_box_tampered'

/** Why a sealed value could not be opened. The message never holds the value or a key. */
export class SecretBoxError extends Error {
  readonly code: SecretBoxErrorCode
  constructor (code: SecretBoxErrorCode, message: string) {
    super(message)
    this.name = 'SecretBoxError'
    this.code = code
  }
}

export interface SecretBox {
  /** The id of the key new values are sealed with. */
  readonly keyId: string
  /**
   * Encrypts text. `context` (for example the endpoint's id) is authenticated but not stored: the value opens only
   * with the same context, so a sealed secret copied onto another row does not open there.
   */
  seal: (plaintext: string, context?: string) => string
  /** Decrypts a sealed value; throws SecretBoxError when it is malformed, under an unknown key, or altered. */
  open: (sealed: string, context?: string) => string
  /** Whether the value was sealed with an older key and should be sealed again (after a key rotation). */
  isStale: (sealed: string) => boolean
  /**
   * A key of 32 bytes for another purpose (HKDF-SHA256 of the current key), so one configured secret serves
   * several uses without one use's key being another's.
   */
  derive: (purpose: string) => Buffer
}

/** A new key as configuration takes it: 32 random bytes in base64. */
export function generateSecretBoxKey (): string {
  return crypto.randomBytes(KEY_BYTES).toString('base64')
}

/** The 32 key bytes of a configured key (base64 or base64url); throws naming the setting otherwise. */
export function parseSecretBoxKey (text: string, setting = 'WEBHOOK_SECRET_KEY'): Buffer {
  const trimmed = text.trim()
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0)
  if (key.length !== KEY_BYTES) throw new Error(`${setting} must be ${KEY_BYTES} bytes in base64`)
  return key
}

const keyIdOf = (key: Buffer): string =>
  crypto.createHash('sha256').update('takedown-gateway secret box key id\0').update(key).digest('base64url').slice(0, 8)

const additionalData = (keyId: string, context: string | undefined): Buffer =>
  Buffer.from(`${VERSION}:${keyId}:${context ?? ''}`, 'utf8')

/** A box that seals with `current` and opens with it or any of `previous` (kept through a key rotation). */
export function createSecretBox (current: Buffer, previous: readonly Buffer[] = []): SecretBox {
  const keys = new Map<string, Buffer>()
  for (const key of [current, ...previous]) {
    if (key.length !== KEY_BYTES) throw new Error(`a secret box key is ${KEY_BYTES} bytes`)
    if (!keys.has(keyIdOf(key))) keys.set(keyIdOf(key), key)
  }
  const keyId = keyIdOf(current)
  return {
    keyId,
    seal: (plaintext, context) => {
      const iv = crypto.randomBytes(IV_BYTES)
      const cipher = crypto.createCipheriv('aes-256-gcm', current, iv)
      cipher.setAAD(additionalData(keyId, context))
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
      return [VERSION, keyId, iv.toString('base64url'), sealed.toString('base64url')].join(':')
    },
    open: (sealed, context) => openWith(keys, sealed, context),
    isStale: (sealed) => parse(sealed).keyId !== keyId,
    derive: (purpose) =>
      Buffer.from(crypto.hkdfSync('sha256', current, Buffer.alloc(0), `takedown-gateway ${purpose}`, KEY_BYTES))
  }
}

function parse (sealed: string): { keyId: string, iv: Buffer, data: Buffer } {
  const parts = sealed.split(':')
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.slice(1).every((part) => BASE64URL.test(part))) {
    throw new SecretBoxError('secret_box_malformed', `not a sealed value of version ${VERSION}`)
  }
  const [, keyId, iv, data] = parts
  return { keyId, iv: Buffer.from(iv, 'base64url'), data: Buffer.from(data, 'base64url') }
}

function openWith (keys: Map<string, Buffer>, sealed: string, context: string | undefined): string {
  const { keyId, iv, data } = parse(sealed)
  const key = keys.get(keyId)
  if (key === undefined) {
    throw new SecretBoxError('secret_box_unknown_key',
      `sealed with key ${keyId}, which is not configured (WEBHOOK_SECRET_KEY or WEBHOOK_SECRET_KEY_PREVIOUS)`)
  }
  if (iv.length !== IV_BYTES || data.length < TAG_BYTES) {
    throw new SecretBoxError('secret_box_malformed', 'the sealed value is truncated')
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv)
    decipher.setAAD(additionalData(keyId, context))
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()])
      .toString('utf8')
  } catch {
    throw new SecretBoxError('secret_box_tampered',
      `the value sealed with key ${keyId} does not authenticate: altered, or opened in another context`)
  }
}

export interface SecretBoxSettings {
  /** WEBHOOK_SECRET_KEY: 32 bytes in base64. */
  key?: string
  /** WEBHOOK_SECRET_KEY_FILE: a file holding such a key (a mounted secret). */
  keyFile?: string
  /** WEBHOOK_SECRET_KEY_PREVIOUS: earlier keys, opening only, until every value is sealed again. */
  previousKeys?: readonly string[]
  /** Where a key is generated when neither `key` nor `keyFile` is given (the embedded, development path). */
  dataDir: string
}

/**
 * The box from configuration: the key itself, or a file holding it, or else a key generated once into DATA_DIR
 * (as the notice signing key is). Creation is exclusive ('wx') so that processes starting together on one DATA_DIR
 * end up with the same key. A generated key protects a database copied on its own, not a copy of all of DATA_DIR:
 * a real deployment configures the key and keeps it out of the database's backups.
 */
export async function loadSecretBox (settings: SecretBoxSettings): Promise<SecretBox> {
  const current = settings.key !== undefined
    ? parseSecretBoxKey(settings.key)
    : parseSecretBoxKey(await readOrCreateKeyFile(settings), settings.keyFile ?? 'the webhook secret key file')
  const previous = (settings.previousKeys ?? []).map((key) => parseSecretBoxKey(key, 'WEBHOOK_SECRET_KEY_PREVIOUS'))
  return createSecretBox(current, previous)
}

async function readOrCreateKeyFile ({ keyFile, dataDir }: SecretBoxSettings): Promise<string> {
  if (keyFile !== undefined) return fs.readFile(keyFile, 'utf8')
  const file = path.join(dataDir, KEY_FILE_NAME)
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  await fs.mkdir(dataDir, { recursive: true })
  // Written whole under a name of its own, then linked into place: link() fails when the file exists, so of two
  // processes starting together one key wins, and neither can read the other's half-written file.
  const key = generateSecretBoxKey() + '\n'
  const draft = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
  await fs.writeFile(draft, key, { flag: 'wx', mode: 0o600 })
  try {
    await fs.link(draft, file)
    return key
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFile(file, 'utf8')
    throw error
  } finally {
    await fs.rm(draft, { force: true })
  }
}
