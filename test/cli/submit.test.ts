// The takedown CLI as a real child process (bin/takedown.js) against a live gateway over HTTP: submit, interrupted and resumed.
import t from 'tap'
import fs from 'node:fs/promises'
import path from 'node:path'
import { eventually } from '../helpers/eventually.ts'
import { liveGateway, run, start } from '../helpers/cli.ts'

t.test('takedown submit on a live gateway', async (t) => {
  const { ctx, authority, env, dir } = await liveGateway(t)
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
    // A request in flight at the kill may still have been taken after the count above: it replays too.
    const [, created, replayed] = /6 items in 3 reports: (\d) created, (\d) already submitted, 0 refused/.exec(resumed.stdout) ?? []
    t.equal(Number(created) + Number(replayed), 3, resumed.stdout)
    t.ok(Number(replayed) >= before, 'everything taken before is replayed')
    t.equal((await reportsOf('CLI-42')).length, 3, 'each report once')
  })
})
