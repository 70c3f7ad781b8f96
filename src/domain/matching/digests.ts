// Cryptographic file digests (SHA-256, MD5) as exchanged in hash lists, and their hex validators.
import { createHash } from 'node:crypto'

export function sha256Hex (bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

// MD5 is broken for security but still the key of several industry hash lists, so it is computed for exchange.
export function md5Hex (bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex')
}

const SHA256_HEX = /^[0-9a-fA-F]{64}$/
const MD5_HEX = /^[0-9a-fA-F]{32}$/

export function isSha256Hex (s: unknown): s is string {
  return typeof s === 'string' && SHA256_HEX.test(s)
}

export function isMd5Hex (s: unknown): s is string {
  return typeof s === 'string' && MD5_HEX.test(s)
}

/** Canonical stored form of any hex digest (SHA-256, MD5, PDQ): lower case. */
export function normaliseHex (s: string): string {
  return s.toLowerCase()
}
