// DELIVERY_LEASE_SECONDS: a claimed delivery is kept from other processes that long (60 s by default), so a process
// killed mid-delivery holds what it claimed no longer than the setting says.
import t from 'tap'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadConfig } from '../../src/config.ts'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'

t.test('the setting: 60 s by default, whole seconds from 1', async (t) => {
  t.equal(loadConfig({}).DELIVERY_LEASE_SECONDS, 60)
  t.equal(loadConfig({ DELIVERY_LEASE_SECONDS: '5' }).DELIVERY_LEASE_SECONDS, 5)
  t.throws(() => loadConfig({ DELIVERY_LEASE_SECONDS: '0' }), /DELIVERY_LEASE_SECONDS/)
  t.throws(() => loadConfig({ DELIVERY_LEASE_SECONDS: '1.5' }), /DELIVERY_LEASE_SECONDS/)
})

t.test('a delivery in flight is leased for DELIVERY_LEASE_SECONDS', async (t) => {
  // The receiver holds every request until the test has looked at the lease.
  const held: http.ServerResponse[] = []
  const server = http.createServer((req, res) => { req.resume(); held.push(res) })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => {
    for (const res of held) res.destroy()
    server.close(() => resolve())
  }))
  const ctx = await build(t, { DELIVERY_CONCURRENCY: '2', WEBHOOK_ALLOW_HTTP: 'true', DELIVERY_LEASE_SECONDS: '7' })
  const { authority, liaison } = await actors(ctx, 'telegram')
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  const created = await ctx.call(liaison.telegram, { method: 'POST', url: '/v1/webhook-endpoints', payload: { url, eventTypes: ['*'] } })
  t.equal(created.statusCode, 201, created.body)
  const issued = await ctx.call(authority, { method: 'POST', url: '/v1/reports', payload: reportPayload(['https://t.me/lease_one/1'], { externalRef: 'LEASE-1' }) })
  t.equal(issued.statusCode, 201, issued.body)
  const deadline = Date.now() + 15_000
  while (held.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25))
  t.ok(held.length > 0, 'the receiver has the delivery')
  const { rows } = await ctx.pool.query<{ seconds: number }>(
    "select extract(epoch from lease_until - now())::float as seconds from deliveries where channel = 'webhook' and lease_until is not null")
  t.equal(rows.length, 1, 'one delivery is leased')
  t.ok(rows[0].seconds > 4 && rows[0].seconds <= 7, `leased for the setting's 7 s (${rows[0].seconds.toFixed(1)} s left)`)
  for (const res of held) res.writeHead(200).end()
})
