// When the gateway's long-lived services start and in which order they close: each is a plugin of buildApp.
import t from 'tap'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { open } from '../helper.ts'
import { buildApp, createLogger } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { createDatabase, createPool } from '../../src/db/index.ts'
import { loadNoticeSigner } from '../../src/signing/notice-signer.ts'

/** Records each call of the services' start and stop methods, in order, as `service.method`. */
function recordCalls (app: FastifyInstance, calls: string[]): void {
  const services: Record<string, object | null> = {
    control: app.controlChannel,
    media: app.mediaHasher,
    sequencer: app.sequencer,
    deadlines: app.deadlineScheduler,
    bank: app.hashBankIndex
  }
  for (const [name, service] of Object.entries(services)) {
    if (service === null) continue
    const methods = service as Record<string, (...args: unknown[]) => unknown>
    for (const method of ['start', 'stop', 'close']) {
      const original = methods[method]
      if (typeof original !== 'function') continue
      methods[method] = (...args: unknown[]) => {
        calls.push(`${name}.${method}`)
        return original.apply(service, args)
      }
    }
  }
}

t.test('the services start at ready and at listen, and close in reverse, the control channel last', async (t) => {
  const { close, ...ctx } = await open({ DEADLINE_SWEEP_SECONDS: '60' })
  let closed = false
  t.teardown(async () => { if (!closed) await close() })
  const { app } = ctx
  t.not(app.controlChannel.owner, null, 'the control channel is connected while the app is built')
  t.ok(app.deadlineScheduler, 'a sweep interval runs a deadline scheduler')

  const calls: string[] = []
  recordCalls(app, calls)
  await app.ready()
  t.same(calls, ['sequencer.start', 'deadlines.start'], 'ready starts the sequencer, then the deadline scheduler')
  t.notOk(app.hashBankIndex.started, 'the hash-bank index is not loaded before the server listens')

  calls.length = 0
  await app.listen({ host: '127.0.0.1', port: 0 })
  t.same(calls, ['bank.start'], 'listening loads the hash-bank index')

  calls.length = 0
  closed = true
  await close()
  t.same(calls, ['bank.close', 'deadlines.stop', 'sequencer.stop', 'media.close', 'control.close'],
    'the index stops polling before the scheduler\'s last sweep is waited for; the owner lock is given up last')
})

t.test('without background work nothing starts, and what was built still closes', async (t) => {
  // As the OpenAPI script builds it: a pool that is never connected.
  const unreachable = 'postgres://unused@127.0.0.1:1/unused'
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: unreachable, DEADLINE_SWEEP_SECONDS: '15' })
  const pool = createPool(config.DATABASE_URL!, 1)
  const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-lifecycle-'))
  t.teardown(async () => {
    await pool.end()
    await fs.rm(keyDir, { recursive: true, force: true })
  })
  const signer = await loadNoticeSigner(undefined, keyDir)
  const deps = { pool, db: createDatabase(pool), signer, logger: createLogger('silent'), background: false }
  const app = await buildApp(config, deps)
  t.equal(app.controlChannel.owner, null, 'the control channel is not connected')
  t.equal(app.deadlineScheduler, null, 'no deadline scheduler, whatever the sweep interval')

  const calls: string[] = []
  recordCalls(app, calls)
  await app.ready()
  t.same(calls, [], 'ready starts nothing')
  await app.close()
  t.same(calls, ['bank.close', 'sequencer.stop', 'media.close', 'control.close'], 'each closes, in the same order')
})
