// `npm run test:isolation -- <test files>`: runs every subtest of each file on its own (the file's top-level test
// and one of its subtests, the others skipped), so that a subtest relying on what an earlier one left behind shows.
// Slow by nature (one app and database per subtest): run it on the files you changed, not in CI.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const files = process.argv.slice(2)
if (files.length === 0) {
  process.stderr.write('usage: npm run test:isolation -- test/routes/x.test.ts ...\n')
  process.exit(2)
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

function run (file: string, grep?: string[]): { ok: boolean, output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, TAP_GREP: grep?.join('\n') }
  if (grep === undefined) delete env.TAP_GREP
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(file)], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { ok: result.status === 0, output: result.stdout + result.stderr }
}

let failed = 0
for (const file of files) {
  // The subtests one level down each top-level test, as the whole file's TAP names them.
  const lines = run(file).output.split('\n')
  const pairs: Array<[string, string]> = []
  let top = ''
  for (const line of lines) {
    const outer = /^# Subtest: (.*)$/.exec(line)
    if (outer) { top = outer[1]; continue }
    const inner = /^ {4}# Subtest: (.*)$/.exec(line)
    if (inner) pairs.push([top, inner[1]])
  }
  if (pairs.length === 0) {
    failed++
    process.stdout.write(`FAILED ${file}: no subtests found (did the file run?)\n`)
  }
  for (const [parent, name] of pairs) {
    const { ok, output } = run(file, [`^${escape(parent)}$`, `^${escape(name)}$`])
    process.stdout.write(`${ok ? 'ok    ' : 'FAILED'} ${file} > ${parent} > ${name}\n`)
    if (!ok) {
      failed++
      process.stdout.write(output.split('\n').filter((l) => /not ok|Error|wanted|found/.test(l)).slice(0, 20).map((l) => `    ${l}\n`).join(''))
    }
  }
}
process.stdout.write(`\n${failed === 0 ? 'every subtest passes on its own' : `${failed} subtest(s) fail on their own`}\n`)
process.exit(failed === 0 ? 0 : 1)
