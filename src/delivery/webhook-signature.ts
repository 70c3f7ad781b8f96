// Standard Webhooks 1.0 signatures (https://www.standardwebhooks.com/): a receiver checks who sent a delivery and
// that it was not altered or replayed late, with the official libraries or a few lines of its own. The scheme is
// symmetric: HMAC-SHA256 under a secret shared with the endpoint, over `id.timestamp.body`.
import crypto from 'node:crypto'

export const WEBHOOK_SECRET_PREFIX = 'whsec_'
/** The specification asks for secrets of 24 to 64 random bytes; new ones get 32. */
const MIN_SECRET_BYTES = 24
const MAX_SECRET_BYTES = 64
const DEFAULT_SECRET_BYTES = 32
/**
 * Message ids go into a header and into the signed text, where a `.` would blur where the id ends; ids the gateway
 * makes (letters, digits, `_`, `-`) never need more.
 */
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,255}$/
const STANDARD_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

export interface WebhookSignatureInput {
  /** The message id: the same on every attempt of one delivery, so that a receiver can drop a repeat. */
  id: string
  /** When this attempt is signed, in whole seconds since the epoch (receivers refuse one far from their clock). */
  timestamp: number
  /** The exact body sent: the signature covers these characters, so it must not be re-serialised afterwards. */
  body: string
  /** Every secret the endpoint currently accepts: one, or the old and the new during a rotation's overlap. */
  secrets: readonly string[]
}

export interface WebhookSignatureHeaders {
  'webhook-id': string
  'webhook-timestamp': string
  'webhook-signature': string
}

/** A new endpoint secret: `whsec_` and the base64 of random bytes (32 by default, 24 to 64 allowed). */
export function generateWebhookSecret (bytes = DEFAULT_SECRET_BYTES): string {
  checkSecretLength(bytes)
  return WEBHOOK_SECRET_PREFIX + crypto.randomBytes(bytes).toString('base64')
}

/** The key bytes of a `whsec_` secret; throws on anything else, so a damaged secret never signs. */
export function webhookSecretKey (secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : ''
  if (!STANDARD_BASE64.test(encoded) || encoded.length % 4 !== 0) {
    throw new TypeError('a webhook secret is "whsec_" followed by standard base64')
  }
  const key = Buffer.from(encoded, 'base64')
  checkSecretLength(key.length)
  return key
}

function checkSecretLength (bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
    throw new RangeError(`a webhook secret holds ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes`)
  }
}

/**
 * The three Standard Webhooks headers of one attempt. With several secrets, `webhook-signature` carries one `v1,`
 * signature per secret, separated by spaces: a receiver that knows either secret accepts the delivery, so an
 * endpoint can switch to its new secret at any moment of the overlap.
 */
export function signWebhook ({ id, timestamp, body, secrets }: WebhookSignatureInput): WebhookSignatureHeaders {
  if (!MESSAGE_ID.test(id)) throw new TypeError('a webhook message id is 1 to 255 letters, digits, "_" or "-"')
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError('a webhook timestamp is whole seconds since the epoch')
  }
  if (secrets.length === 0) throw new TypeError('a webhook is signed with at least one secret')
  const signed = Buffer.from(`${id}.${timestamp}.${body}`, 'utf8')
  const signatures = secrets.map((secret) =>
    'v1,' + crypto.createHmac('sha256', webhookSecretKey(secret)).update(signed).digest('base64'))
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signatures.join(' ') }
}
