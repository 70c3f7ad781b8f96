// --help on every command of the takedown CLI, run as a real child process.
import t from 'tap'
import { run } from '../helpers/cli.ts'

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
