// A small in-process cache with a time-to-live and a size bound, for lookups that every request repeats.

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V, expires: number }>()

  constructor (private readonly ttlMs: number, private readonly maxEntries = 10_000, private readonly now = Date.now) {}

  get (key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set (key: K, value: V): void {
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K)
    this.entries.set(key, { value, expires: this.now() + this.ttlMs })
  }

  async getOrLoad (key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key)
    if (hit !== undefined) return hit
    const value = await load()
    this.set(key, value)
    return value
  }

  clear (): void {
    this.entries.clear()
  }
}
