// Deliveries are verified with the official Standard Webhooks library, not with the gateway's own code, so a
// mistake in the signing scheme cannot hide behind a matching mistake in a home-made verifier.
import t from 'tap'
import fc from 'fast-check'
import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { generateWebhookSecret, signWebhook, webhookSecretKey } from '../../src/delivery/webhook-signature.ts'

const now = (): number => Math.floor(Date.now() / 1000)
const body = JSON.stringify({ type: 'notice.created', timestamp: '2026-12-08T03:28:27Z', data: { id: 'n1' } })

t.test('a signed delivery verifies with the official library and yields the payload', async (t) => {
  const secret = generateWebhookSecret()
  const headers = signWebhook({ id: 'msg_1', timestamp: now(), body, secrets: [secret] })
  t.same(Object.keys(headers).sort(), ['webhook-id', 'webhook-signature', 'webhook-timestamp'])
  t.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+=*$/)
  t.same(new Webhook(secret).verify(body, headers), JSON.parse(body))
})

t.test('the signature covers the id, the timestamp and the body', async (t) => {
  const secret = generateWebhookSecret()
  const headers = signWebhook({ id: 'msg_1', timestamp: now(), body, secrets: [secret] })
  const hook = new Webhook(secret)
  t.throws(() => hook.verify(body + ' ', headers), WebhookVerificationError)
  t.throws(() => hook.verify(body, { ...headers, 'webhook-id': 'msg_2' }), WebhookVerificationError)
  t.throws(() => hook.verify(body, { ...headers, 'webhook-timestamp': String(now() - 1) }), WebhookVerificationError)
  t.throws(() => new Webhook(generateWebhookSecret()).verify(body, headers), WebhookVerificationError, 'another secret')
})

t.test('during a rotation both secrets sign, and each verifies alone', async (t) => {
  const [before, after] = [generateWebhookSecret(), generateWebhookSecret()]
  const headers = signWebhook({ id: 'msg_rot', timestamp: now(), body, secrets: [before, after] })
  t.equal(headers['webhook-signature'].split(' ').length, 2)
  t.same(new Webhook(before).verify(body, headers), JSON.parse(body), 'the old secret')
  t.same(new Webhook(after).verify(body, headers), JSON.parse(body), 'the new secret')
  t.throws(() => new Webhook(generateWebhookSecret()).verify(body, headers), WebhookVerificationError)
})

t.test('secrets are whsec_ and the base64 of 24 to 64 random bytes', async (t) => {
  const secret = generateWebhookSecret()
  t.match(secret, /^whsec_[A-Za-z0-9+/]+=*$/)
  t.equal(webhookSecretKey(secret).length, 32)
  t.not(generateWebhookSecret(), secret)
  t.equal(webhookSecretKey(generateWebhookSecret(24)).length, 24)
  t.equal(webhookSecretKey(generateWebhookSecret(64)).length, 64)
  t.throws(() => generateWebhookSecret(23), RangeError)
  t.throws(() => generateWebhookSecret(65), RangeError)
  t.throws(() => webhookSecretKey('whsec_' + Buffer.alloc(16).toString('base64')), RangeError, 'too short')
  t.throws(() => webhookSecretKey(Buffer.alloc(32).toString('base64')), TypeError, 'no prefix')
  t.throws(() => webhookSecretKey('whsec_not base64!'), TypeError)
})

t.test('what cannot be signed safely is refused', async (t) => {
  const secrets = [generateWebhookSecret()]
  t.throws(() => signWebhook({ id: 'a.b', timestamp: now(), body, secrets }), TypeError, 'a dot in the id')
  t.throws(() => signWebhook({ id: 'a\r\nx: y', timestamp: now(), body, secrets }), TypeError, 'a line break')
  t.throws(() => signWebhook({ id: 'msg', timestamp: 1.5, body, secrets }), TypeError)
  t.throws(() => signWebhook({ id: 'msg', timestamp: now(), body, secrets: [] }), TypeError)
})

t.test('any body, id and timestamp signed verifies with the official library', async (t) => {
  const secret = generateWebhookSecret()
  const hook = new Webhook(secret)
  t.doesNotThrow(() => fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
    fc.integer({ min: -200, max: 200 }), (text, id, skew) => {
      const payload = JSON.stringify({ text })
      const headers = signWebhook({ id, timestamp: now() + skew, body: payload, secrets: [secret] })
      return hook.verify(payload, headers) !== undefined
    }), { numRuns: 200 }))
})
