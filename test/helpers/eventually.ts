// Waiting for what background work (the feed's numbering, the index's poll) makes true a moment later.

/** Retries until the check passes (background work runs every 100 ms to 1 s), or fails after `ms`. */
export async function eventually<T> (check: () => Promise<T | undefined | false>, ms = 4000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
