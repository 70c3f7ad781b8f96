import t from 'tap'
import fc from 'fast-check'
import {
  GIVE_UP_AFTER_MS, MAX_ATTEMPTS, MAX_RETRY_AFTER_MS, nextAttemptDelayMs, RETRY_SCHEDULE_MS, shouldDisable
} from '../../src/delivery/retry-schedule.ts'

const S = 1000
const M = 60 * S
const H = 60 * M
const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })
const attempt = fc.integer({ min: 1, max: MAX_ATTEMPTS })

t.test('the schedule is the issue\'s: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h', async (t) => {
  t.same(RETRY_SCHEDULE_MS, [0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 14 * H, 20 * H, 24 * H])
  t.same(RETRY_SCHEDULE_MS.map((_, i) => nextAttemptDelayMs(i + 1, undefined, () => 0.5)), RETRY_SCHEDULE_MS,
    'the middle of the jitter is the nominal wait')
  t.equal(nextAttemptDelayMs(MAX_ATTEMPTS + 1), null, 'after the tenth attempt the delivery has failed')
  t.throws(() => nextAttemptDelayMs(0), RangeError)
  t.throws(() => nextAttemptDelayMs(1.5), RangeError)
})

t.test('each wait is within 10 % of its nominal value, and the first attempt goes at once', async (t) => {
  t.doesNotThrow(() => fc.assert(fc.property(attempt, random, (n, r) => {
    const delay = nextAttemptDelayMs(n, undefined, () => r)!
    const nominal = RETRY_SCHEDULE_MS[n - 1]
    return Number.isInteger(delay) && delay >= Math.floor(nominal * 0.9) && delay <= Math.ceil(nominal * 1.1) &&
      (n !== 1 || delay === 0)
  }), { numRuns: 2000 }))
  t.equal(nextAttemptDelayMs(2, undefined, () => 0), 4500)
  t.equal(nextAttemptDelayMs(2, undefined, () => 0.999999), 5500)
})

t.test('jitter spreads retries: the same attempt does not always get the same wait', async (t) => {
  const waits = new Set(Array.from({ length: 50 }, () => nextAttemptDelayMs(4)))
  t.ok(waits.size > 10, `${waits.size} different waits out of 50`)
})

t.test('a Retry-After is honoured: the longer of it and the schedule, capped at a day', async (t) => {
  t.equal(nextAttemptDelayMs(2, 120, () => 0.5), 120 * S, 'longer than 5 s')
  t.equal(nextAttemptDelayMs(5, 60, () => 0.5), 2 * H, 'shorter than the schedule')
  t.equal(nextAttemptDelayMs(2, 7 * 24 * 3600, () => 0.5), MAX_RETRY_AFTER_MS, 'a week is cut to a day')
  t.equal(nextAttemptDelayMs(1, 30, () => 0.5), 30 * S)
  t.doesNotThrow(() => fc.assert(fc.property(attempt, fc.option(fc.nat({ max: 30 * 24 * 3600 }), { nil: undefined }),
    random, (n, retryAfter, r) => {
      const delay = nextAttemptDelayMs(n, retryAfter, () => r)!
      const withoutIt = nextAttemptDelayMs(n, undefined, () => r)!
      const asked = Math.min((retryAfter ?? 0) * S, MAX_RETRY_AFTER_MS)
      return delay === Math.max(withoutIt, asked) && delay <= Math.max(Math.ceil(24 * H * 1.1), MAX_RETRY_AFTER_MS)
    }), { numRuns: 2000 }))
})

t.test('an endpoint failing for 5 days is disabled, not before', async (t) => {
  const first = new Date('2026-12-01T00:00:00Z')
  t.equal(GIVE_UP_AFTER_MS, 5 * 24 * H)
  t.equal(shouldDisable(first, new Date(first.getTime() + 5 * 24 * H - 1)), false)
  t.equal(shouldDisable(first, new Date(first.getTime() + 5 * 24 * H)), true)
  t.doesNotThrow(() => fc.assert(fc.property(fc.integer({ min: 0, max: 30 * 24 * H }), (elapsed) =>
    shouldDisable(first, new Date(first.getTime() + elapsed)) === (elapsed >= GIVE_UP_AFTER_MS))))
})
