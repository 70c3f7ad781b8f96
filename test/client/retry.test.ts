// The client's retries branch on the problem's code: what the gateway says happened, not a status and a header.
import t from 'tap'
import { DEFAULT_RETRY, retryingFetch, saysLater } from '../../src/client/retry.ts'

const problem = (status: number, code: string, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify({ type: `https://takedown.example.gov.kz/problems/${code}`, code, title: code, status }), {
    status, headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers }
  })

/** A fetch that answers from a script, one answer per attempt, and counts the attempts. */
function scripted (answers: Array<() => Response>) {
  const seen: Request[] = []
  const fetch = async (request: Request): Promise<Response> => {
    seen.push(request)
    const next = answers[Math.min(seen.length, answers.length) - 1]
    return next()
  }
  return { fetch, seen }
}

const keyedPost = (): Request => new Request('http://gateway.test/v1/reports', {
  method: 'POST', headers: { 'idempotency-key': 'k-1', 'content-type': 'application/json' }, body: '{}'
})

const policy = { ...DEFAULT_RETRY, maxAttempts: 3 }
const noWait = async (): Promise<void> => {}

t.test('a keyed request whose first attempt is still running is retried, and gets the answer', async (t) => {
  const { fetch, seen } = scripted([
    () => problem(409, 'idempotent_request_in_progress', { 'retry-after': '1' }),
    () => new Response('{"id":"r-1"}', { status: 201, headers: { 'content-type': 'application/json' } })
  ])
  const waits: number[] = []
  const response = await retryingFetch(fetch, policy, { sleep: async (ms) => { waits.push(ms) } })(keyedPost())
  t.equal(response.status, 201)
  t.equal(seen.length, 2)
  t.same(waits, [1000], 'it waited as Retry-After said')
  t.equal(await seen[1].text(), '{}', 'the retry carried the body again')
})

t.test('a 409 that is a conflict is not retried, even with an Idempotency-Key and Retry-After', async (t) => {
  const { fetch, seen } = scripted([() => problem(409, 'notice_transition_not_allowed', { 'retry-after': '1' })])
  const response = await retryingFetch(fetch, policy, { sleep: noWait })(keyedPost())
  t.equal(response.status, 409)
  t.equal(seen.length, 1, 'one attempt only')
  t.equal((await response.json() as { code: string }).code, 'notice_transition_not_allowed', 'the body is still there for the caller')
})

t.test('the codes that say "later" are retried; the others are not', async (t) => {
  for (const [status, code, later] of [
    [429, 'rate_limited', true],
    [503, 'database_unavailable', true],
    [503, 'media_hashing_busy', true],
    [409, 'idempotency_key_released', true],
    [409, 'already_exists', false],
    [409, 'last_administrator', false],
    [422, 'idempotency_key_in_use', false],
    [503, 'a_code_this_client_does_not_know', false]
  ] as const) {
    t.equal(await saysLater(problem(status, code)), later, `${status} ${code}`)
  }
})

t.test('an answer that is not a problem document (a proxy\'s page) says "later" by its status alone', async (t) => {
  t.equal(await saysLater(new Response('<html>busy</html>', { status: 503, headers: { 'content-type': 'text/html' } })), true)
  t.equal(await saysLater(new Response('slow down', { status: 429 })), true)
  t.equal(await saysLater(new Response('<html>conflict</html>', { status: 409, headers: { 'content-type': 'text/html', 'retry-after': '1' } })), false)
  t.equal(await saysLater(new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })), false)
  const { fetch, seen } = scripted([
    () => new Response('<html>busy</html>', { status: 503, headers: { 'content-type': 'text/html', 'retry-after': '0' } }),
    () => new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } })
  ])
  const response = await retryingFetch(fetch, policy, { sleep: noWait })(new Request('http://gateway.test/v1/reports'))
  t.equal(response.status, 200)
  t.equal(seen.length, 2)
})
