import t from 'tap'
import { Semaphore } from '../../src/lib/semaphore.ts'

t.test('at most `size` hold it at once, and the others go in the order they came, failures included', async (t) => {
  const semaphore = new Semaphore(2)
  let holding = 0
  let most = 0
  const order: number[] = []
  const work = (n: number) => semaphore.use(async () => {
    holding++
    most = Math.max(most, holding)
    await new Promise((resolve) => setTimeout(resolve, 5))
    order.push(n)
    holding--
    if (n === 3) throw new Error('three fails')
    return n
  })
  const results = await Promise.allSettled([1, 2, 3, 4, 5, 6].map(work))
  t.equal(most, 2, 'never more than two at once')
  t.same(order, [1, 2, 3, 4, 5, 6], 'first come, first served')
  t.same(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'],
    'a failure gives its place back')
  t.equal(await semaphore.use(async () => 'free'), 'free', 'every place is free again')
})
