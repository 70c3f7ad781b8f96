// API keys: high-entropy bearer secrets, shown once and stored only as a SHA-256 digest.
import crypto from 'node:crypto'

const KEY_PATTERN = /^tdk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,})$/

export interface NewApiKey {
  key: string
  prefix: string
  hash: string
}

export function hashApiKey (key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex')
}

/** A prefix lets people tell keys apart in listings and logs without revealing the secret. */
export function generateApiKey (): NewApiKey {
  const prefix = crypto.randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8)
  const key = `tdk_${prefix}_${crypto.randomBytes(24).toString('base64url')}`
  return { key, prefix, hash: hashApiKey(key) }
}

/** A configured bootstrap key may be any long secret; a well-formed key keeps its own prefix. */
export function describeApiKey (key: string): NewApiKey {
  const match = KEY_PATTERN.exec(key)
  const prefix = match ? match[1] : 'boot' + hashApiKey(key).slice(0, 4)
  return { key, prefix, hash: hashApiKey(key) }
}
