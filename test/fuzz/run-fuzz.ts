// Drives generated requests at a gateway and keeps the figures: statuses, 5xx, errors that are not problem documents.
import fc from 'fast-check'
import { errorTypesOf } from '../helpers/response-page.ts'
import { operationsOf, requestsFor, type FuzzRequest, type OpenApiDocument } from './openapi-arbitraries.ts'
import { knownKey, type KnownIds } from './resources.ts'

export interface Answer { statusCode: number, headers: Record<string, unknown>, body: string }
export type Send = (request: FuzzRequest) => Promise<Answer>

export interface FuzzFigures {
  requests: number
  byStatus: Record<string, number>
  serverErrors: Array<{ request: FuzzRequest, answer: Answer }>
  notProblems: Array<{ request: FuzzRequest, answer: Answer, why: string }>
  operations: number
  /** Answers by operation ("METHOD /path") and status: how far each operation's requests got. */
  byOperation: Record<string, Record<string, number>>
  seconds: number
}

/** The seed under CI when FUZZ_SEED is not set, so that a CI run is the same every time. */
export const CI_SEED = 180_018

/** FUZZ_SEED when set; else a fixed seed under CI (CI set), a new one elsewhere. With a line that says which. */
export function fuzzSeed (env: Record<string, string | undefined>, now = Date.now()): { seed: number, note: string } {
  if (env.FUZZ_SEED !== undefined && env.FUZZ_SEED !== '') {
    const seed = Number(env.FUZZ_SEED)
    if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, not ${env.FUZZ_SEED}`)
    return { seed, note: `seed ${seed} (from FUZZ_SEED)` }
  }
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false'
  if (ci) return { seed: CI_SEED, note: `seed ${CI_SEED} (fixed under CI; FUZZ_SEED=<n> runs another)` }
  const seed = now % 1_000_000
  return { seed, note: `seed ${seed} (new each run outside CI; FUZZ_SEED=${seed} repeats this one)` }
}

/**
 * What is wrong with an error answer, or null when it is an RFC 9457 problem document matching its status (or, from
 * the response page, the HTML page its operations document).
 */
export function problemDefect (answer: Answer, url = ''): string | null {
  if (answer.statusCode < 400) return null
  const type = String(answer.headers['content-type'] ?? '')
  if (type.startsWith('text/html')) return errorTypesOf(url).includes(type) ? null : `content-type ${type}`
  if (!type.startsWith('application/problem+json')) return `content-type ${type || 'missing'}`
  try {
    const body = JSON.parse(answer.body) as Record<string, unknown>
    if (body.status !== answer.statusCode) return `status member ${String(body.status)}`
    if (typeof body.title !== 'string' || typeof body.type !== 'string') return 'no title or type'
    return null
  } catch {
    return 'body is not JSON'
  }
}

/**
 * Sends `total` requests spread evenly over every operation (each operation's requests drawn from its own
 * arbitrary, from `seed`), `concurrency` at a time.
 */
export async function fuzz (doc: OpenApiDocument, send: Send, options: {
  total: number, seed: number, keys: Array<string | null>, known?: KnownIds, concurrency?: number, onProgress?: (done: number) => void
}): Promise<FuzzFigures> {
  const operations = operationsOf(doc)
  const keys = fc.constantFrom(...options.keys)
  const known = options.known ?? {}
  const arbitraries = operations.map((operation) => requestsFor(doc, operation, keys, (parameter) => known[knownKey(operation.path, parameter)]))
  const names = new Map(operations.map((operation) => [operation.operationId, `${operation.method} ${operation.path}`]))
  const figures: FuzzFigures = {
    requests: 0,
    byStatus: {},
    serverErrors: [],
    notProblems: [],
    operations: operations.length,
    seconds: 0,
    byOperation: Object.fromEntries(operations.map((operation) => [`${operation.method} ${operation.path}`, {}]))
  }
  const started = Date.now()
  const chunk = 50
  let round = 0
  while (figures.requests < options.total) {
    // One chunk per operation at a time keeps memory flat however long the run.
    const batch: FuzzRequest[] = []
    arbitraries.forEach((arbitrary, i) => {
      const n = Math.min(chunk, Math.ceil((options.total - figures.requests) / operations.length))
      batch.push(...fc.sample(arbitrary, { numRuns: n, seed: options.seed + round * 1009 + i }))
    })
    round++
    const queue = batch.slice(0, options.total - figures.requests)
    const workers = Array.from({ length: options.concurrency ?? 4 }, async () => {
      for (let request = queue.shift(); request !== undefined; request = queue.shift()) {
        const answer = await send(request)
        figures.requests++
        figures.byStatus[answer.statusCode] = (figures.byStatus[answer.statusCode] ?? 0) + 1
        const tally = figures.byOperation[names.get(request.operationId) ?? request.operationId] ??= {}
        tally[answer.statusCode] = (tally[answer.statusCode] ?? 0) + 1
        if (answer.statusCode >= 500) figures.serverErrors.push({ request, answer })
        const defect = problemDefect(answer, request.url)
        if (defect !== null) figures.notProblems.push({ request, answer, why: defect })
        if (figures.requests % 1000 === 0) options.onProgress?.(figures.requests)
      }
    })
    await Promise.all(workers)
  }
  figures.seconds = (Date.now() - started) / 1000
  return figures
}

/** A short account of a failing request, without megabyte bodies. */
export function describe ({ request, answer }: { request: FuzzRequest, answer: Answer }): string {
  const payload = request.payload === undefined ? '' : String(request.payload).slice(0, 300)
  return `${request.method} ${request.url.slice(0, 300)} [${request.headers['content-type'] ?? ''}] ${payload} -> ${answer.statusCode} ${answer.body.slice(0, 300)}`
}

/** Operations whose id path parameters have no known ids: a new id route the fuzz setup has not been told of. */
export function operationsWithoutIds (doc: OpenApiDocument, known: KnownIds): string[] {
  return operationsOf(doc).flatMap((operation) => ((operation.op.parameters ?? []) as Array<{ name: string, in: string }>)
    .filter((p) => p.in === 'path' && (known[knownKey(operation.path, p)] ?? []).length === 0)
    .map((p) => `${operation.method} ${operation.path} (${p.name})`))
}

/** Whether an answer shows the request got past authentication, validation and the look-up of what it names. */
export function reachedHandler (status: number): boolean {
  return status < 400 || [409, 412, 428].includes(status)
}

/**
 * How far each operation's requests got, one line per operation: 2xx and 3xx, then each 4xx status seen, then
 * 5xx. Columns are the statuses seen anywhere in the run.
 */
export function statusTable (figures: Pick<FuzzFigures, 'byOperation'>): string {
  const statuses = new Set<number>()
  for (const tally of Object.values(figures.byOperation)) for (const status of Object.keys(tally)) statuses.add(Number(status))
  const fours = [...statuses].filter((s) => s >= 400 && s < 500).sort((a, b) => a - b)
  const columns: Array<[string, (status: number) => boolean]> = [
    ['2xx', (s) => s >= 200 && s < 300],
    ['3xx', (s) => s >= 300 && s < 400],
    ...fours.map((code): [string, (status: number) => boolean] => [String(code), (s) => s === code]),
    ['5xx', (s) => s >= 500]
  ]
  const rows = Object.entries(figures.byOperation).map(([operation, tally]) => {
    const total = Object.values(tally).reduce((a, b) => a + b, 0)
    const count = (match: (status: number) => boolean): number =>
      Object.entries(tally).reduce((n, [status, k]) => n + (match(Number(status)) ? k : 0), 0)
    return [operation, String(total), ...columns.map(([, match]) => String(count(match)))]
  })
  const header = ['operation', 'sent', ...columns.map(([name]) => name)]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  const legend = '4xx columns: 400 malformed, 401 no or unknown key, 403 role refused, 404 not found, 405 method, ' +
    '409 conflict, 412/428 If-Match, 413 body too large, 414 URL too long, 415 media type, 422 refused content, 429 rate limit'
  return [line(header), ...rows.map(line), legend].join('\n')
}
