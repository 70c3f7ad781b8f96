// The intake baseline: the same durable work as the gateway's intake, written by hand with plain pg. One
// transaction stores the report, its items, one signed notice per platform, their 'created' events and an audit
// row; what it leaves out is everything the gateway adds on top: authentication, URL recognition, duplicate and
// re-upload checks, gap-free reference numbers and the notice's full composition.
import crypto from 'node:crypto'
import Fastify from 'fastify'
import pg from 'pg'
import { createValidatorCompiler } from '../src/plugins/validation.ts'
import { SubmitReportBody, type SubmitReportInput } from '../src/schemas/reports.ts'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 })
await pool.query(`
  create table if not exists baseline_reports (id uuid primary key, external_ref text not null, category text not null,
    legal_basis text not null, statement_of_reasons text not null, urgency text not null, created_at timestamptz not null default now());
  create table if not exists baseline_report_items (id uuid primary key, report_id uuid not null references baseline_reports,
    position int not null, url text not null, platform text not null, content_type text not null, hashes jsonb not null);
  create table if not exists baseline_notices (id uuid primary key, reference_number bigserial unique, report_id uuid not null references baseline_reports,
    platform text not null, status text not null, content jsonb not null, signature text not null, issued_at timestamptz not null);
  create index if not exists baseline_notices_report_idx on baseline_notices (report_id);
  create table if not exists baseline_notice_events (id bigserial primary key, notice_id uuid not null references baseline_notices,
    type text not null, at timestamptz not null default now());
  create table if not exists baseline_audit (id bigserial primary key, action text not null, target_id text not null, change jsonb not null,
    at timestamptz not null default now());`)

const { privateKey } = crypto.generateKeyPairSync('ed25519')
const sign = (content: unknown): string => crypto.sign(null, Buffer.from(JSON.stringify(content)), privateKey).toString('base64url')

const app = Fastify({ bodyLimit: 4 * 1024 * 1024 })
app.setValidatorCompiler(createValidatorCompiler())
app.get('/health/live', async () => ({ status: 'ok' }))
app.post<{ Body: SubmitReportInput }>('/v1/reports', { schema: { body: SubmitReportBody } }, async (request, reply) => {
  const input = request.body
  const reportId = crypto.randomUUID()
  const items = input.items.map((item, position) => ({ id: crypto.randomUUID(), position, url: item.url, platform: new URL(item.url).hostname, item }))
  const byPlatform = new Map<string, typeof items>()
  for (const item of items) byPlatform.set(item.platform, [...(byPlatform.get(item.platform) ?? []), item])
  const issuedAt = new Date().toISOString()
  const notices = [...byPlatform].map(([platform, of]) => {
    const content = { reportId, platform, issuedAt, category: input.category, legalBasis: input.legalBasis, statementOfReasons: input.statementOfReasons, items: of.map((i) => i.item) }
    return { id: crypto.randomUUID(), platform, content, signature: sign(content) }
  })
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query('insert into baseline_reports (id, external_ref, category, legal_basis, statement_of_reasons, urgency) values ($1, $2, $3, $4, $5, $6)',
      [reportId, input.externalRef, input.category, input.legalBasis, input.statementOfReasons, input.urgency])
    await client.query(`insert into baseline_report_items (id, report_id, position, url, platform, content_type, hashes)
      select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::jsonb[])`,
    [items.map((i) => i.id), items.map(() => reportId), items.map((i) => i.position), items.map((i) => i.url), items.map((i) => i.platform),
      items.map((i) => i.item.contentType), items.map((i) => JSON.stringify(i.item.hashes ?? {}))])
    const { rows } = await client.query(`insert into baseline_notices (id, report_id, platform, status, content, signature, issued_at)
      select id, $2, platform, 'issued', content, signature, $3 from unnest($1::uuid[], $4::text[], $5::jsonb[], $6::text[]) as n(id, platform, content, signature)
      returning id, reference_number`,
    [notices.map((n) => n.id), reportId, issuedAt, notices.map((n) => n.platform), notices.map((n) => JSON.stringify(n.content)), notices.map((n) => n.signature)])
    await client.query("insert into baseline_notice_events (notice_id, type) select unnest($1::uuid[]), 'notice.created'", [notices.map((n) => n.id)])
    await client.query("insert into baseline_audit (action, target_id, change) values ('report.submitted', $1, $2)", [reportId, JSON.stringify({ notices: rows })])
    await client.query('commit')
    return reply.status(201).send({ id: reportId, notices: rows })
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
})
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
