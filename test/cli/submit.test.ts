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

  t.test('submit --rejects: the lines the gateway would refuse are set aside, the other 997 go in one report', async (t) => {
    const file = path.join(dir, 'case-43.csv')
    const rejectsFile = path.join(dir, 'case-43.rejects.csv')
    const bad = new Map([[2, 'https://example.com/not-a-platform'], [500, 'https://www.youtube.com/'], [1001, 'hxxp://t.me/rejects43/x']])
    // Other platforms' URLs among Telegram's, so the offline recognition meets more than one parser.
    const others = ['https://vk.com/wall-43_1', 'https://ok.ru/video/4343', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.tiktok.com/@rejects43/video/7234567890123456789']
    const lines = ['url,contentType']
    for (let line = 2; line <= 1001; line++) lines.push(`${bad.get(line) ?? others[line - 2] ?? `https://t.me/rejects43/${line}`},text`)
    await fs.writeFile(file, lines.join('\n') + '\n')
    const flags = ['--category', 'extremism', '--legal-basis', 'kz-online-platforms-9', '--reasons', 'Calls to join a banned group.', '--external-ref', 'CLI-43']

    const whole = await run(['submit', file, ...flags], env)
    t.equal(whole.code, 1, whole.stderr)
    t.match(whole.stdout, /1000 items in 1 reports: 0 created, 0 already submitted, 1 refused/, 'without --rejects, three bad lines refuse the other 997')

    const aside = await run(['submit', file, ...flags, '--rejects', rejectsFile], env)
    t.equal(aside.code, 1, 'lines were set aside')
    t.match(aside.stdout, /set aside line 2: url: belongs to no catalogued platform: https:\/\/example\.com\/not-a-platform/)
    t.match(aside.stdout, /3 lines set aside in .*case-43\.rejects\.csv/)
    t.match(aside.stdout, /997 items in 1 reports: 1 created, 0 already submitted, 0 refused; \d+ notices; 3 lines set aside/)
    const stored = await reportsOf('CLI-43')
    t.equal(stored.length, 1)
    t.equal((await ctx.call(authority, { method: 'GET', url: `/v1/reports/${stored[0].id}` })).json().items.length, 997, 'the gateway took every line the CLI kept')
    const rejects = await fs.readFile(rejectsFile, 'utf8')
    t.match(rejects, /^# Lines of case-43\.csv that takedown submit set aside/)
    t.same(rejects.split('\n').filter((l) => !l.startsWith('#') && l !== ''), ['url,contentType', ...[...bad.values()].map((u) => `${u},text`)], 'the header, then each line as written')
    t.match(rejects, /# line 500: url: is on a catalogued platform but names no recognisable material: https:\/\/www\.youtube\.com\/\n/)

    // Fixed, the file of rejects is submitted as it is: only the three lines are sent.
    const fixes = new Map([...bad].map(([line, url]) => [`${url},text`, `https://t.me/rejects43/${line},text`]))
    await fs.writeFile(rejectsFile, rejects.split('\n').map((l) => fixes.get(l) ?? l).join('\n'))
    const resubmitted = await run(['submit', rejectsFile, ...flags], env)
    t.equal(resubmitted.code, 0, resubmitted.stdout + resubmitted.stderr)
    t.match(resubmitted.stdout, /3 items in 1 reports: 1 created/)
    t.equal((await reportsOf('CLI-43')).length, 2)

    const same = await run(['submit', file, ...flags, '--rejects', file], env)
    t.equal(same.code, 2)
    t.match(same.stderr, /takedown: --rejects must name another file than the one submitted/)
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
