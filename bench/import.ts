// `npm run bench:import`: a 1,000,000-line hash list through POST /v1/hash-bank/imports on a real server; goal < 30 s
// for each import (the first, and the same list again, all duplicates), answered 201 with every line counted; exit
// code 1 on a miss.
// Run: tsx bench/import.ts [lines]   (PostgreSQL from DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres)
import crypto from 'node:crypto'
import { freshDatabase, startProcess } from './lib.ts'
import { goal, verdict } from './goal.ts'

const LINES = Number(process.argv[2] ?? 1_000_000)
const GOAL_SECONDS = 30
const ADMIN_KEY = 'bench-admin-key-0123456789abcdefghijklmnop'
const PORT = 3903
const TYPES = ['sha256', 'md5', 'pdq'] as const

// A list as hash-sharing programmes export it: a third of each type, most lines labelled.
function makeList (): string {
  const random = crypto.randomBytes(LINES * 32)
  const parts = ['type,value,labels']
  for (let i = 0; i < LINES; i++) {
    const type = TYPES[i % 3]
    const value = random.subarray(i * 32, i * 32 + (type === 'md5' ? 16 : 32)).toString('hex')
    parts.push(`${type},${value},${i % 4 === 0 ? '' : 'bench:terrorism;batch-' + (i % 7)}`)
  }
  return parts.join('\n') + '\n'
}

const database = await freshDatabase('bench_import')
const server = await startProcess('src/server.ts', { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_KEY: ADMIN_KEY, RATE_LIMIT_PER_MINUTE: '100000000' }, PORT)
try {
  const created = await fetch(`http://127.0.0.1:${PORT}/v1/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench authority', role: 'authority' })
  })
  const { apiKey } = await created.json() as { apiKey: string }
  const list = makeList()
  console.log(`${LINES.toLocaleString('en')} lines, ${(Buffer.byteLength(list) / 1e6).toFixed(1)} MB of CSV`)
  let first = true
  for (const run of ['first import', 'same list again (all duplicates)']) {
    const started = performance.now()
    const res = await fetch(`http://127.0.0.1:${PORT}/v1/hash-bank/imports?name=bench-list&category=terrorism`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'text/csv' },
      body: list
    })
    const seconds = (performance.now() - started) / 1000
    const body = await res.json() as { added?: number, duplicates?: number, rejected?: number, detail?: string }
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${body.detail ?? ''}`)
    console.log(`${run.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s  ${Math.round(LINES / seconds).toLocaleString('en').padStart(9)} lines/s  ` +
      `added ${body.added}, duplicates ${body.duplicates}, rejected ${body.rejected}`)
    goal(seconds < GOAL_SECONDS, `${run}: ${seconds.toFixed(1)} s (goal < ${GOAL_SECONDS} s)`)
    const expected = first ? { added: LINES, duplicates: 0 } : { added: 0, duplicates: LINES }
    goal(body.added === expected.added && body.duplicates === expected.duplicates && body.rejected === 0,
      `${run}: added ${body.added}, duplicates ${body.duplicates}, rejected ${body.rejected} (goal: ${expected.added} added, ${expected.duplicates} duplicates, none rejected)`)
    first = false
  }
  verdict()
} finally {
  server.kill()
  await new Promise((resolve) => setTimeout(resolve, 500))
  await database.drop()
}
