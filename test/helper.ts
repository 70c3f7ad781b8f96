// Builds the gateway exactly as production does, on a database of its own, and closes both after the test file.
import type { Test } from 'tap'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { buildApp, createLogger } from '../src/app.ts'
import { loadConfig, type Config } from '../src/config.ts'
import type { Resolver } from '../src/delivery/address-guard.ts'
import { createDatabase, createPool, type Database } from '../src/db/index.ts'
import { bootstrapAdmin } from '../src/use-cases/clients.ts'
import { createServiceRole, createTestDatabase } from './helpers/database.ts'
import type { Role } from '../src/domain/vocabulary.ts'
import type pg from 'pg'
import type { Logger } from 'pino'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadNoticeSigner, type NoticeSigner } from '../src/signing/notice-signer.ts'
import { registerSigningKey } from '../src/repositories/notices.ts'

export const ADMIN_KEY = 'test-bootstrap-admin-key-0123456789abcdef'

export interface TestContext {
  app: FastifyInstance
  db: Database
  pool: pg.Pool
  config: Config
  signer: NoticeSigner
  databaseUrl: string
  /** The test database as the tables' owner (the same as databaseUrl unless built with `serviceRole`). */
  ownerUrl: string
  adminKey: string
  /** Creates an API client through the API and returns its key. */
  clientKey: (role: Role, platform?: string) => Promise<string>
  /** inject() with a bearer key. */
  call: (key: string | null, options: InjectOptions) => Promise<LightMyRequestResponse>
}

export interface BuildOptions {
  /**
   * Runs the app as a role of least privilege (as production does with DATABASE_MIGRATION_URL), made for this
   * test file; `ownerPool` then reaches the same database as the tables' owner.
   */
  serviceRole?: boolean
  logger?: Logger
  /** Webhook host names to addresses (see src/delivery/address-guard.ts). */
  resolver?: Resolver
}

export async function build (t: Test, env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestContext> {
  const { close, ...ctx } = await open(env, options)
  t.teardown(close)
  return ctx
}

/** The same as build, for scripts outside tap: the caller closes it. */
export async function open (env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestContext & { close: () => Promise<void> }> {
  const database = await createTestDatabase()
  const role = options.serviceRole === true ? await createServiceRole(database.url) : null
  const appUrl = role?.url ?? database.url
  // Deadline sweeps are off unless a test asks for them, so a backdated deadline only moves when a test says so.
  const keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-test-keys-'))
  // Deliveries are sent only where a test asks (DELIVERY_CONCURRENCY), and whatever the app keeps on disk (the
  // webhook secrets' key, e-mails written to the outbox) goes to the test's own folder.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEADLINE_SWEEP_SECONDS: '0',
    DELIVERY_CONCURRENCY: '0',
    DATA_DIR: keyDir,
    ...env,
    DATABASE_URL: appUrl
  })
  const pool = createPool(appUrl, 10)
  const db = createDatabase(pool)
  await bootstrapAdmin(db, ADMIN_KEY)
  const signer = await loadNoticeSigner(undefined, keyDir)
  await registerSigningKey(db, signer.kid, signer.publicKey.jwk)
  const app = await buildApp(config, {
    pool,
    db,
    signer,
    logger: options.logger ?? createLogger(config.LOG_LEVEL),
    ...(options.resolver === undefined ? {} : { resolver: options.resolver })
  })
  const close = async (): Promise<void> => {
    await app.close()
    await pool.end()
    await database.drop()
    await role?.drop()
    await fs.rm(keyDir, { recursive: true, force: true })
  }
  const call: TestContext['call'] = (key, options) => app.inject({
    ...options,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers }
  })
  const clientKey: TestContext['clientKey'] = async (role, platform) => {
    const res = await call(ADMIN_KEY, { method: 'POST', url: '/v1/clients', payload: { name: `${role} ${platform ?? ''}`.trim(), role, ...(platform ? { platform } : {}) } })
    if (res.statusCode !== 201) throw new Error(`client creation failed: ${res.statusCode} ${res.body}`)
    return res.json().apiKey as string
  }
  return { app, db, pool, config, signer, databaseUrl: database.url, ownerUrl: database.url, adminKey: ADMIN_KEY, clientKey, call, close }
}
