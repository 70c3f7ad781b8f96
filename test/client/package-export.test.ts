// The client is importable by the package's own name, as a dependent project imports it.
import t from 'tap'
import { createGatewayClient, ProblemError } from 'takedown-gateway/client'

t.test('takedown-gateway/client exports the client', async (t) => {
  t.type(createGatewayClient, 'function')
  t.type(ProblemError, 'function')
  const client = createGatewayClient({ baseUrl: 'http://127.0.0.1:1' })
  t.type(client.events, 'function')
})
