// Produces the OpenAPI document from the application itself, so the committed copy can never be hand-edited.
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { createDatabase, createPool } from '../src/db/index.ts'
import { createLogger } from '../src/app.ts'
import { loadNoticeSigner } from '../src/signing/notice-signer.ts'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export const OPENAPI_FILE = new URL('../openapi/openapi.json', import.meta.url)

/** No query runs while the document is generated; the pool is never connected. */
export async function renderOpenApi (): Promise<string> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' })
  const pool = createPool(config.DATABASE_URL!, 1)
  const signer = await loadNoticeSigner(undefined, await fs.mkdtemp(path.join(os.tmpdir(), 'openapi-')))
  const app = await buildApp(config, { pool, db: createDatabase(pool), signer, logger: createLogger('silent'), background: false })
  await app.ready()
  const document = JSON.stringify(app.swagger(), null, 2) + '\n'
  await app.close()
  await pool.end()
  return document
}
