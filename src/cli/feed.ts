// `takedown watch` (the change feed, as it happens) and `takedown notices` (the list), filtered and printed.
import type { FeedEvent, GatewayClient, Item, paths } from '../client/index.ts'
import type { Io } from './io.ts'
import { terminalJson, visible } from '../lib/text-controls.ts'

export interface WatchOptions {
  platform?: string[]
  status?: string[]
  after?: number
  since?: string
  wait?: number
  follow: boolean
  json?: boolean
}

// Every string in an event is the gateway's, and a reason or a note is a liaison's own text: a terminal is shown its
// control characters as escapes, never handed them (a reason holding ESC ] 0 ; ... BEL would retitle the window).
function eventLine (e: FeedEvent): string {
  const why = [e.reason, e.detail].filter(Boolean).join(': ')
  const what = (e.action ?? e.type) + (why ? ` (${why})` : '')
  return visible([e.at, `#${e.sequence}`, e.platform, e.noticeId, `${e.from ?? '-'} -> ${e.to}`, what].join('  '))
}

/** Follows the feed from `after` (or from `since`, by default now) until stopped, printing each transition. */
export async function watch (
  client: GatewayClient, options: WatchOptions, io: Io, signal?: AbortSignal
): Promise<number> {
  const since = options.after === undefined ? (options.since ?? new Date().toISOString()) : options.since
  const platforms = new Set(options.platform ?? [])
  const statuses = new Set(options.status ?? [])
  const feed = client.events({
    after: options.after ?? 0,
    wait: options.wait,
    follow: options.follow,
    query: since === undefined ? {} : { updatedSince: since },
    signal
  })
  for await (const event of feed) {
    if (platforms.size > 0 && !platforms.has(event.platform)) continue
    if (statuses.size > 0 && !statuses.has(event.to)) continue
    io.out(options.json ? terminalJson(event) : eventLine(event))
  }
  return 0
}

type NoticeQuery = NonNullable<paths['/v1/notices']['get']['parameters']['query']>

export interface NoticesOptions {
  platform?: string
  status?: string
  updatedSince?: string
  limit?: number
  json?: boolean
}

export async function notices (client: GatewayClient, options: NoticesOptions, io: Io): Promise<number> {
  const query = {
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.status ? { status: options.status } : {}),
    ...(options.updatedSince ? { updatedSince: options.updatedSince } : {}),
    limit: Math.min(options.limit ?? 500, 500)
  } as NoticeQuery
  let printed = 0
  for await (const notice of client.list('/v1/notices', { params: { query } })) {
    if (options.limit !== undefined && printed >= options.limit) break
    const n = notice as Item<'/v1/notices'>
    io.out(options.json
      ? terminalJson(n)
      : visible([n.referenceNumber, n.platform, n.status, `deadline ${n.deadline}`, n.id].join('  ')))
    printed++
  }
  return 0
}

export interface DeliveriesOptions { json?: boolean }

/**
 * `takedown deliveries NOTICE_ID`: how a notice reached its platform, one line per attempt of each delivery (its
 * channel, event and state), or one JSON delivery per line.
 */
export async function deliveries (
  client: GatewayClient, noticeId: string, options: DeliveriesOptions, io: Io
): Promise<number> {
  const { data } = await client.get('/v1/notices/{id}/deliveries', { params: { path: { id: noticeId } } })
  for (const d of data) {
    if (options.json) {
      io.out(terminalJson(d))
      continue
    }
    const next = d.nextAttemptAt === null ? '' : `  next ${d.nextAttemptAt}`
    io.out(visible([d.createdAt, d.channel, d.eventType, d.status, d.id].join('  ') + next))
    for (const a of d.attempts) {
      const answer = [a.statusCode ?? '', a.error ?? ''].filter((x) => x !== '').join(' ')
      io.out(visible(`  #${a.attempt}  ${a.at}  ${a.outcome}${answer === '' ? '' : `  ${answer}`}`))
    }
  }
  if (data.length === 0) io.out('no deliveries')
  return 0
}
