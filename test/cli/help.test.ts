// --help on every command of the takedown CLI, run as a real child process.
import t from 'tap'
import { run } from '../helpers/cli.ts'

t.test('--help on every command exits 0 with its usage', async (t) => {
  const commands = [[], ['submit'], ['watch'], ['notices'], ['deliveries'], ['verify'], ['export'], ['export', 'blocking-orders'], ['hash']]
  for (const command of commands) {
    const { code, stdout } = await run([...command, '--help'])
    t.equal(code, 0, `${command.join(' ')} --help`)
    t.match(stdout, new RegExp(`usage: takedown ${command.join(' ')}`, 'i'))
  }
  const bare = await run([])
  t.equal(bare.code, 2, 'no command is a usage error')
  t.match(bare.stderr, /Commands:[\s\S]*submit[\s\S]*hash/)
})

t.test('usage errors: the error and the command\'s usage on stderr, nothing on stdout, exit 2', async (t) => {
  const cases: Array<[string[], RegExp]> = [
    [['submit'], /error: missing required argument 'file'[\s\S]*Usage: takedown submit/],
    [['submit', 'case.csv', '--bogus'], /error: unknown option '--bogus'[\s\S]*Usage: takedown submit/],
    [['submit', 'case.csv', '--chunk-size', '0'], /--chunk-size must be a whole number from 1 to 1000/],
    [['submit', 'case.csv', '--rejects'], /error: option '--rejects <file>' argument missing/],
    [['watch', '--wait', '99'], /--wait must be a whole number from 1 to 30/],
    [['export', 'blocking-orders', '--format', 'pdf'], /argument 'pdf' is invalid\. Allowed choices are csv, json, xml/],
    [['hash'], /error: missing required argument 'file'[\s\S]*Usage: takedown hash \[--json\] <file\.\.\.>/],
    [['hash', '--bogus', 'x.png'], /error: unknown option '--bogus'[\s\S]*Usage: takedown hash/],
    [['frobnicate'], /error: unknown command 'frobnicate'/]
  ]
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await run(args, { TAKEDOWN_KEY: 'k' })
    t.equal(code, 2, args.join(' '))
    t.equal(stdout, '', `${args.join(' ')}: nothing on stdout`)
    t.match(stderr, message, args.join(' '))
  }
})
