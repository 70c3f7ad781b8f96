// A least-recently-used cache bounded by the bytes it holds, for values that never change once made.

export class ByteLru<V extends { body: Buffer }> {
  private readonly entries = new Map<string, V>()
  private held = 0

  constructor (readonly maxBytes: number) {}

  get (key: string): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    // Re-inserted, so that the map's first key is always the least recently used.
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  /** Keeps `value` unless it alone is over the bound; the least recently used go until the rest fit. */
  set (key: string, value: V): void {
    const size = value.body.length
    if (size > this.maxBytes) return
    const previous = this.entries.get(key)
    if (previous !== undefined) {
      this.held -= previous.body.length
      this.entries.delete(key)
    }
    while (this.held + size > this.maxBytes) {
      const [oldest, dropped] = this.entries.entries().next().value as [string, V]
      this.entries.delete(oldest)
      this.held -= dropped.body.length
    }
    this.entries.set(key, value)
    this.held += size
  }
}
