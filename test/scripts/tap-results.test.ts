// The test command's tally: assertions counted, subtests and files not, and every failure named by its path.
import t from 'tap'
import { TapCounter } from '../../scripts/tap-results.ts'

function tally (stream: string): TapCounter {
  const counter = new TapCounter()
  for (const line of stream.split('\n')) counter.line(line)
  return counter
}

t.test('assertions are counted and failures named by file, subtest and assertion', async (t) => {
  const counter = tally([
    '# Subtest: test/a.test.ts',
    '    # Subtest: outer',
    '        # Subtest: inner',
    '            ok 1 - first',
    '            not ok 2 - second',
    '            ok 3 - skipped # SKIP not here',
    '            1..3',
    '        not ok 1 - inner # time=3ms',
    '    not ok 1 - outer # time=4ms',
    '    ok 2 - top-level assertion',
    'not ok 1 - test/a.test.ts # time=10ms',
    '# Subtest: test/b.test.ts',
    '    ok 1 - fine',
    'ok 2 - test/b.test.ts # time=1ms'
  ].join('\n'))
  t.same(counter.counts, { passed: 3, failed: 1, skipped: 1 })
  t.same(counter.failures, ['test/a.test.ts > outer > inner > second'])
})

t.test('a file that fails without a failing assertion counts once and is named', async (t) => {
  const counter = tally([
    '# Subtest: test/crash.test.ts',
    '    ok 1 - before the crash',
    'not ok 1 - test/crash.test.ts # time=5ms',
    '# Subtest: test/next.test.ts',
    '    not ok 1 - plain failure',
    'not ok 2 - test/next.test.ts # time=1ms'
  ].join('\n'))
  t.same(counter.counts, { passed: 1, failed: 2, skipped: 0 })
  t.same(counter.failures, ['test/crash.test.ts (the file failed)', 'test/next.test.ts > plain failure'])
})
