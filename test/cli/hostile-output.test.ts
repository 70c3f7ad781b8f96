// The takedown CLI never hands a terminal a control character the gateway sent (issue 19): a rejection reason stored
// before the API refused it, holding ESC ] 0 ; ... BEL, ESC [ 2 J, CR and a forged line, prints made visible.
import t from 'tap'
import { liveGateway, run } from '../helpers/cli.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { HOSTILE, RAW } from '../helpers/hostile-text.ts'
import { describeError } from '../../src/cli/io.ts'
import { ProblemError } from '../../src/client/index.ts'

t.test('watch and notices print stored hostile text made visible', async (t) => {
  const { ctx, authority, env } = await liveGateway(t)
  const telegram = await ctx.clientKey('liaison', 'telegram')
  const { id } = await issueNotice(ctx, authority, ['https://t.me/hostile_cli/1'])
  const delivered = await ctx.call(telegram, { method: 'GET', url: `/v1/notices/${id}` })
  const rejected = await ctx.call(telegram, {
    method: 'POST',
    url: `/v1/notices/${id}/transitions`,
    payload: { action: 'reject', reason: 'placeholder' },
    headers: { 'if-match': delivered.headers.etag as string }
  })
  t.equal(rejected.statusCode, 200, rejected.body)
  // Written straight into the database, as a reason accepted before the API refused it would be.
  const reason = `${HOSTILE.title}${HOSTILE.clear}${HOSTILE.forged}${HOSTILE.backspace}${HOSTILE.vt}${HOSTILE.ff}` +
    `${HOSTILE.nel}${HOSTILE.csi}${HOSTILE.del} ${HOSTILE.rlo}`
  await ctx.pool.query('update notice_events set reason = $1 where notice_id = $2 and action = \'reject\'', [reason, id])

  const since = ['--after', '0', '--no-follow', '--wait', '1', '--since', '2000-01-01T00:00:00Z']
  const plain = await run(['watch', ...since], env)
  t.equal(plain.code, 0, plain.stderr)
  t.match(plain.stdout, 'reject (\\x1b]0;owned\\x07\\x1b[2Jok\\rFAKE: notice withdrawn by authorityabc\\x08X')
  t.match(plain.stdout, 'a\\x0bba\\x0cba\\x85ba\\x9b2Jba\\x7fb', 'VT, FF, C1 controls and DEL shown as escapes')
  t.match(plain.stdout, 'Telegram\\u202e moc.elgoog', 'the override shown as an escape')
  t.notMatch(plain.stdout, RAW, 'watch: nothing raw')
  t.notOk(plain.stdout.split('\n').some((line) => line.startsWith('FAKE')), 'no forged line')

  const json = await run(['watch', '--json', ...since], env)
  t.equal(json.code, 0, json.stderr)
  t.notMatch(json.stdout, RAW, 'watch --json: nothing raw, C1 and bidirectional controls included')
  const events = json.stdout.trim().split('\n').map((line) => JSON.parse(line))
  t.equal(events.find((e) => e.action === 'reject').reason, reason, 'the JSON still carries the reason exactly')

  await ctx.pool.query('update notices set reference_number = reference_number || $1 where id = $2', [HOSTILE.clear, id])
  for (const args of [['notices'], ['notices', '--json']]) {
    const list = await run(args, env)
    t.equal(list.code, 0, list.stderr)
    t.notMatch(list.stdout, RAW, `${args.join(' ')}: nothing raw`)
    t.match(list.stdout, args.length === 1 ? '\\x1b[2J' : '\\u001b[2J', `${args.join(' ')}: shown as an escape`)
  }
})

t.test('a problem the gateway answers is described with its control characters made visible', async (t) => {
  const problem = new ProblemError({
    type: 'about:blank',
    title: `Bad${HOSTILE.clear}`,
    status: 400,
    detail: HOSTILE.forged,
    code: 'validation_failed',
    errors: [{ pointer: '/reason', detail: `${HOSTILE.title}${HOSTILE.rlo}` }]
  } as ConstructorParameters<typeof ProblemError>[0])
  const line = describeError(problem)
  t.notMatch(line, RAW)
  t.equal(line, '400 Bad\\x1b[2J: ok\\rFAKE: notice withdrawn by authority (/reason: \\x1b]0;owned\\x07Telegram\\u202e ' +
    'moc.elgoog)')
})
