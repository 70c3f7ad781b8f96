// takedown submit: which answers refuse one report (the run goes on with the next) and which stop the run, decided
// by the problem's code, never by a status alone.
import t from 'tap'
import { ProblemError, type Problem } from '../../src/client/index.ts'
import { refusesTheReport } from '../../src/cli/submit.ts'

const problem = (code: Problem['code'], status: number): ProblemError =>
  new ProblemError({ type: `https://example.test/problems/${code}`, code, title: code, status } as Problem)

t.test('a refusal of the report itself lets the run go on', async (t) => {
  for (const [code, status] of [['validation_failed', 400], ['already_exists', 409], ['content_too_large', 413],
    ['report_not_accepted', 422]] as const) {
    t.ok(refusesTheReport(problem(code, status)), `${status} ${code}`)
  }
})

t.test('a 409 that says "later" stops the run, to be resumed, instead of counting the report refused', async (t) => {
  t.notOk(refusesTheReport(problem('idempotent_request_in_progress', 409)))
  t.notOk(refusesTheReport(problem('idempotency_key_released', 409)))
})

t.test('no key, the wrong role, the database away, or an answer that is not a problem document stop the run', async (t) => {
  t.notOk(refusesTheReport(problem('unauthorized', 401)))
  t.notOk(refusesTheReport(problem('forbidden', 403)))
  t.notOk(refusesTheReport(problem('database_unavailable', 503)))
  t.notOk(refusesTheReport(new ProblemError({ type: 'about:blank', title: 'Conflict', status: 409 })))
  t.notOk(refusesTheReport(new Error('socket hang up')))
})
