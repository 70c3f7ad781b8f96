// What a start tells the operator: a BOOTSTRAP_ADMIN_KEY that was not used, and platforms still on placeholder
// contacts. The real server process is started on a database of its own.
import t from 'tap'
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase } from '../helpers/database.ts'
import { hasPlaceholderContacts, PLATFORMS } from '../../src/domain/platforms.ts'

/** Starts the gateway, waits until it listens (or exits), stops it, and returns its log lines. */
async function startOnce (env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', DEADLINE_SWEEP_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const lines: Array<Record<string, unknown>> = []
  let pending = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (pending + chunk.toString('utf8')).split('\n')
      pending = parts.pop()!
      for (const part of parts) {
        if (!part.startsWith('{')) continue
        const line = JSON.parse(part) as Record<string, unknown>
        lines.push(line)
        if (typeof line.msg === 'string' && line.msg.startsWith('Server listening')) resolve()
      }
    })
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code}) before listening: ${JSON.stringify(lines)}`)))
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
  return lines
}

t.test('start-up warnings', async (t) => {
  const database = await createTestDatabase()
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-start-'))
  t.teardown(async () => {
    await database.drop()
    await fs.rm(dataDir, { recursive: true, force: true })
  })
  const env = { DATABASE_URL: database.url, DATA_DIR: dataDir }
  const unused = (lines: Array<Record<string, unknown>>) => lines.filter((l) => String(l.msg).startsWith('BOOTSTRAP_ADMIN_KEY was not used'))

  const first = await startOnce({ ...env, BOOTSTRAP_ADMIN_KEY: 'first-start-admin-key-0123456789' })
  t.equal(unused(first).length, 0, 'a key that created the administrator is not reported as unused')
  const placeholders = first.find((l) => String(l.msg).includes('placeholder contacts'))
  t.same([...(placeholders?.platforms as string[])].sort(), PLATFORMS.map((p) => p.slug).sort(), 'every seeded platform is named')

  const second = await startOnce({ ...env, BOOTSTRAP_ADMIN_KEY: 'second-start-other-key-0123456789' })
  t.equal(unused(second).length, 1, 'a key given to a database that has an administrator is reported')
  t.notMatch(JSON.stringify(second), 'second-start-other-key', 'and never printed')
})

t.test('placeholder contacts are the seeded illustrative ones only', async (t) => {
  for (const platform of PLATFORMS) t.ok(hasPlaceholderContacts(platform), platform.slug)
  t.notOk(hasPlaceholderContacts({ legalRepresentative: { name: 'Jane Doe', email: 'legal@telegram.org' } }), 'a real representative')
  t.ok(hasPlaceholderContacts({ legalRepresentative: { name: 'Jane Doe', email: 'jane@example.org' } }), 'the illustrative domain')
  t.ok(hasPlaceholderContacts({ legalRepresentative: null }), 'no representative at all')
})
