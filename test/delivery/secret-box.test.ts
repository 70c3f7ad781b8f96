import t from 'tap'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  createSecretBox, generateSecretBoxKey, loadSecretBox, parseSecretBoxKey, SecretBoxError
} from '../../src/delivery/secret-box.ts'

const key = (): Buffer => parseSecretBoxKey(generateSecretBoxKey())
const secret = 'whsec_' + Buffer.alloc(32, 7).toString('base64')

t.test('a sealed secret opens again, and the sealed form does not show it', async (t) => {
  const box = createSecretBox(key())
  const sealed = box.seal(secret)
  t.match(sealed, /^v1:[A-Za-z0-9_-]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/)
  t.notMatch(sealed, secret.slice(6, 20))
  t.not(box.seal(secret), sealed, 'a new IV each time')
  t.equal(box.open(sealed), secret)
  t.equal(box.open(box.seal('')), '')
  t.equal(box.open(box.seal('ключ 🔑')), 'ключ 🔑')
})

t.test('another key cannot open it', async (t) => {
  const sealed = createSecretBox(key()).seal(secret)
  t.throws(() => createSecretBox(key()).open(sealed), { name: 'SecretBoxError', code: 'secret_box_unknown_key' })
})

t.test('any change to a sealed value is detected', async (t) => {
  const box = createSecretBox(key())
  const sealed = box.seal(secret)
  const [version, keyId, iv, data] = sealed.split(':')
  const bytes = Buffer.from(data, 'base64url')
  for (const at of [0, bytes.length - 1]) { // the ciphertext, then the tag
    const altered = Buffer.from(bytes)
    altered[at] ^= 1
    t.throws(() => box.open([version, keyId, iv, altered.toString('base64url')].join(':')),
      { code: 'secret_box_tampered' }, `byte ${at}`)
  }
  const otherIv = Buffer.from(iv, 'base64url')
  otherIv[0] ^= 1
  t.throws(() => box.open([version, keyId, otherIv.toString('base64url'), data].join(':')),
    { code: 'secret_box_tampered' }, 'the IV')
  t.throws(() => box.open(['v2', keyId, iv, data].join(':')), { code: 'secret_box_malformed' }, 'the version')
  t.throws(() => box.open(sealed.slice(0, 30)), { code: 'secret_box_malformed' }, 'truncated')
  t.throws(() => box.open('plain text'), SecretBoxError)
})

t.test('a value sealed for one context does not open in another', async (t) => {
  const box = createSecretBox(key())
  const sealed = box.seal(secret, 'endpoint-1')
  t.equal(box.open(sealed, 'endpoint-1'), secret)
  t.throws(() => box.open(sealed, 'endpoint-2'), { code: 'secret_box_tampered' })
  t.throws(() => box.open(sealed), { code: 'secret_box_tampered' })
})

t.test('after a key rotation the old key still opens, and old values are known as stale', async (t) => {
  const [oldKey, newKey] = [key(), key()]
  const sealedBefore = createSecretBox(oldKey).seal(secret)
  const rotated = createSecretBox(newKey, [oldKey])
  t.equal(rotated.open(sealedBefore), secret)
  t.equal(rotated.isStale(sealedBefore), true)
  const resealed = rotated.seal(rotated.open(sealedBefore))
  t.equal(rotated.isStale(resealed), false)
  t.throws(() => createSecretBox(oldKey).open(resealed), { code: 'secret_box_unknown_key' }, 'sealed with the new')
})

t.test('keys from configuration must be 32 bytes of base64', async (t) => {
  t.equal(parseSecretBoxKey(Buffer.alloc(32, 1).toString('base64url')).length, 32)
  t.throws(() => parseSecretBoxKey(Buffer.alloc(16).toString('base64')), /WEBHOOK_SECRET_KEY must be 32 bytes/)
  t.throws(() => parseSecretBoxKey('not a key at all, not base64!'), /WEBHOOK_SECRET_KEY/)
  await t.rejects(loadSecretBox({ key: 'short', dataDir: '/nonexistent' }), /WEBHOOK_SECRET_KEY/)
})

t.test('without a configured key one is generated once into DATA_DIR and kept', async (t) => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'secret-box-'))
  t.teardown(() => fs.rm(dataDir, { recursive: true, force: true }))
  const boxes = await Promise.all([1, 2, 3].map(() => loadSecretBox({ dataDir })))
  t.equal(new Set(boxes.map((box) => box.keyId)).size, 1, 'processes starting together share one key')
  const file = path.join(dataDir, 'webhook-secret-key')
  t.equal((await fs.stat(file)).mode & 0o777, 0o600)
  t.same(await fs.readdir(dataDir), ['webhook-secret-key'], 'no draft left behind')
  const sealed = boxes[0].seal(secret)
  t.equal((await loadSecretBox({ dataDir })).open(sealed), secret, 'a restart opens what was sealed before')
  t.equal((await loadSecretBox({ keyFile: file, dataDir: '/nonexistent' })).open(sealed), secret, 'a key file')
  const configured = await fs.readFile(file, 'utf8')
  t.equal((await loadSecretBox({ key: configured, dataDir: '/nonexistent' })).open(sealed), secret, 'the key')
  const rotated = await loadSecretBox({ key: generateSecretBoxKey(), previousKeys: [configured], dataDir })
  t.equal(rotated.open(sealed), secret, 'an earlier key in WEBHOOK_SECRET_KEY_PREVIOUS')
})
