// Drives generated requests at a gateway and keeps the figures: statuses, 5xx, errors that are not problem documents.
import fc from 'fast-check'
import { operationsOf, requestsFor, type FuzzRequest, type OpenApiDocument } from './openapi-arbitraries.ts'

export interface Answer { statusCode: number, headers: Record<string, unknown>, body: string }
export type Send = (request: FuzzRequest) => Promise<Answer>

export interface FuzzFigures {
  requests: number
  byStatus: Record<string, number>
  serverErrors: Array<{ request: FuzzRequest, answer: Answer }>
  notProblems: Array<{ request: FuzzRequest, answer: Answer, why: string }>
  operations: number
  seconds: number
}

/** What is wrong with an error answer, or null when it is an RFC 9457 problem document matching its status. */
export function problemDefect (answer: Answer): string | null {
  if (answer.statusCode < 400) return null
  const type = String(answer.headers['content-type'] ?? '')
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
export async function fuzz (doc: OpenApiDocument, send: Send, options: { total: number, seed: number, keys: Array<string | null>, concurrency?: number, onProgress?: (done: number) => void }): Promise<FuzzFigures> {
  const operations = operationsOf(doc)
  const keys = fc.constantFrom(...options.keys)
  const arbitraries = operations.map((operation) => requestsFor(doc, operation, keys))
  const figures: FuzzFigures = { requests: 0, byStatus: {}, serverErrors: [], notProblems: [], operations: operations.length, seconds: 0 }
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
        if (answer.statusCode >= 500) figures.serverErrors.push({ request, answer })
        const defect = problemDefect(answer)
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
