// The response page's link tokens and its forms' anti-forgery tokens. Design: docs/delivery.md, "Response page".
//
// A token is 32 bytes, base64url: the HMAC-SHA256 of the notice, its platform and the link's nonce under a key kept
// outside the database. Only the token's digest is stored (as for API keys), yet the same link can be computed again
// from the row, so an e-mail that is retried, or a later e-mail of the same notice, carries the same link. A new nonce
// is a new link.
import crypto from 'node:crypto'

/** base64url of 32 bytes: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

export interface LinkKey {
  /** Names the key in the row, so that a key rotation starts a new link instead of breaking the old one. */
  id: string
  secret: Buffer
}

export function newLinkNonce (): string {
  return crypto.randomBytes(16).toString('base64url')
}

export function responseLinkToken (key: LinkKey, link: { noticeId: string, platform: string, nonce: string }): string {
  return crypto.createHmac('sha256', key.secret)
    .update(`response-link\0${link.noticeId}\0${link.platform}\0${link.nonce}`)
    .digest('base64url')
}

export function hashLinkToken (token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/** Whether a path segment can be a token at all; anything else is not looked up. */
export function isLinkTokenShape (token: string): boolean {
  return TOKEN.test(token)
}

/**
 * The forms' anti-forgery value: an HMAC of the token's digest and the notice version the form showed. A page of
 * another site cannot read it (the answer is not readable cross-origin) and cannot compute it (the key), so a form
 * it makes the browser post lacks it. It needs no cookie and no server state.
 */
export function formToken (key: LinkKey, tokenHash: string, version: number): string {
  return crypto.createHmac('sha256', key.secret).update(`response-form\0${tokenHash}\0${version}`).digest('base64url')
}

export function formTokenMatches (key: LinkKey, tokenHash: string, version: number, given: string): boolean {
  const expected = Buffer.from(formToken(key, tokenHash, version))
  const actual = Buffer.from(given)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}
