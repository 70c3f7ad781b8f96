// When a delivery is tried again. Pure: the delivery worker asks, and stores the answer as the row's next attempt.
// The schedule is the (the one Svix publishes for Standard Webhooks): ten attempts over about three days,
// then the delivery has failed. Jitter spreads the retries of many deliveries that failed together (a receiver
// that was down) so that they do not all return at the same second.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** The nominal wait before each attempt, the first (at once) included: index 0 is attempt 1. */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 14 * HOUR, 20 * HOUR, 24 * HOUR
]
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length
/** Each wait is its nominal value, plus or minus this share of it. */
export const JITTER = 0.1
/** A receiver's Retry-After is honoured up to a day, the longest wait of the schedule itself. */
export const MAX_RETRY_AFTER_MS = 24 * HOUR
/** An endpoint whose deliveries have failed without a success for this long is disabled. */
export const GIVE_UP_AFTER_MS = 5 * 24 * HOUR

/**
 * How long to wait before attempt `attemptNumber` (1 for the first, which goes at once), counted from the end of
 * the attempt before it; null when the schedule has no such attempt (the delivery has failed for good).
 * With a Retry-After (from a 429 or 503), the wait is the longer of it (capped at a day) and the schedule's.
 * `random` answers in [0, 1), like Math.random.
 */
export function nextAttemptDelayMs (
  attemptNumber: number, retryAfterSeconds?: number, random: () => number = Math.random
): number | null {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) throw new RangeError('attempts are numbered from 1')
  if (attemptNumber > MAX_ATTEMPTS) return null
  const nominal = RETRY_SCHEDULE_MS[attemptNumber - 1]
  const jittered = Math.round(nominal * (1 - JITTER + 2 * JITTER * random()))
  const asked = retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0
    ? Math.min(Math.ceil(retryAfterSeconds * SECOND), MAX_RETRY_AFTER_MS)
    : 0
  return Math.max(jittered, asked)
}

/** Whether an endpoint failing since `firstFailureAt` (its first failure after its last success) is given up on. */
export function shouldDisable (firstFailureAt: Date, now: Date): boolean {
  return now.getTime() - firstFailureAt.getTime() >= GIVE_UP_AFTER_MS
}
