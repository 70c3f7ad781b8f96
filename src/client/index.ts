// The gateway's typed client: `import { createGatewayClient } from 'takedown-gateway/client'`. Every path, parameter,
// body and answer is typed from the OpenAPI document (./schema.ts, `npm run client:generate`).
import crypto from 'node:crypto'
import createClient, { type Client } from 'openapi-fetch'
import { ProblemError } from './problem.ts'
import { DEFAULT_RETRY, retryingFetch, type RetryNotice, type RetryPolicy, type Sleep } from './retry.ts'
import type {
  Conditional, CreatePaths, Data, FeedEvent, FeedQuery, InitArgs, Item, ListPaths, Method, Page, PathsWith, paths
} from './types.ts'

export { ProblemError, retryAfterMs, type Problem, type ProblemCode, type FieldError } from './problem.ts'
export { DEFAULT_RETRY, RETRY_LATER_CODES, type RetryNotice, type RetryPolicy, type Sleep } from './retry.ts'
export type * from './types.ts'

export interface GatewayClientOptions {
  /** The gateway's root, e.g. http://127.0.0.1:3000 */
  baseUrl: string
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string
  /**
   * Retries of answers whose problem code says "later" (RETRY_LATER_CODES) to repeatable requests; `false` never
   * retries.
   */
  retry?: Partial<RetryPolicy> | false
  onRetry?: (notice: RetryNotice) => void
  /** How the client waits between attempts (tests observe it). */
  sleep?: Sleep
  fetch?: (request: Request) => Promise<Response>
  userAgent?: string
}

export interface Created<T> {
  data: T
  /** The key the request carried: give it again to repeat the request safely. */
  idempotencyKey: string
  /** True when the gateway replayed the answer to an earlier request with the same key. */
  replayed: boolean
  location: string | null
  etag: string | null
}

export interface FeedOptions {
  /** The last sequence already seen (0: from the start). */
  after?: number
  /** Seconds each long poll may wait for something new (at most 30). */
  wait?: number
  /** Stop once caught up instead of waiting for more. */
  follow?: boolean
  query?: FeedQuery
  signal?: AbortSignal
}

interface Extras { idempotencyKey?: string }
interface Conditions { etag?: string | null }

type AnyInit = {
  params?: Record<string, unknown>
  headers?: Record<string, string>
  idempotencyKey?: string
  etag?: string | null
  [key: string]: unknown
}

export type GatewayClient = ReturnType<typeof createGatewayClient>

export function createGatewayClient (options: GatewayClientOptions) {
  const policy: RetryPolicy = options.retry === false
    ? { ...DEFAULT_RETRY, maxAttempts: 1 }
    : { ...DEFAULT_RETRY, ...options.retry }
  const baseFetch = options.fetch ?? (async (request: Request) => await fetch(request))
  const raw: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: {
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
      'user-agent': options.userAgent ?? 'takedown-gateway-client'
    },
    fetch: retryingFetch(baseFetch, policy, { sleep: options.sleep, onRetry: options.onRetry })
  })

  /** One call through openapi-fetch; a refusal becomes a ProblemError, a 304 is handed back as it is. */
  async function send (
    method: Method, path: string, init: AnyInit = {}
  ): Promise<{ data: unknown, response: Response }> {
    const { idempotencyKey: _key, etag: _etag, ...rest } = init
    const request = raw.request as unknown as (
      m: string, p: string, i: object
    ) => Promise<{ data?: unknown, error?: unknown, response: Response }>
    const { data, error, response } = await request(method, path, rest)
    if (response.status === 304) return { data: undefined, response }
    if (!response.ok) throw ProblemError.fromResponse(response, error)
    return { data, response }
  }

  const withHeaders = (init: AnyInit | undefined, headers: Record<string, string>): AnyInit =>
    ({ ...init, headers: { ...init?.headers, ...headers } })

  async function get<P extends PathsWith<'get'>> (path: P, ...[init]: InitArgs<P, 'get'>): Promise<Data<P, 'get'>> {
    const { data, response } = await send('get', path, init as AnyInit)
    if (response.status === 304) throw new Error(`${path} answered 304 to a read without a tag; use getConditional`)
    return data as Data<P, 'get'>
  }

  /**
   * A read that sends If-None-Match with the tag from an earlier answer: `{ notModified: true }` when nothing
   * changed, so an unchanged resource is never mistaken for data.
   */
  async function getConditional<P extends PathsWith<'get'>> (
    path: P, ...[init]: InitArgs<P, 'get', Conditions>
  ): Promise<Conditional<Data<P, 'get'>>> {
    const given = init as AnyInit | undefined
    const headers: Record<string, string> = given?.etag ? { 'if-none-match': given.etag } : {}
    const { data, response } = await send('get', path, withHeaders(given, headers))
    const etag = response.headers.get('etag')
    if (response.status === 304) return { notModified: true, etag: etag ?? given!.etag! }
    return { notModified: false, data: data as Data<P, 'get'>, etag }
  }

  /** A GET answered as text (CSV, XML, a rendering), with its media type. */
  async function getText<P extends PathsWith<'get'>> (
    path: P, ...[init]: InitArgs<P, 'get'>
  ): Promise<{ text: string, contentType: string | null }> {
    const { data, response } = await send('get', path, { ...(init as AnyInit), parseAs: 'text' })
    return { text: data as string, contentType: response.headers.get('content-type') }
  }

  /**
   * A creating POST. It always carries an Idempotency-Key (a new random one unless given), so it is retried
   * safely and a repeat with the same key replays the first answer instead of creating twice.
   */
  async function create<P extends CreatePaths> (
    path: P, ...[init]: InitArgs<P, 'post', Extras>
  ): Promise<Created<Data<P, 'post'>>> {
    const given = init as AnyInit | undefined
    const idempotencyKey = given?.idempotencyKey ?? crypto.randomUUID()
    const { data, response } = await send('post', path, withHeaders(given, { 'idempotency-key': idempotencyKey }))
    return {
      data: data as Data<P, 'post'>,
      idempotencyKey,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      location: response.headers.get('location'),
      etag: response.headers.get('etag')
    }
  }

  /** A POST that creates nothing (a transition, a match): retried only when the caller gives an Idempotency-Key. */
  async function post<P extends PathsWith<'post'>> (
    path: P, ...[init]: InitArgs<P, 'post', Extras>
  ): Promise<Data<P, 'post'>> {
    const given = init as AnyInit | undefined
    const headers: Record<string, string> = given?.idempotencyKey ? { 'idempotency-key': given.idempotencyKey } : {}
    return (await send('post', path, withHeaders(given, headers))).data as Data<P, 'post'>
  }

  async function patch<P extends PathsWith<'patch'>> (
    path: P, ...[init]: InitArgs<P, 'patch'>
  ): Promise<Data<P, 'patch'>> {
    return (await send('patch', path, init as AnyInit)).data as Data<P, 'patch'>
  }

  /** Every page of a `{ data, nextCursor }` list, following `cursor` until the last. */
  async function * pages<P extends ListPaths> (path: P, ...[init]: InitArgs<P, 'get'>): AsyncGenerator<Page<P>> {
    const given = (init ?? {}) as AnyInit
    const params = (given.params ?? {}) as { query?: Record<string, unknown> }
    let cursor = params.query?.cursor as string | undefined
    for (;;) {
      const query = { ...params.query, ...(cursor === undefined ? {} : { cursor }) }
      const { data } = await send('get', path, { ...given, params: { ...params, query } })
      yield data as Page<P>
      const next = (data as { nextCursor: string | null }).nextCursor
      if (next === null) return
      cursor = next
    }
  }

  /** Every item of a `{ data, nextCursor }` list, fetching pages as they are needed. */
  async function * list<P extends ListPaths> (path: P, ...init: InitArgs<P, 'get'>): AsyncGenerator<Item<P>> {
    const all = (pages as (p: string, i?: unknown) => AsyncGenerator<unknown>)(path, init[0])
    for await (const page of all) yield * (page as { data: Array<Item<P>> }).data
  }

  /**
   * The change feed in order, after `after`: long polls (`wait` seconds each) so that each event arrives as it
   * happens. Ends when `signal` aborts, or once caught up when `follow` is false. Each event carries its
   * `sequence`: store the last one to resume from it.
   */
  async function * events (feed: FeedOptions = {}): AsyncGenerator<FeedEvent> {
    const follow = feed.follow ?? true
    const wait = follow ? (feed.wait ?? 25) : 0
    let after = feed.after ?? 0
    for (;;) {
      const { data } = await send('get', '/v1/events', {
        params: { query: { ...feed.query, after, wait } },
        ...(feed.signal ? { signal: feed.signal } : {})
      })
      const page = data as Extract<Data<'/v1/events', 'get'>, { data: unknown[] }>
      yield * page.data
      after = page.lastSequence
      if (!follow && page.nextCursor === null) return
    }
  }

  return { raw, get, getConditional, getText, create, post, patch, pages, list, events }
}
