// Waiting for what background work (the feed's numbering, the index's poll) makes true a moment later.
import type pg from 'pg'

/**
 * Retries until the check passes (background work runs every 100 ms to 1 s), or fails after `ms`: long, because
 * an open transaction of another test file holds back the commit-safe feeds of the whole cluster meanwhile.
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
 * Waits until the change feed has numbered every committed event. Numbering waits for the oldest transaction of
 * the whole cluster, so another test file's open transaction can hold it back for a while: a tag read twice in a
 * row can agree while an event is still to come.
 */
export async function allEventsNumbered (pool: pg.Pool): Promise<void> {
  await eventually(async () => (await pool.query('select count(*)::int as n from notice_events where position is null')).rows[0].n === 0)
}
