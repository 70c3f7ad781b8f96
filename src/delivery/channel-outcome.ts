// What one delivery attempt came to, in the same words for e-mail and webhooks: the worker records and schedules by it.

export type ChannelOutcome =
  | { ok: true, statusCode?: number, response?: string, durationMs: number, channelNote: string }
  | {
    ok: false,
    /** Worth trying again later (a 5xx, a timeout, a refused connection, an SMTP 4xx). */
    retryable: boolean,
    /** The receiver said when (Retry-After on 429 and 503). */
    retryAfterSeconds?: number,
    /** The endpoint asked not to be called again (410 Gone). */
    disable?: boolean,
    /** The address was refused before any connection (private, loopback, ...). */
    refused?: boolean,
    statusCode?: number,
    error: string,
    response?: string,
    durationMs: number
  }
