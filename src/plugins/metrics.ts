// Prometheus metrics at /metrics, and one log line per request naming its caller: what an operator watches.
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type pg from 'pg'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import { Type } from 'typebox'
import { errorResponses } from '../schemas/common.ts'
import { readOperationalFigures } from '../repositories/operational-figures.ts'
import type { Database } from '../db/index.ts'
import type { HashBankIndex } from '../hash-bank/index-service.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts delivery attempts (the delivery worker reports each one). */
    deliveryMetrics: { attempt: (channel: string, outcome: string) => void }
  }
}

export interface MetricsOptions {
  db: Database
  pool: pg.Pool
  bank: HashBankIndex
  /** Roles whose keys may read /metrics (a scraper is given an auditor's key). */
  roles: ReadonlyArray<'admin' | 'auditor'>
}

/** Requests a route has not matched are counted under one label, so hostile paths cannot grow the label set. */
const UNMATCHED = 'unmatched'

export default fp(async function metrics (app: FastifyInstance, opts: MetricsOptions) {
  // A registry per app: tests build several apps in one process, and each must count only its own requests.
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'takedown_', eventLoopMonitoringPrecision: 20 })

  const requests = new Counter({
    name: 'takedown_http_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry]
  })
  const durations = new Histogram({
    name: 'takedown_http_request_duration_seconds',
    help: 'Time from the request arriving to its answer being sent, by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry]
  })

  const poolGauge = new Gauge({
    name: 'takedown_db_pool_connections',
    help: 'Database pool connections of this process: total, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect () {
      this.set({ state: 'total' }, opts.pool.totalCount)
      this.set({ state: 'idle' }, opts.pool.idleCount)
      this.set({ state: 'waiting' }, opts.pool.waitingCount)
    }
  })
  void poolGauge

  const notices = new Gauge({
    name: 'takedown_notices',
    help: 'Notices by platform and status',
    labelNames: ['platform', 'status'] as const,
    registers: [registry]
  })
  const overdue = new Gauge({
    name: 'takedown_notices_past_deadline',
    help: 'Open notices whose response deadline has passed, by platform',
    labelNames: ['platform'] as const,
    registers: [registry]
  })
  const feedPending = new Gauge({
    name: 'takedown_change_feed_pending_events',
    help: 'Committed events not yet numbered into the change feed',
    registers: [registry]
  })
  const feedLag = new Gauge({
    name: 'takedown_change_feed_lag_seconds',
    help: 'Age of the oldest event not yet numbered into the change feed (0 when none waits)',
    registers: [registry]
  })
  const bankEntries = new Gauge({
    name: 'takedown_hash_bank_entries',
    help: 'Active (not retired) hash-bank entries by hash type',
    labelNames: ['type'] as const,
    registers: [registry]
  })
  const indexSize = new Gauge({
    name: 'takedown_hash_bank_index_hashes',
    help: 'Perceptual hashes in this process\'s in-memory index',
    registers: [registry],
    collect () { this.set(opts.bank.size) }
  })
  void indexSize
  const indexStaleness = new Gauge({
    name: 'takedown_hash_bank_index_staleness_seconds',
    help: 'Seconds since this process\'s hash-bank index last caught up with the bank (-1 before its first load)',
    registers: [registry],
    collect () {
      const at = opts.bank.lastCaughtUpAt
      this.set(at === null ? -1 : (Date.now() - at) / 1000)
    }
  })
  void indexStaleness

  const deliveryAttempts = new Counter({
    name: 'takedown_delivery_attempts_total',
    help: 'Delivery attempts by this process, by channel (email, webhook) and outcome (delivered, retry, failed, ' +
      'refused)',
    labelNames: ['channel', 'outcome'] as const,
    registers: [registry]
  })
  app.decorate('deliveryMetrics', {
    attempt: (channel: string, outcome: string) => { deliveryAttempts.inc({ channel, outcome }) }
  })
  const deliveriesPending = new Gauge({
    name: 'takedown_deliveries_pending',
    help: 'Deliveries waiting to be sent or retried, by channel',
    labelNames: ['channel'] as const,
    registers: [registry]
  })
  const deliveryLag = new Gauge({
    name: 'takedown_deliveries_oldest_pending_seconds',
    help: 'Age of the oldest delivery still pending (0 when none waits)',
    registers: [registry]
  })
  const disabledEndpoints = new Gauge({
    name: 'takedown_webhook_endpoints_disabled',
    help: 'Webhook endpoints the gateway disabled (410 Gone, or failing for 5 days) and nobody enabled again',
    registers: [registry]
  })

  /** The database's figures are read once per scrape, in one round trip. */
  async function collectDatabaseFigures (): Promise<void> {
    const figures = await readOperationalFigures(opts.db)
    notices.reset()
    for (const row of figures.notices) notices.set({ platform: row.platform, status: row.status }, row.count)
    overdue.reset()
    for (const row of figures.pastDeadline) overdue.set({ platform: row.platform }, row.count)
    feedPending.set(figures.feed.pending)
    feedLag.set(figures.feed.oldestAgeSeconds)
    bankEntries.reset()
    for (const row of figures.bank) bankEntries.set({ type: row.type }, row.count)
    deliveriesPending.reset()
    for (const row of figures.deliveries.pending) deliveriesPending.set({ channel: row.channel }, row.count)
    deliveryLag.set(figures.deliveries.oldestPendingAgeSeconds)
    disabledEndpoints.set(figures.deliveries.disabledEndpoints)
  }

  // One hook for every answer: counts, times and logs it with the caller's client and role. Requests no route
  // matched (404s, router problems) count under one label.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url
    if (route !== '/metrics') observe(request, reply, route ?? UNMATCHED)
    done()
  })

  function observe (request: FastifyRequest, reply: FastifyReply, route: string): void {
    const status = String(reply.statusCode)
    const seconds = reply.elapsedTime / 1000
    const labels = { method: request.method, route, status }
    requests.inc(labels)
    durations.observe(labels, seconds)
    const principal = request.principal
    request.log.info({
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      client: principal?.id,
      role: principal?.role
    }, 'request completed')
  }

  app.get('/metrics', {
    config: { roles: opts.roles },
    schema: {
      tags: ['operations'],
      operationId: 'getMetrics',
      summary: 'Operational metrics in the Prometheus text format',
      description: 'For an auditor or administrator key (give the scraper an auditor client\'s key as a bearer ' +
        'token): request rate and latency per route and status, the database pool, event-loop delay, notices by ' +
        'platform and status, notices past their deadline, the change feed\'s backlog and lag, the hash bank\'s size ' +
        'and this process\'s index staleness.',
      response: {
        200: {
          description: 'The metrics',
          headers: {
            'Cache-Control': {
              type: 'string',
              const: 'no-store',
              description: 'Figures of the moment: never cached, so never tagged either'
            }
          },
          content: { 'text/plain': { schema: Type.String({ maxLength: 10_000_000 }) } }
        },
        ...errorResponses(403)
      }
    }
  }, async (_request, reply) => {
    await collectDatabaseFigures()
    reply.type(registry.contentType).header('cache-control', 'no-store')
    return await registry.metrics()
  })
}, { name: 'metrics' })
