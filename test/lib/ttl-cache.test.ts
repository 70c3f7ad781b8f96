import t from 'tap'
import { TtlCache, invalidateTopic, setAnnouncementsHeard } from '../../src/lib/ttl-cache.ts'

t.test('a load under way when the cache is cleared stores nothing', async (t) => {
  const cache = new TtlCache<string, string>(60_000)
  let finish!: (value: string) => void
  const loading = cache.getOrLoad('key', () => new Promise((resolve) => { finish = resolve }))
  cache.clear() // the revocation lands while the lookup is in flight
  finish('read before the revocation')
  t.equal(await loading, 'read before the revocation', 'the caller gets what it read')
  t.equal(cache.get('key'), undefined, 'but the cache does not keep it')
  t.equal(await cache.getOrLoad('key', async () => 'fresh'), 'fresh')
  t.equal(cache.get('key'), 'fresh')
})

t.test('an explicit set with a stale generation is dropped', async (t) => {
  const cache = new TtlCache<string, number>(60_000)
  const generation = cache.currentGeneration
  cache.clear()
  cache.set('k', 1, generation)
  t.equal(cache.get('k'), undefined)
})

t.test('a topic change clears its caches; unheard announcements bypass them', async (t) => {
  t.teardown(() => setAnnouncementsHeard(true))
  const cache = new TtlCache<string, number>(60_000, 10, Date.now, 'test-topic')
  const other = new TtlCache<string, number>(60_000, 10, Date.now, 'other-topic')
  cache.set('a', 1)
  other.set('a', 1)
  invalidateTopic('test-topic')
  t.equal(cache.get('a'), undefined)
  t.equal(other.get('a'), 1, 'other topics keep theirs')
  setAnnouncementsHeard(false)
  cache.set('a', 2)
  t.equal(cache.get('a'), undefined, 'nothing is served from a cache that could miss a change')
  setAnnouncementsHeard(true)
  cache.set('a', 3)
  t.equal(cache.get('a'), 3)
})
