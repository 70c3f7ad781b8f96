// The polling baseline: a bare Fastify route returning a constant, nothing else.
import Fastify from 'fastify'

const app = Fastify()
const body = { data: [], nextCursor: null }
app.get('/health/live', async () => ({ status: 'ok' }))
app.get('/v1/notices', async () => body)
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
