import t from 'tap'
import { build } from '../helper.ts'

t.test('the Bearer scheme is accepted in any case, the key itself is not', async (t) => {
  const { app, adminKey } = await build(t)
  const read = (authorization: string) => app.inject({ method: 'GET', url: '/v1/clients', headers: { authorization } })
  for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
    t.equal((await read(`${scheme} ${adminKey}`)).statusCode, 200, scheme)
  }
  t.equal((await read(`Bearer ${adminKey.toUpperCase()}`)).statusCode, 401, 'the key is compared exactly')
  t.equal((await read(`Basic ${adminKey}`)).statusCode, 401, 'another scheme is refused')
  t.equal((await read(`Bearer  ${adminKey}`)).statusCode, 401, 'one space between scheme and key')
})
