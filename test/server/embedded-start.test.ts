// The embedded PostgreSQL's first start as root: a private directory is named, not an EACCES; a second server on
// the same data directory fails in PostgreSQL's own words.
import t from 'tap'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { firstUntraversable, startEmbeddedPostgres } from '../../src/db/embedded.ts'
import { freePort } from '../../scripts/free-port.ts'

const asRoot = os.userInfo().uid === 0

t.test('the first directory a user cannot pass through is found', async (t) => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-reach-'))
  t.teardown(() => fs.rm(base, { recursive: true, force: true }))
  await fs.chmod(base, 0o755)
  const closed = path.join(base, 'closed')
  await fs.mkdir(path.join(closed, 'inner'), { recursive: true })
  await fs.chmod(closed, 0o700)
  const stranger = { uid: 4_000_001, gid: 4_000_001 }
  t.equal(await firstUntraversable(path.join(closed, 'inner', 'data'), stranger), closed)
  t.equal(await firstUntraversable(path.join(base, 'open', 'data'), stranger), null, 'what does not exist yet is no obstacle')
  const owner = { uid: (await fs.stat(closed)).uid, gid: 4_000_001 }
  t.equal(await firstUntraversable(path.join(closed, 'inner'), owner), null, 'the owner passes')
})

t.test('as root, a data directory inside a private directory stops the gateway with what to do', { skip: asRoot ? false : 'needs root: only root runs PostgreSQL as another user' }, async (t) => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-private-'))
  t.teardown(() => fs.rm(base, { recursive: true, force: true }))
  await fs.chmod(base, 0o700)
  const { DATABASE_URL: _unset, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...inherited, DATA_DIR: path.join(base, 'data'), EMBEDDED_PG_PORT: String(await freePort()), PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const code = await new Promise((resolve) => child.once('exit', resolve))
  t.equal(code, 1)
  t.match(output, 'the gateway cannot start')
  t.match(output, `cannot enter ${base}`)
  t.match(output, 'DATA_DIR')
  t.notMatch(output, 'EACCES')
  await t.rejects(fs.access(path.join(base, 'data', 'postgres', 'PG_VERSION')), 'nothing was initialised')
})

t.test('a second server on the same data directory fails in PostgreSQL\'s words', async (t) => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-twice-'))
  await fs.chmod(dataDir, 0o755)
  const first = await startEmbeddedPostgres({ dataDir, port: await freePort() })
  t.teardown(async () => {
    await first.stop()
    await fs.rm(dataDir, { recursive: true, force: true })
  })
  await t.rejects(startEmbeddedPostgres({ dataDir, port: await freePort() }), /failed to start on port \d+: .*(postmaster\.pid|another server)/i)
})
