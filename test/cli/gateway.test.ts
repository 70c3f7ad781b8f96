// The takedown CLI as a real child process (bin/takedown.js) against a live gateway over HTTP.
import t from 'tap'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'

const BIN = fileURLToPath(new URL('../../bin/takedown.js', import.meta.url))

interface Run { code: number | null, stdout: string, stderr: string }

function start (args: string[], env: Record<string, string>): { child: ChildProcess, output: () => Run, done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8') })
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8') })
  const done = new Promise<Run>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
  return { child, output: () => ({ code: null, stdout, stderr }), done }
}

const run = async (args: string[], env: Record<string, string> = {}): Promise<Run> => await start(args, env).done

t.test('--help on every command exits 0 with its usage', async (t) => {
  const commands = [[], ['submit'], ['watch'], ['notices'], ['verify'], ['export'], ['export', 'blocking-orders'], ['hash']]
  for (const command of commands) {
    const { code, stdout } = await run([...command, '--help'])
    t.equal(code, 0, `${command.join(' ')} --help`)
    t.match(stdout, new RegExp(`usage: takedown ${command.join(' ')}`, 'i'))
  }
  const bare = await run([])
  t.equal(bare.code, 2, 'no command is a usage error')
  t.match(bare.stderr, /Commands:[\s\S]*submit[\s\S]*hash/)
})

t.test('the CLI on a live gateway', async (t) => {
  const ctx = await build(t)
  const feedPolls: string[] = []
  ctx.app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/v1/events?') && request.headers['user-agent'] === 'takedown-cli') feedPolls.push(request.url)
  })
  const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const authority = await ctx.clientKey('authority')
  const env = { TAKEDOWN_URL: url, TAKEDOWN_KEY: authority }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'takedown-cli-'))
  t.teardown(async () => { await fs.rm(dir, { recursive: true, force: true }) })
  const reportsOf = async (externalRef: string) =>
    (await ctx.call(authority, { method: 'GET', url: `/v1/reports?externalRef=${externalRef}&limit=500` })).json().data as Array<{ id: string }>

  t.test('submit: a refused later report, then a rerun of the fixed file, creates each report once', async (t) => {
    const file = path.join(dir, 'case-41.csv')
    const rows = (bad: string) => [
      'url,contentType',
      'https://t.me/resume41/1,text', 'https://t.me/resume41/2,text',
      `${bad},text`, 'https://t.me/resume41/4,text',
      'https://t.me/resume41/5,text'
    ].join('\n') + '\n'
    const flags = ['--category', 'extremism', '--legal-basis', 'kz-online-platforms-9', '--reasons', 'Calls to join a banned group.', '--external-ref', 'CLI-41', '--chunk-size', '2']
    await fs.writeFile(file, rows('https://example.com/not-a-platform'))
    const first = await run(['submit', file, ...flags], env)
    t.equal(first.code, 1, first.stderr)
    t.match(first.stdout, /refused lines 4-5: 422/)
    t.match(first.stdout, /line 4\/url: belongs to no catalogued platform/)
    t.match(first.stdout, /5 items in 3 reports: 2 created, 0 already submitted, 1 refused/)
    t.equal((await reportsOf('CLI-41')).length, 2)

    await fs.writeFile(file, rows('https://t.me/resume41/3'))
    const again = await run(['submit', file, ...flags], env)
    t.equal(again.code, 0, again.stderr)
    t.match(again.stdout, /5 items in 3 reports: 1 created, 2 already submitted, 0 refused/)
    const stored = await reportsOf('CLI-41')
    t.equal(stored.length, 3, 'one report per chunk, none twice')
    const items = []
    for (const r of stored) items.push(...(await ctx.call(authority, { method: 'GET', url: `/v1/reports/${r.id}` })).json().items.map((i: { url: string }) => i.url))
    t.same(items.sort(), [1, 2, 3, 4, 5].map((n) => `https://t.me/resume41/${n}`))
  })

  t.test('submit: killed after its first report was acknowledged, a rerun resumes without duplicates', async (t) => {
    const file = path.join(dir, 'case-42.ndjson')
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({
      url: `https://vk.com/wall-42_${i + 1}`, contentType: 'text', category: 'fraud', legalBasis: 'kz-online-platforms-9', reasons: 'Fake lottery.', externalRef: 'CLI-42'
    }))
    await fs.writeFile(file, lines.join('\n') + '\n')
    const interrupted = start(['submit', file, '--chunk-size', '2'], env)
    await eventually(async () => /created report/.test(interrupted.output().stdout))
    interrupted.child.kill('SIGKILL')
    const killed = await interrupted.done
    t.equal(killed.code, null, 'killed, not finished')
    const before = (await reportsOf('CLI-42')).length
    t.ok(before >= 1 && before <= 3)

    const resumed = await run(['submit', file, '--chunk-size', '2'], env)
    t.equal(resumed.code, 0, resumed.stderr)
    t.match(resumed.stdout.split('\n')[0], /^already submitted report/, 'the acknowledged report is replayed')
    t.match(resumed.stdout, new RegExp(`6 items in 3 reports: ${3 - before} created, ${before} already submitted, 0 refused`))
    t.equal((await reportsOf('CLI-42')).length, 3, 'each report once')
  })

  t.test('verify: a good notice exits 0, a tampered one 1, a usage error 2', async (t) => {
    const submitted = await ctx.call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: { externalRef: 'CLI-SIG', category: 'terrorism', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Propaganda.', urgency: 'urgent', items: [{ url: 'https://t.me/clisig/9', contentType: 'video' }] }
    })
    const noticeId = submitted.json().notices[0].id as string
    const online = await run(['verify', noticeId], env)
    t.equal(online.code, 0, online.stderr)
    t.match(online.stdout, /^valid: notice KZ-\d{4}-TG-\d+/)

    const signature = (await ctx.call(authority, { method: 'GET', url: `/v1/notices/${noticeId}/signature` })).json() as { jws: string }
    const jwksFile = path.join(dir, 'jwks.json')
    await fs.writeFile(jwksFile, (await ctx.call(null, { method: 'GET', url: '/.well-known/jwks.json' })).body)
    const good = path.join(dir, 'notice.json')
    await fs.writeFile(good, JSON.stringify(signature))
    const offline = await run(['verify', '--jws', good, '--jwks', jwksFile], { TAKEDOWN_URL: 'http://127.0.0.1:1' })
    t.equal(offline.code, 0, `offline: nothing fetched ${offline.stderr}`)

    // The same document with one fact changed (the deadline a day later) and the original signature.
    const [header, payload, sig] = signature.jws.split('.')
    const doc = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    doc.deadline = new Date(Date.parse(doc.deadline) + 86_400_000).toISOString()
    const tampered = path.join(dir, 'tampered.jws')
    await fs.writeFile(tampered, `${header}.${Buffer.from(JSON.stringify(doc)).toString('base64url')}.${sig}\n`)
    const refused = await run(['verify', '--jws', tampered, '--jwks', jwksFile], {})
    t.equal(refused.code, 1)
    t.match(refused.stdout, /^invalid: the signature does not match/)

    t.equal((await run(['verify'], env)).code, 2, 'neither an id nor a file')
    t.equal((await run(['verify', '--jws', path.join(dir, 'missing.jws'), '--jwks', jwksFile], env)).code, 2, 'a missing file')
    t.equal((await run(['verify', '00000000-0000-4000-8000-000000000000'], env)).code, 2, 'an unknown notice')
  })

  t.test('watch prints transitions as they happen, filtered by platform; notices lists them', async (t) => {
    const watcher = start(['watch', '--platform', 'ok', '--wait', '10'], env)
    t.teardown(() => { watcher.child.kill() })
    await eventually(async () => feedPolls.some((u) => u.includes('wait=10')))
    const submitted = await ctx.call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: { externalRef: 'CLI-WATCH', category: 'drugs', legalBasis: 'kz-online-platforms-9', statementOfReasons: 'Sale of drugs.', urgency: 'normal', items: [{ url: 'https://ok.ru/video/4242', contentType: 'video' }, { url: 'https://t.me/cliwatch/1', contentType: 'text' }] }
    })
    const okNotice = (submitted.json().notices as Array<{ id: string, platform: string }>).find((n) => n.platform === 'ok')!
    await eventually(async () => watcher.output().stdout.includes(okNotice.id))
    const printed = watcher.output().stdout.trim().split('\n')
    t.equal(printed.length, 1, 'only the ok notice, not the telegram one')
    t.match(printed[0], new RegExp(`ok  ${okNotice.id}  - -> issued  notice.created`))

    const listed = await run(['notices', '--platform', 'ok', '--json'], env)
    t.equal(listed.code, 0, listed.stderr)
    const rows = listed.stdout.trim().split('\n').map((line) => JSON.parse(line))
    t.ok(rows.length >= 1 && rows.every((n) => n.platform === 'ok'))
    t.ok(rows.some((n) => n.id === okNotice.id))

    const caughtUp = await run(['watch', '--after', '0', '--status', 'issued', '--no-follow', '--json'], env)
    t.equal(caughtUp.code, 0, caughtUp.stderr)
    t.ok(caughtUp.stdout.trim().split('\n').map((l) => JSON.parse(l)).every((e) => e.to === 'issued'))
  })

  t.test('export blocking-orders writes the register in the format asked', async (t) => {
    const csv = await run(['export', 'blocking-orders', '--format', 'csv'], env)
    t.equal(csv.code, 0, csv.stderr)
    t.match(csv.stdout, /^[a-zA-Z_,]+\r?\n/, 'a header row')
    const json = await run(['export', 'blocking-orders', '--format', 'json'], env)
    t.equal(json.code, 0)
    t.type(JSON.parse(json.stdout), 'object')
    const unauthorised = await run(['export', 'blocking-orders'], { TAKEDOWN_URL: url, TAKEDOWN_KEY: 'not-a-key-of-this-gateway-000000' })
    t.equal(unauthorised.code, 1)
    t.match(unauthorised.stderr, /takedown: 401/)
  })
})
