// The intake baseline: a bare Fastify route validating the same body and doing one INSERT, nothing else.
import Fastify from 'fastify'
import pg from 'pg'
import { createValidatorCompiler } from '../src/plugins/validation.ts'
import { SubmitReportBody } from '../src/schemas/reports.ts'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 })
await pool.query('create table if not exists baseline_reports (id bigserial primary key, body jsonb not null)')
const app = Fastify({ bodyLimit: 4 * 1024 * 1024 })
app.setValidatorCompiler(createValidatorCompiler())
app.get('/health/live', async () => ({ status: 'ok' }))
app.post('/v1/reports', { schema: { body: SubmitReportBody } }, async (request, reply) => {
  const { rows } = await pool.query('insert into baseline_reports (body) values ($1) returning id', [request.body])
  return reply.status(201).send({ id: rows[0].id })
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
