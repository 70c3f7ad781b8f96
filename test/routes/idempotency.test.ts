import t from 'tap'
import crypto from 'node:crypto'
import { build } from '../helper.ts'
import { hashApiKey } from '../../src/domain/api-keys.ts'
import { canonicalJson } from '../../src/domain/canonical-json.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { removedNotice, vector, vectorBytes } from '../helpers/hash-bank.ts'

const body = (ref: string) =>
  reportPayload(['https://t.me/scam_channel/77'], { externalRef: ref, category: 'fraud', statementOfReasons: 'A fraudulent investment scheme.' })

t.test('Idempotency-Key', async (t) => {
  const ctx = await build(t)
  const authority = await ctx.clientKey('authority')
  const other = await ctx.clientKey('authority')
  const post = (key: string, idem: string | undefined, payload: object) => ctx.call(key, {
    method: 'POST', url: '/v1/reports', payload, headers: idem ? { 'idempotency-key': idem } : {}
  })
  const count = async (ref: string) => (await ctx.pool.query('select count(*)::int as n from reports where external_ref = $1', [ref])).rows[0].n

  t.test('a retry with the same key and body replays the first response', async (t) => {
    const first = await post(authority, 'retry-1', body('IDEM-1'))
    t.equal(first.statusCode, 201)
    const second = await post(authority, 'retry-1', body('IDEM-1'))
    t.equal(second.statusCode, 201)
    t.equal(second.headers['idempotent-replayed'], 'true')
    t.equal(second.headers.location, first.headers.location)
    t.same(second.json(), first.json())
    t.equal(await count('IDEM-1'), 1, 'stored once')
  })

  t.test('the same key with a different body is 422', async (t) => {
    await post(authority, 'retry-2', body('IDEM-2'))
    const changed = await post(authority, 'retry-2', body('IDEM-2-changed'))
    t.equal(changed.statusCode, 422)
    t.equal(await count('IDEM-2-changed'), 0)
  })

  t.test('keys are scoped per client', async (t) => {
    const mine = await post(authority, 'shared-key', body('IDEM-3'))
    const theirs = await post(other, 'shared-key', body('IDEM-3'))
    t.equal(mine.statusCode, 201)
    t.equal(theirs.statusCode, 201)
    t.not(theirs.json().id, mine.json().id)
  })

  t.test('a retry while the first is still running is 409', async (t) => {
    const [a, b] = await Promise.all([
      post(authority, 'race-key', body('IDEM-4')),
      post(authority, 'race-key', body('IDEM-4'))
    ])
    const statuses = [a.statusCode, b.statusCode].sort()
    t.ok(statuses[0] === 201, 'one of them creates')
    t.ok(statuses[1] === 409 || statuses[1] === 201, `the other waits (409) or replays (201): ${statuses}`)
    t.equal(await count('IDEM-4'), 1, 'stored once either way')
  })

  t.test('a refused request is replayed too, and refusals store nothing', async (t) => {
    const bad = { ...body('IDEM-5'), legalBasis: 'none' }
    const first = await post(authority, 'bad-1', bad)
    t.equal(first.statusCode, 422)
    const again = await post(authority, 'bad-1', bad)
    t.equal(again.statusCode, 422)
    t.equal(again.headers['idempotent-replayed'], 'true')
  })

  t.test('a malformed key is a 400', async (t) => {
    const res = await post(authority, 'x'.repeat(300), body('IDEM-6'))
    t.equal(res.statusCode, 400)
  })

  t.test('client creation is idempotent too', async (t) => {
    const payload = { name: 'idempotent auditor', role: 'auditor' }
    const first = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload, headers: { 'idempotency-key': 'client-1' } })
    const second = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload, headers: { 'idempotency-key': 'client-1' } })
    t.equal(first.statusCode, 201)
    t.same(second.json(), first.json())
  })

  // A first attempt whose process died leaves its key 'running' with an owner number whose lock nobody holds.
  const clientIdOf = async (key: string) => (await ctx.pool.query('select id from clients where key_hash = $1', [hashApiKey(key)])).rows[0].id as string
  const leaveRunning = async (clientId: string, key: string, payload: object, owner: number | null) => {
    const hash = crypto.createHash('sha256').update('POST /v1/reports\n').update(canonicalJson(payload)).digest('hex')
    await ctx.pool.query(`insert into idempotency_keys (client_id, key, scope, request_hash, state, owner, expires_at)
      values ($1, $2, 'POST /v1/reports', $3, 'running', $4, now() + interval '1 hour')`, [clientId, key, hash, owner])
  }

  t.test('a key whose first attempt died with its process runs again at once', async (t) => {
    const clientId = await clientIdOf(authority)
    for (const [key, owner] of [['orphan-1', 12345], ['orphan-2', null]] as const) {
      const payload = body(`IDEM-ORPHAN-${key}`)
      await leaveRunning(clientId, key, payload, owner)
      const retry = await post(authority, key, payload)
      t.equal(retry.statusCode, 201, `owner ${owner}: the retry runs instead of waiting (409)`)
      t.equal(await count(`IDEM-ORPHAN-${key}`), 1)
      const replay = await post(authority, key, payload)
      t.equal(replay.headers['idempotent-replayed'], 'true')
      t.same(replay.json(), retry.json())
    }
  })

  t.test('a key whose owner lives is still 409', async (t) => {
    const clientId = await clientIdOf(authority)
    const { rows: [held] } = await ctx.pool.query(`select objid::int as owner from pg_locks where locktype = 'advisory' and classid = 7310010 and granted
      and database = (select oid from pg_database where datname = current_database()) limit 1`)
    t.ok(held, 'the app holds an owner lock')
    const payload = body('IDEM-LIVE')
    await leaveRunning(clientId, 'live-owner', payload, held.owner)
    const retry = await post(authority, 'live-owner', payload)
    t.equal(retry.statusCode, 409)
    t.equal(retry.headers['retry-after'], '1')
    t.equal(await count('IDEM-LIVE'), 0)
  })

  t.test('a report\'s answer is stored with the report, by the issuing transaction', async (t) => {
    const created = await post(authority, 'stored-1', body('IDEM-STORED'))
    t.equal(created.statusCode, 201)
    const { rows: [row] } = await ctx.pool.query("select state, response_status, response_body, response_headers from idempotency_keys where key = 'stored-1'")
    t.equal(row.state, 'done')
    t.equal(row.response_status, 201)
    t.same(JSON.parse(row.response_body), created.json())
    t.equal(row.response_headers.location, created.headers.location)
  })

  t.test('a hash-list import and banked media store their answers with their effects: both or neither', async (t) => {
    const image = 'dih/bridge-1-original.jpg'
    const notice = await removedNotice(ctx, authority, { hashes: { sha256: vector(image).sha256 } })
    const operations = {
      import: {
        send: (key: string) => ctx.call(authority, {
          method: 'POST',
          url: '/v1/hash-bank/imports?name=atomic-list',
          headers: { 'content-type': 'text/csv', 'idempotency-key': key },
          payload: `type,value\nsha256,${'ab'.repeat(32)}\nmd5,${'cd'.repeat(16)}\n`
        }),
        effects: async () => (await ctx.pool.query(`select (select count(*) from hash_bank_entries where source = 'atomic-list')::int as entries,
          (select count(*) from hash_bank_imports where name = 'atomic-list')::int as records,
          (select count(*) from audit_entries where action = 'hash-bank.imported')::int as audited`)).rows[0]
      },
      media: {
        send: (key: string) => ctx.call(authority, {
          method: 'POST',
          url: `/v1/hash-bank/media?noticeId=${notice.noticeId}`,
          headers: { 'content-type': 'image/jpeg', 'idempotency-key': key },
          payload: vectorBytes(image)
        }),
        effects: async () => (await ctx.pool.query(`select (select count(*) from hash_bank_entries where notice_id = $1)::int as entries,
          (select count(*) from audit_entries where action = 'hash-bank.media-banked')::int as audited`, [notice.noticeId])).rows[0]
      }
    }
    const answer = async (key: string) => (await ctx.pool.query('select state, response_body from idempotency_keys where key = $1', [key])).rows[0]
    const before = { import: await operations.import.effects(), media: await operations.media.effects() }

    // The transaction fails at its very end, once the effect is written and the answer stored: as a crash there would.
    await ctx.pool.query(`create function fail_atomic_answer() returns trigger language plpgsql as $$
      begin raise exception 'failing after the effect'; end $$`)
    await ctx.pool.query(`create constraint trigger fail_atomic_answer after update on idempotency_keys deferrable initially deferred
      for each row when (new.state = 'done' and new.key like 'atomic-%') execute function fail_atomic_answer()`)
    for (const [what, operation] of Object.entries(operations)) {
      const failed = await operation.send(`atomic-${what}`)
      t.equal(failed.statusCode, 500, `${what}: the failed commit is answered 500`)
      t.same(await operation.effects(), before[what as keyof typeof before], `${what}: no effect remains`)
      t.equal(await answer(`atomic-${what}`), undefined, `${what}: no answer remains, and the key is free`)
    }
    await ctx.pool.query('drop trigger fail_atomic_answer on idempotency_keys')

    for (const [what, operation] of Object.entries(operations)) {
      const retry = await operation.send(`atomic-${what}`)
      t.equal(retry.statusCode, 201, retry.body)
      t.equal(retry.headers['idempotent-replayed'], undefined, `${what}: the retry runs afresh`)
      const after = await operation.effects()
      t.ok(after.entries > before[what as keyof typeof before].entries, `${what}: and makes its effect`)
      const stored = await answer(`atomic-${what}`)
      t.equal(stored.state, 'done')
      t.same(JSON.parse(stored.response_body), retry.json(), `${what}: the stored answer is the one sent`)
      const replay = await operation.send(`atomic-${what}`)
      t.equal(replay.headers['idempotent-replayed'], 'true')
      t.same(replay.json(), retry.json(), `${what}: a replay answers the same`)
      t.same(await operation.effects(), after, `${what}: and makes nothing twice`)
    }
  })

  t.test('a client\'s and a legal basis\'s answers are stored with them too', async (t) => {
    const client = await ctx.call(ctx.adminKey, { method: 'POST', url: '/v1/clients', payload: { name: 'stored', role: 'auditor' }, headers: { 'idempotency-key': 'stored-client' } })
    const basis = await ctx.call(ctx.adminKey, {
      method: 'POST',
      url: '/v1/legal-bases',
      headers: { 'idempotency-key': 'stored-basis' },
      payload: { id: 'kz-stored-basis', citation: 'Art. 2', title: { kk: 'a', ru: 'b', en: 'c' }, text: { kk: 'a', ru: 'b', en: 'c' } }
    })
    for (const [key, res] of [['stored-client', client], ['stored-basis', basis]] as const) {
      t.equal(res.statusCode, 201, res.body)
      const { rows: [row] } = await ctx.pool.query('select state, response_body from idempotency_keys where key = $1', [key])
      t.equal(row.state, 'done')
      t.same(JSON.parse(row.response_body), res.json(), `${key}: the stored answer is the one sent`)
    }
  })
})
