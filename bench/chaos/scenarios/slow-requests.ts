// Slow and malformed requests at the socket: a body or headers trickling in are cut off with a 408 problem; what
// Node's parser refuses (oversized headers, bytes HTTP does not allow) is a problem document too.
import net from 'node:net'
import { Gateway, api, createClient, sleep } from '../harness.ts'
import type { Scenario } from '../scenario.ts'

const REQUEST_TIMEOUT_SECONDS = 4
const HEADERS_TIMEOUT_SECONDS = 2

interface RawAnswer { status: number, contentType: string, body: string, ms: number }

/** Writes `head`, then `trickle` one byte a second, and reads whatever comes back until the socket closes. */
async function raw (port: number, head: Buffer | string, trickle = ''): Promise<RawAnswer> {
  const started = Date.now()
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    // eslint-disable-next-line prefer-const -- the close callback reads it before it is assigned
    let timer: NodeJS.Timeout | undefined
    socket.on('data', (chunk) => { received += chunk.toString('latin1') })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearInterval(timer)
      const [headText, ...rest] = received.split('\r\n\r\n')
      const status = Number(/^HTTP\/1\.1 (\d+)/.exec(headText)?.[1] ?? 0)
      const contentType = /content-type: ([^\r\n]+)/i.exec(headText)?.[1] ?? ''
      resolve({ status, contentType, body: rest.join('\r\n\r\n'), ms: Date.now() - started })
    })
    socket.write(head)
    let i = 0
    timer = setInterval(() => {
      if (i < trickle.length && !socket.destroyed) socket.write(trickle[i++])
    }, 1000)
    // Never hang the run: whatever has not closed in a minute is closed here.
    setTimeout(() => socket.destroy(), 60_000).unref()
  })
}

export const slowRequests: Scenario = {
  name: 'slow and malformed requests',
  async run (cluster) {
    const url = await cluster.createDatabase('chaos_slow')
    const gateway = await Gateway.start(url, { REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_SECONDS), HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_SECONDS) })
    const authority = await createClient(gateway.base, 'authority')
    const port = gateway.port
    const body = JSON.stringify({ externalRef: 'SLOW-1' })
    const [slowBody, slowHeaders, bigHeaders, nulHeader, rawPath] = await Promise.all([
      raw(port, `POST /v1/reports HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${authority.apiKey}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`, body),
      raw(port, 'GET /health/live HTTP/1.1\r\n', 'host: 127.0.0.1\r\nx-slow: ' + 'a'.repeat(30)),
      raw(port, `GET /health/live HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`),
      raw(port, Buffer.from('GET /health/live HTTP/1.1\r\nhost: x\r\nx-bad: a\u0000b\r\n\r\n', 'latin1')),
      raw(port, Buffer.concat([Buffer.from('GET /v1/reports/\xff\xfe HTTP/1.1\r\n', 'latin1'), Buffer.from('host: x\r\n\r\n')]))
    ])
    const oldDate = await api(gateway.base, authority.apiKey, 'GET', '/v1/reports?createdSince=0000-01-01T00:00:00Z')
    const stillServing = (await fetch(`${gateway.base}/health/live`)).ok
    await gateway.stop()
    const isProblem = (a: RawAnswer, status: number): boolean => a.status === status && a.contentType.startsWith('application/problem+json') && JSON.parse(a.body || '{}').status === status
    const checks: Record<string, [RawAnswer, number]> = {
      'body at 1 byte/s': [slowBody, 408],
      'headers at 1 byte/s': [slowHeaders, 408],
      'headers over 16 KB': [bigHeaders, 431],
      'NUL byte in a header': [nulHeader, 400],
      'raw non-ASCII bytes in the path': [rawPath, 400]
    }
    const figures: Record<string, unknown> = {
      'time limits (request / headers, s)': `${REQUEST_TIMEOUT_SECONDS} / ${HEADERS_TIMEOUT_SECONDS}`
    }
    const failures: string[] = []
    for (const [name, [answer, status]] of Object.entries(checks)) {
      figures[name] = `${answer.status} ${answer.contentType.split(';')[0]} after ${answer.ms} ms`
      if (!isProblem(answer, status)) failures.push(`${name}: expected a ${status} problem, got ${answer.status} ${answer.contentType} ${answer.body.slice(0, 200)}`)
    }
    figures['year 0000 in a query'] = oldDate.status
    if (oldDate.status !== 400) failures.push(`year 0000 answered ${oldDate.status}`)
    if (slowBody.ms > (REQUEST_TIMEOUT_SECONDS + 3) * 1000) failures.push(`the slow body was cut off only after ${slowBody.ms} ms`)
    if (!stillServing) failures.push('the gateway stopped serving')
    await sleep(0)
    return { figures, failures }
  }
}
