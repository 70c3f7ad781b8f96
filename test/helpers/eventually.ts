// Waiting for what background work (the feed's numbering, the index's poll) makes true a moment later.
import type pg from 'pg'

/**
 * Retries until the check passes (background work runs every 100 ms to 1 s), or fails after `ms`: long, because
 * the machine running the suite is shared and slow.
 */
export async function eventually<T> (check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/**
 * Waits until the change feed has numbered every committed event and the app's sequencer knows it. Numbering
 * waits for the oldest transaction of the test's own database, and the sequencer learns its last position a
 * moment after numbering: a tag read twice in a row can agree while the feed is still to move.
 */
export async function allEventsNumbered (pool: pg.Pool, sequencer: { lastPosition: number }): Promise<void> {
  await eventually(async () => {
    const { rows: [feed] } = await pool.query<{ pending: number, last: number }>(
      'select count(*) filter (where position is null)::int as pending, coalesce(max(position), 0)::int as last from notice_events')
    return feed.pending === 0 && sequencer.lastPosition === feed.last
  })
}
