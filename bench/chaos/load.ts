// The fault scenarios' load: writers that submit reports, each under its own Idempotency-Key, and retry the same key
// and body through faults until it is acknowledged, within a cap, as a careful client does.
import { REQUEST_DEADLINE_MS, api, sleep } from './harness.ts'

/** What a report's 201 answer named: the report and its notices. */
export interface Acknowledgement {
  id: string
  noticeIds: string[]
  /** The request, to send again: an idempotent replay must give the same answer. */
  body: Record<string, unknown>
  /** The first 201's body, parsed. */
  answer: unknown
}

/** Every answer a load saw, by kind; `other` lists the unexpected ones. */
export interface LoadFigures {
  /** Acknowledged reports by external reference (the Idempotency-Key). */
  acknowledged: Map<string, Acknowledgement>
  statuses: Map<string, number>
  other: string[]
  /** Answers 503 without a Retry-After header. */
  missingRetryAfter: number
  /** When each acknowledgement arrived (ms since the epoch). */
  ackTimes: number[]
  /** Acknowledgements that replayed an answer committed before (the first attempt's answer was lost). */
  replayed: number
  /**
   * 409 "in progress" (or "released", the key freed while this attempt looked at it) after an earlier attempt of
   * the same key went unanswered (its request may still run) or was answered 503 (the gateway frees that key in the
   * background, once the database takes the write): explained.
   * Any other 409 is listed in `other`.
   */
  inProgress409: number
  /** Reports given up after the retry cap, and reports abandoned when the load was stopped past its deadline. */
  gaveUp: string[]
  abandoned: number
  /** Each attempt: when it ended, how long it took, its status (0: no answer); a scenario reads those of a window. */
  answers: Array<{ at: number, ms: number, status: number }>
}

export interface LoadOptions {
  /** Attempts of one report before it is given up (and counted). */
  maxAttempts?: number
  /** Time from a report's first attempt after which it is given up. */
  giveUpMs?: number
}

/** A report's body; `serial` makes its URLs its own. */
export function reportBody (ref: string, serial: number): Record<string, unknown> {
  return {
    externalRef: ref,
    category: 'terrorism',
    legalBasis: 'kz-online-platforms-9',
    statementOfReasons: 'Calls for violence against civilians.',
    urgency: 'normal',
    items: [
      { url: `https://t.me/chaos_channel/${serial}`, contentType: 'video' },
      { url: `https://www.tiktok.com/@chaos/video/${7_100_000_000_000 + serial}`, contentType: 'video' }
    ]
  }
}

export class ReportLoad {
  readonly figures: LoadFigures = {
    acknowledged: new Map(), statuses: new Map(), other: [], missingRetryAfter: 0, ackTimes: [], replayed: 0, inProgress409: 0, gaveUp: [], abandoned: 0, answers: []
  }

  /** Requests sent and not yet answered. */
  inFlight = 0
  private stopping = false
  private abandoning = false
  private readonly abort = new AbortController()
  private readonly writers: Array<Promise<void>> = []
  private serial = 0
  private readonly maxAttempts: number
  private readonly giveUpMs: number

  constructor (private readonly targets: () => string[], private readonly key: string, private readonly tag: string, options: LoadOptions = {}) {
    this.maxAttempts = options.maxAttempts ?? 1_000
    this.giveUpMs = options.giveUpMs ?? 120_000
  }

  start (writers: number): void {
    for (let w = 0; w < writers; w++) this.writers.push(this.write(w))
  }

  /**
   * Stops after each writer's report in progress is acknowledged, or given up; past `graceMs` (a gateway that
   * cannot serve) the reports in progress are abandoned and counted, and their requests aborted. Answers whether
   * every writer finished within the grace.
   */
  async stop (graceMs = 60_000): Promise<boolean> {
    this.stopping = true
    const all = Promise.all(this.writers)
    let timer: NodeJS.Timeout | undefined
    const finished = await Promise.race([all.then(() => true), new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), graceMs) })])
    clearTimeout(timer)
    if (!finished) {
      this.abandoning = true
      this.abort.abort()
      await all
    }
    return finished
  }

  private count (status: string): void {
    this.figures.statuses.set(status, (this.figures.statuses.get(status) ?? 0) + 1)
  }

  private async write (writer: number): Promise<void> {
    while (!this.stopping) {
      const serial = ++this.serial
      const ref = `CHAOS-${this.tag}-${writer}-${serial}`
      const body = reportBody(ref, serial + writer * 1_000_000 + hashTag(this.tag))
      const firstAt = Date.now()
      /** How the previous attempt of this key ended, and how many in a row went unanswered. */
      let previous: 'none' | 'unanswered' | '503' | 'other' = 'none'
      let unansweredInRow = 0
      for (let attempt = 0; ; attempt++) {
        if (this.abandoning) { this.figures.abandoned++; return }
        if (attempt >= this.maxAttempts || Date.now() - firstAt > this.giveUpMs) { this.figures.gaveUp.push(ref); break }
        const targets = this.targets()
        const base = targets[attempt % targets.length]
        const sent = Date.now()
        this.inFlight++
        try {
          const res = await api(base, this.key, 'POST', '/v1/reports', body, { 'idempotency-key': ref },
            AbortSignal.any([this.abort.signal, AbortSignal.timeout(REQUEST_DEADLINE_MS)]))
          const text = await res.text()
          this.figures.answers.push({ at: Date.now(), ms: Date.now() - sent, status: res.status })
          this.count(String(res.status))
          if (res.status === 201) {
            const answer = JSON.parse(text) as { id: string, notices: Array<{ id: string }> }
            this.figures.acknowledged.set(ref, { id: answer.id, noticeIds: answer.notices.map((n) => n.id), body, answer })
            this.figures.ackTimes.push(Date.now())
            if (res.headers.get('idempotent-replayed') === 'true') this.figures.replayed++
            break
          }
          if (res.status === 503 && !res.headers.get('retry-after')) this.figures.missingRetryAfter++
          let explained409 = false
          if (res.status === 409) {
            const problem = JSON.parse(text) as { title?: string, code?: string }
            // In progress, or released between the claim's conflict and its read (the background release of the
            // key a 503 left behind): both say "retry later" (docs/errors.md) and both follow only such an attempt.
            const inProgress = problem.code === 'idempotent_request_in_progress' ||
              problem.code === 'idempotency_key_released'
            explained409 = inProgress && (previous === 'unanswered' || previous === '503')
            if (explained409) this.figures.inProgress409++
            else this.figures.other.push(`409 ${problem.code ?? problem.title ?? text.slice(0, 200)} for ${ref} after ${previous === 'none' ? 'no earlier attempt' : `an attempt answered ${previous}`}`)
          } else if (res.status !== 503) {
            this.figures.other.push(`${res.status} ${text.slice(0, 300)}`)
          }
          // A retry-later 409 keeps what explained it: the key a 503 or an unanswered attempt left behind may still
          // be held (its background release retries each second) when the next attempt comes.
          if (!explained409) previous = res.status === 503 ? '503' : 'other'
          unansweredInRow = 0
        } catch {
          this.figures.answers.push({ at: Date.now(), ms: Date.now() - sent, status: 0 })
          this.count('no answer')
          previous = 'unanswered'
          unansweredInRow++
        } finally {
          this.inFlight--
        }
        // A process that is down refuses at once: back off to at most 500 ms rather than spin.
        await sleep(Math.min(500, 100 * 2 ** Math.max(0, unansweredInRow - 1)))
      }
    }
  }
}

function hashTag (tag: string): number {
  let h = 0
  for (const c of tag) h = (h * 31 + c.charCodeAt(0)) % 100_000
  return h * 10_000
}

export function statusSummary (figures: LoadFigures): Record<string, number> {
  return Object.fromEntries([...figures.statuses.entries()].sort())
}

/** The goals every load shares: nothing given up, abandoned or unexplained, every 503 with Retry-After. */
export function loadFailures (figures: LoadFigures): string[] {
  const failures: string[] = []
  if (figures.gaveUp.length > 0) failures.push(`${figures.gaveUp.length} reports given up after the retry cap (first: ${figures.gaveUp[0]})`)
  if (figures.abandoned > 0) failures.push(`${figures.abandoned} reports still unacknowledged when the load's stop deadline passed`)
  if (figures.other.length > 0) failures.push(`${figures.other.length} unexpected answers, e.g. ${figures.other.slice(0, 2).join(' | ')}`)
  if (figures.missingRetryAfter > 0) failures.push(`${figures.missingRetryAfter} 503s without Retry-After`)
  return failures
}
