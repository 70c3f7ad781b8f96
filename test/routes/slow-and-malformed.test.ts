// What reaches the socket before any route: slow senders, oversized headers and bytes HTTP does not allow are
// answered with problem documents; dates out of the accepted range are 400s wherever they are accepted.
import t, { type Test } from 'tap'
import net from 'node:net'
import { build } from '../helper.ts'

interface RawAnswer { status: number, contentType: string, problem: Record<string, unknown> }

/** Sends `head` (and nothing more), then reads the answer until the server closes the connection. */
function raw (port: number, head: Buffer | string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (chunk) => { received += chunk.toString('latin1') })
    socket.on('error', reject)
    socket.on('close', () => {
      const [headText, body] = received.split('\r\n\r\n')
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(headText)?.[1] ?? 0),
        contentType: /content-type: ([^\r\n]+)/i.exec(headText)?.[1] ?? '',
        problem: body ? JSON.parse(body) as Record<string, unknown> : {}
      })
    })
    socket.write(head)
  })
}

t.test('slow and malformed requests', async (t) => {
  const ctx = await build(t, { REQUEST_TIMEOUT_SECONDS: '1', HEADERS_TIMEOUT_SECONDS: '1' })
  const authority = await ctx.clientKey('authority')
  await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = ctx.app.server.address() as net.AddressInfo

  const expectProblem = (t: Test, answer: RawAnswer, status: number, code: string) => {
    t.equal(answer.status, status)
    t.match(answer.contentType, /^application\/problem\+json/)
    t.equal(answer.problem.status, status)
    t.equal(answer.problem.code, code)
    t.equal(answer.problem.type, `https://takedown.example.gov.kz/problems/${code}`)
    t.type(answer.problem.detail, 'string')
  }

  t.test('a body that stops arriving is cut off with a 408 problem', async (t) => {
    const body = JSON.stringify({ externalRef: 'SLOW' })
    const answer = await raw(port, `POST /v1/reports HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${authority}\r\n` +
      `content-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, 5)}`)
    expectProblem(t, answer, 408, 'request_timeout')
  })

  t.test('headers that stop arriving are cut off with a 408 problem', async (t) => {
    expectProblem(t, await raw(port, 'GET /health/live HTTP/1.1\r\nhost: x\r\n'), 408, 'request_timeout')
  })

  t.test('headers over 16 KB are a 431 problem', async (t) => {
    expectProblem(t, await raw(port, `GET /health/live HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`), 431, 'headers_too_large')
  })

  t.test('a NUL byte in a header, raw non-ASCII bytes in the path are 400 problems', async (t) => {
    expectProblem(t, await raw(port, Buffer.from('GET /health/live HTTP/1.1\r\nhost: x\r\nx-bad: a\u0000b\r\n\r\n', 'latin1')), 400, 'malformed_request')
    expectProblem(t, await raw(port, Buffer.from('GET /v1/reports/\xff\xfe HTTP/1.1\r\nhost: x\r\n\r\n', 'latin1')), 400, 'malformed_request')
  })

  t.test('the service still answers', async (t) => {
    t.equal((await fetch(`http://127.0.0.1:${port}/health/live`)).status, 200)
  })
})

t.test('dates outside 1970..9999 are 400 problems wherever they are accepted', async (t) => {
  const ctx = await build(t)
  const authority = await ctx.clientKey('authority')
  const liaison = await ctx.clientKey('liaison', 'telegram')
  const reads: Array<[string, string]> = [
    [authority, '/v1/reports?createdSince=0000-01-01T00:00:00Z'],
    [authority, '/v1/notices?updatedSince=0000-12-31T23:59:59Z'],
    [liaison, '/v1/events?updatedSince=1969-12-31T23:59:59Z'],
    [authority, '/v1/blocking-orders/export?format=json&since=0000-01-01T00:00:00Z'],
    [authority, '/v1/stats?from=0000-01-01T00:00:00Z']
  ]
  for (const [key, url] of reads) {
    const res = await ctx.call(key, { method: 'GET', url })
    t.equal(res.statusCode, 400, `${url}: ${res.body}`)
    t.match(res.body, /1970-01-01T00:00:00Z/, 'the problem says which dates are accepted')
  }
  const report = {
    externalRef: 'OLD',
    category: 'fraud',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'x',
    urgency: 'normal',
    items: [{ url: 'https://t.me/old_channel/1', contentType: 'text', capturedAt: '0000-06-01T00:00:00Z' }]
  }
  const res = await ctx.call(authority, { method: 'POST', url: '/v1/reports', payload: report })
  t.equal(res.statusCode, 400)
  t.match(res.json().errors, [{ pointer: '/items/0/capturedAt' }])
  const fine = await ctx.call(authority, { method: 'GET', url: '/v1/reports?createdSince=1970-01-01T00:00:00Z' })
  t.equal(fine.statusCode, 200)
})
