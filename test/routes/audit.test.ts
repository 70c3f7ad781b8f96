// The audit trail: a deleted tail is caught against its head and a kept checkpoint; the service role cannot undo the guards.
import t from 'tap'
import pg from 'pg'
import { build } from '../helper.ts'
import { eventually } from '../helpers/eventually.ts'

const report = (n: number) => ({
  externalRef: `CASE-AUDIT-${n}`,
  category: 'terrorism',
  legalBasis: 'kz-online-platforms-9',
  statementOfReasons: 'The material calls for violence against civilians.',
  urgency: 'normal',
  items: [{ url: `https://t.me/auditchannel/${n}`, contentType: 'text' }]
})

/** Runs `sql` and answers the SQLSTATE it failed with, or null when it succeeded. */
async function failure (client: pg.ClientBase, sql: string): Promise<string | null> {
  try {
    await client.query(sql)
    return null
  } catch (error) {
    return (error as { code?: string }).code ?? 'unknown'
  }
}

t.test('audit trail', async (t) => {
  const ctx = await build(t, {}, { serviceRole: true })
  const { call } = ctx
  const authority = await ctx.clientKey('authority')
  const auditor = await ctx.clientKey('auditor')
  const owner = new pg.Client({ connectionString: ctx.ownerUrl })
  await owner.connect()
  t.teardown(() => owner.end())

  let submitted = 0
  /** The last position before the entries a subtest deleted. */
  let intactUpTo = 0
  const submit = async (): Promise<void> => {
    const res = await call(authority, { method: 'POST', url: '/v1/reports', payload: report(++submitted) })
    if (res.statusCode !== 201) throw new Error(`report refused: ${res.statusCode} ${res.body}`)
  }
  /** Waits until every audit entry is sealed, and answers the last position. */
  const allSealed = async (): Promise<number> => eventually(async () => {
    const { rows: [r] } = await owner.query<{ pending: number, last: number }>(
      'select count(*) filter (where position is null)::int as pending, coalesce(max(position), 0)::int as last from audit_entries')
    return r.pending === 0 && r.last > 0 ? r.last : false
  })
  const verify = async (checkpoint?: string) => {
    const res = await call(auditor, { method: 'GET', url: `/v1/audit/verify${checkpoint ? `?checkpoint=${checkpoint}` : ''}` })
    t.equal(res.statusCode, 200, res.body)
    return res.json()
  }
  const withGuardsOff = async (sql: string): Promise<void> => {
    await owner.query('begin')
    await owner.query('alter table audit_entries disable trigger user')
    await owner.query('alter table audit_chain_head disable trigger user')
    await owner.query(sql)
    await owner.query('alter table audit_entries enable trigger user')
    await owner.query('alter table audit_chain_head enable trigger user')
    await owner.query('commit')
  }

  t.test('the service role cannot disable the guards, nor change or delete audit rows', async (t) => {
    await submit()
    await allSealed()
    const service = await ctx.pool.connect()
    t.teardown(() => service.release())
    t.equal(await failure(service, 'alter table audit_entries disable trigger audit_entries_guard'), '42501', 'not the owner: no DISABLE TRIGGER')
    t.equal(await failure(service, 'alter table audit_chain_head disable trigger user'), '42501')
    t.equal(await failure(service, 'delete from audit_entries'), '42501', 'no DELETE')
    t.equal(await failure(service, 'truncate audit_entries'), '42501', 'no TRUNCATE')
    t.equal(await failure(service, "update audit_entries set action = 'forged' where position = 1"), '42501', 'the guard refuses a change')
    t.equal(await failure(service, 'delete from audit_chain_head'), '42501')
    t.equal(await failure(service, 'update audit_chain_head set position = 0'), '42501', 'the head never moves back')
    t.equal(await failure(service, 'drop table audit_entries'), '42501')
    const { rows: [role] } = await service.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user')
    t.equal(role.rolsuper, false)
    t.equal((await verify()).intact, true, 'the trail the service role wrote is intact')
  })

  t.test('a checkpoint is a signed statement of the head, and verify checks the chain against it', async (t) => {
    await submit()
    const last = await allSealed()
    const res = await call(auditor, { method: 'GET', url: '/v1/audit/checkpoints/latest' })
    t.equal(res.statusCode, 200, res.body)
    const checkpoint = res.json()
    t.equal(checkpoint.position, last)
    const [header, payload] = checkpoint.checkpoint.split('.')
    t.equal(JSON.parse(Buffer.from(header, 'base64url').toString()).typ, 'takedown-audit-checkpoint+jws')
    t.same(JSON.parse(Buffer.from(payload, 'base64url').toString()), { position: checkpoint.position, hash: checkpoint.hash, at: checkpoint.at })
    const verified = await verify(checkpoint.checkpoint)
    t.equal(verified.intact, true)
    t.same(verified.checkpoint, { position: last, hash: checkpoint.hash, at: checkpoint.at, reached: true })

    const forged = Buffer.from(JSON.stringify({ position: last + 5, hash: checkpoint.hash, at: checkpoint.at })).toString('base64url')
    const tampered = await call(auditor, { method: 'GET', url: `/v1/audit/verify?checkpoint=${header}.${forged}.${checkpoint.checkpoint.split('.')[2]}` })
    t.equal(tampered.statusCode, 422, 'an altered checkpoint does not verify')
    t.match(tampered.headers['content-type'], /application\/problem\+json/)
    const liaison = await ctx.clientKey('liaison', 'telegram')
    t.equal((await call(liaison, { method: 'GET', url: '/v1/audit/checkpoints/latest' })).statusCode, 403)
  })

  t.test('deleting the newest entries is detected, and their positions are never handed out again', async (t) => {
    await submit()
    await submit()
    const last = await allSealed()
    const kept = (await call(auditor, { method: 'GET', url: '/v1/audit/checkpoints/latest' })).json()
    // The owner can switch the guards off: it deletes the two newest entries.
    await withGuardsOff(`delete from audit_entries where position > ${last - 2}`)
    intactUpTo = last - 2
    const cut = await verify()
    t.equal(cut.intact, false, 'the chain stops short of its stored head')
    t.same(cut.firstBroken, { position: last - 1, reason: 'truncated' })
    const againstKept = await verify(kept.checkpoint)
    t.equal(againstKept.intact, false)
    t.equal(againstKept.checkpoint.reached, false)

    await submit()
    await allSealed()
    const { rows } = await owner.query<{ position: string }>('select position::text from audit_entries where position > $1 order by position', [last - 2])
    t.ok(rows.length > 0 && rows.every((r) => Number(r.position) > last), 'new entries continue after the old head: no position is reused')
    t.same((await verify()).firstBroken, { position: last - 1, reason: 'gap' })
  })

  t.test('an owner who also rewinds the head is still caught by a kept checkpoint', async (t) => {
    const kept = (await call(auditor, { method: 'GET', url: '/v1/audit/checkpoints/latest' })).json()
    // The owner covers its tracks: everything from the gap on goes, and the head is moved back to match.
    const before = { p: intactUpTo }
    await withGuardsOff(`
      with cut as (delete from audit_entries where position > ${before.p} returning 1)
      update audit_chain_head set position = ${before.p}, hash = (select hash from audit_entries where position = ${before.p})
      where (select count(*) from cut) >= 0`)
    t.same(await verify(), { intact: true, checked: before.p, firstBroken: null, checkpoint: null }, 'without a checkpoint, a rewritten head hides the cut')
    const withCheckpoint = await verify(kept.checkpoint)
    t.equal(withCheckpoint.intact, false, 'the kept checkpoint still shows it')
    t.same(withCheckpoint.firstBroken, { position: before.p + 1, reason: 'truncated' })
    t.equal(withCheckpoint.checkpoint.reached, false)
  })
})
