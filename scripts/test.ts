// `npm test`: provides a PostgreSQL (DATABASE_URL, else an embedded one), runs tap, and prints a plain summary line.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.ts'
import { TapCounter } from './tap-results.ts'
import { freePort } from './free-port.ts'

let embedded: EmbeddedServer | null = null
let cleanup = (): void => {}
const env = { ...process.env }
if (!env.DATABASE_URL) {
  // A throw-away cluster on its own port, so tests never touch a developer's gateway data. It lives under the
  // system temp folder because PostgreSQL runs as an unprivileged user that must be able to reach it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'takedown-test-pg-'))
  fs.chmodSync(dataDir, 0o755)
  // Two-phase transactions are allowed so that the tests can prepare one (test/jobs/sequencer-horizon.test.ts).
  embedded = await startEmbeddedPostgres({
    dataDir,
    port: env.TEST_EMBEDDED_PG_PORT ? Number(env.TEST_EMBEDDED_PG_PORT) : await freePort(),
    settings: { max_prepared_transactions: '8' }
  })
  cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true })
  env.DATABASE_URL = embedded.ownerUrl
  process.stdout.write(`# tests run on an embedded PostgreSQL (${embedded.dataDir})\n`)
} else {
  process.stdout.write('# tests run on the PostgreSQL named by DATABASE_URL\n')
}

// tap's own reporter is kept; the TAP stream it writes when not on a terminal is read line by line for the tally.
const tapBin = path.resolve('node_modules/.bin/tap')
const counter = new TapCounter()
const code: number = await new Promise((resolve) => {
  const child = spawn(tapBin, process.argv.slice(2), { stdio: ['inherit', 'pipe', 'inherit'], env })
  let pending = ''
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk)
    const lines = (pending + chunk.toString('utf8')).split('\n')
    pending = lines.pop()!
    for (const line of lines) counter.line(line)
  })
  child.on('close', (status, signal) => {
    counter.line(pending)
    resolve(status ?? (signal ? 1 : 0))
  })
})
if (embedded) await embedded.stop()
cleanup()

const { passed, failed, skipped } = counter.counts
// Repeated at the end, where a reader of the log's tail (a CI summary) sees them.
if (counter.failures.length > 0) process.stdout.write(`\nFailed:\n${counter.failures.map((name) => `  - ${name}\n`).join('')}`)
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`)
process.exit(code !== 0 ? code : failed > 0 ? 1 : 0)
