// A small in-process cache with a time-to-live and a size bound, for lookups that every request repeats.
// Caches of data others can change are named by a topic: a change announced on the topic (by this process or,
// through the database's notifications, by another) clears them, and while such announcements could be missed
// (the notification connection is down) they are bypassed altogether.

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V, expires: number }>()
  /** Moves on every clear: a load that began before a clear must not store what it read. */
  private generation = 0

  constructor (
    private readonly ttlMs: number, private readonly maxEntries = 10_000, private readonly now = Date.now,
    readonly topic?: string
  ) {
    if (topic !== undefined) register(this)
  }

  get (key: K): V | undefined {
    if (!this.trusted()) return undefined
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  /** The generation a load starts in; pass it to `set` so a clear in between discards the loaded value. */
  get currentGeneration (): number { return this.generation }

  set (key: K, value: V, generation = this.generation): void {
    if (generation !== this.generation || !this.trusted()) return
    // Maps iterate in insertion order, so the first key is the oldest entry.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K)
    this.entries.set(key, { value, expires: this.now() + this.ttlMs })
  }

  async getOrLoad (key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key)
    if (hit !== undefined) return hit
    const generation = this.generation
    const value = await load()
    this.set(key, value, generation)
    return value
  }

  delete (key: K): void {
    this.entries.delete(key)
  }

  clear (): void {
    this.generation++
    this.entries.clear()
  }

  private trusted (): boolean {
    return this.topic === undefined || announcementsHeard
  }
}

const byTopic = new Map<string, Set<TtlCache<unknown, unknown>>>()
/** Whether changes announced elsewhere reach this process now; until someone says so, they are assumed to. */
let announcementsHeard = true

function register (cache: TtlCache<any, any>): void {
  const set = byTopic.get(cache.topic!) ?? new Set()
  set.add(cache)
  byTopic.set(cache.topic!, set)
}

/** Something under `topic` changed: every cache of it forgets what it holds, and loads under way are discarded. */
export function invalidateTopic (topic: string): void {
  for (const cache of byTopic.get(topic) ?? []) cache.clear()
}

/**
 * Whether this process hears every announced change. When it stops hearing them, topic caches are cleared and
 * bypassed (every read goes to the database) until it hears them again.
 */
export function setAnnouncementsHeard (heard: boolean): void {
  announcementsHeard = heard
  for (const caches of byTopic.values()) for (const cache of caches) cache.clear()
}
