// The takedown CLI run as a real child process through bin/takedown.js, as `npx takedown` would run it.

import t from 'tap'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { PDQ_VECTORS, vpdqVector } from '../helpers/vectors.ts'

const BIN = fileURLToPath(new URL('../../bin/takedown.js', import.meta.url))
const VECTORS = fileURLToPath(PDQ_VECTORS)
const PNG = `${VECTORS}misc/c.png`
const JPG = `${VECTORS}misc/wee.jpg`
const MISSING = `${VECTORS}misc/does-not-exist.png`

interface Run { code: number | null, stdout: string, stderr: string }
const run = async (...args: string[]): Promise<Run> => await new Promise((resolve) => {
  execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
    resolve({ code: err === null ? 0 : (err as { code?: number }).code ?? null, stdout, stderr })
  })
})

t.test('plain mode prints a tab-separated line per file and exits 1 when one fails', async (t) => {
  const { code, stdout } = await run('hash', PNG, JPG, MISSING)
  t.equal(code, 1)
  t.same(stdout.trimEnd().split('\n'), [
    [PNG, '93aa0ba454d3805e02be04a883b839a85bee83d0cbac3d306331584c1ebec0c6', '0d12d4462273b533b9197f78b9aeb0d7',
      'e64cc9d91c623882f8d1f1d9a398e78c9f199b3bd83924f2b7e11e0bf861b064', '100'].join('\t'),
    [JPG, '05636c50d0c2ffe3a820f964eaba35b404deadd10538fe452ad9fb16fdd823d7', '8bbbaa9540800e378beadc8bbef7bb32',
      '6227401f601ff4ccafcc9fad4b0d95d371a2eb7265a3285234d228ca94deeb2d', '100'].join('\t'),
    `${MISSING}\terror: no such file`
  ])
})

t.test('--json prints one object per line', async (t) => {
  const { code, stdout } = await run('hash', '--json', PNG, MISSING)
  t.equal(code, 1)
  t.same(stdout.trimEnd().split('\n').map((line) => JSON.parse(line)), [
    {
      path: PNG,
      sha256: '93aa0ba454d3805e02be04a883b839a85bee83d0cbac3d306331584c1ebec0c6',
      md5: '0d12d4462273b533b9197f78b9aeb0d7',
      pdq: { hash: 'e64cc9d91c623882f8d1f1d9a398e78c9f199b3bd83924f2b7e11e0bf861b064', quality: 100 }
    },
    { path: MISSING, error: 'no such file' }
  ])
})

t.test('all files hashed exits 0', async (t) => {
  const { code, stdout } = await run('hash', JPG)
  t.equal(code, 0)
  t.ok(stdout.startsWith(`${JPG}\t`), 'hash line for the file')
})

t.test('usage errors exit 2 with the error and the usage on stderr', async (t) => {
  for (const [args, error] of [[['hash'], /error: missing required argument 'file'/], [['hash', '--bogus', PNG], /error: unknown option '--bogus'/]] as const) {
    const { code, stdout, stderr } = await run(...args)
    t.equal(code, 2, args.join(' '))
    t.equal(stdout, '')
    t.match(stderr, error)
    t.match(stderr, /Usage: takedown hash \[--json\] <file\.\.\.>/)
  }
})

t.test('options anywhere, and -- before file names that look like options', async (t) => {
  const { code, stdout } = await run('hash', PNG, '--json', '--', '--not-an-option.png')
  t.equal(code, 1)
  t.same(stdout.trimEnd().split('\n').map((line) => JSON.parse(line)), [
    { path: PNG, sha256: '93aa0ba454d3805e02be04a883b839a85bee83d0cbac3d306331584c1ebec0c6', md5: '0d12d4462273b533b9197f78b9aeb0d7', pdq: { hash: 'e64cc9d91c623882f8d1f1d9a398e78c9f199b3bd83924f2b7e11e0bf861b064', quality: 100 } },
    { path: '--not-an-option.png', error: 'no such file' }
  ])
  const help = await run('hash', '--help')
  t.equal(help.code, 0)
  t.match(help.stdout, /Exit status: 0 all hashed, 1 some file failed, 2 usage error/)
})

t.test('no command, or an unknown one, exits 2 with the list of commands', async (t) => {
  for (const args of [[], ['frobnicate', PNG]]) {
    const { code, stdout, stderr } = await run(...args)
    t.equal(code, 2, args.join(' ') || '(no arguments)')
    t.equal(stdout, '')
    t.match(stderr, /hash \[options\] <file\.\.\.>/)
  }
})

t.test('a video prints its digests and vPDQ, one frame per second', async (t) => {
  const VIDEO = vpdqVector('videos/pattern-sd-grey-bar.mp4')
  const json = await run('hash', '--json', VIDEO, PNG)
  t.equal(json.code, 0, json.stderr)
  const [video, image] = json.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
  t.match(video, { path: VIDEO, sha256: '724f35f6b0040d1cd5f088a3d08f79177287cd113cfc8355c08a52c66ed1aa38', md5: 'a41771fba244b67f491b18a17251d78a' })
  t.match(video.vpdq, { secondsPerHash: 1, frameRate: 30 })
  t.same(video.vpdq.features.map((f: { frame: number }) => f.frame), [0, 30, 60, 90, 120, 150, 180])
  t.equal(image.path, PNG, 'images and videos mix in one run')
  const plain = await run('hash', VIDEO)
  const lines = plain.stdout.trimEnd().split('\n')
  t.match(lines[0], `${VIDEO}\t724f35f6b0040d1cd5f088a3d08f79177287cd113cfc8355c08a52c66ed1aa38\ta41771fba244b67f491b18a17251d78a\tvpdq\t7 features`)
  t.same(lines.slice(1).map((l) => l.trim().split(',')[0]), ['0', '30', '60', '90', '120', '150', '180'], 'then one indented feature line per kept frame')
  t.equal(plain.stderr, '', 'no progress output when standard error is not a terminal')
})
