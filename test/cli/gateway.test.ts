// The takedown CLI as a real child process (bin/takedown.js) against a live gateway over HTTP: watch, notices,
// deliveries and export.
import t from 'tap'
import { eventually } from '../helpers/eventually.ts'
import { liveGateway, run, start } from '../helpers/cli.ts'

t.test('watch, notices and export on a live gateway', async (t) => {
  const feedPolls: string[] = []
  const { ctx, url, authority, env } = await liveGateway(t, (ctx) => {
    ctx.app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/v1/events?') && request.headers['user-agent'] === 'takedown-cli') feedPolls.push(request.url)
    })
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

    // The ok platform has a notice address: its notice's creation waits in the outbox (no worker runs here).
    const shown = await run(['deliveries', okNotice.id], env)
    t.equal(shown.code, 0, shown.stderr)
    t.match(shown.stdout, /email {2}notice\.created {2}pending {2}[0-9a-f-]{36}/, 'each delivery, its channel, event and state')
    const asJson = (await run(['deliveries', okNotice.id, '--json'], env)).stdout.trim().split('\n').map((l) => JSON.parse(l))
    t.same(asJson.map((d) => [d.channel, d.eventType, d.status]), [['email', 'notice.created', 'pending']])
    const missing = await run(['deliveries', '00000000-0000-4000-8000-000000000000'], env)
    t.equal(missing.code, 1)
    t.match(missing.stderr, /takedown: 404/)
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
