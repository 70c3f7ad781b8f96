// `npm test`: provides a PostgreSQL (DATABASE_URL, else an embedded one), runs tap, and prints a plain summary line.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts'
import { countResults } from './tap-results.ts'

const RESULTS_DIR = '.tap/test-results'
let embedded: EmbeddedServer | null = null
let cleanup = (): void => {}
const env = { ...process.env }
if (!env.DATABASE_URL) {
  // A throw-away cluster on its own port, so tests never touch a developer's gateway data. It lives under the
  // system temp folder because PostgreSQL runs as an unprivileged user that must be able to reach it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'takedown-test-pg-'))
  fs.chmodSync(dataDir, 0o755)
  embedded = await startEmbeddedPostgres({ dataDir, port: Number(env.TEST_EMBEDDED_PG_PORT ?? 54330) })
  cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true })
  env.DATABASE_URL = embedded.url
  process.stdout.write(`# tests run on an embedded PostgreSQL (${embedded.dataDir})\n`)
} else {
  process.stdout.write('# tests run on the PostgreSQL named by DATABASE_URL\n')
}

fs.rmSync(RESULTS_DIR, { recursive: true, force: true })
const tapBin = path.resolve('node_modules/.bin/tap')
const code: number = await new Promise((resolve) => {
  const child = spawn(tapBin, process.argv.slice(2), { stdio: 'inherit', env })
  child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)))
})
if (embedded) await embedded.stop()
cleanup()

const { passed, failed, skipped } = countResults(RESULTS_DIR)
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`)
process.exit(code !== 0 ? code : failed > 0 ? 1 : 0)
