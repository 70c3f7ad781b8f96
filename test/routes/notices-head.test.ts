// HEAD is safe: a liaison's HEAD of a notice, its list, document or signature answers as GET would, changing nothing.
import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { issueNotice } from '../fixtures/notices.ts'

t.test('a liaison\'s HEAD delivers nothing; its GET then does', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, liaison: { telegram } } = await actors(ctx, 'telegram')
  const trail = async (id: string) => {
    const events = await ctx.pool.query('select 1 from notice_events where notice_id = $1 and type = \'notice.transitioned\'', [id])
    const audit = await ctx.pool.query('select 1 from audit_entries where target_id = $1 and action = \'notice.deliver\'', [id])
    return { events: events.rowCount, audit: audit.rowCount }
  }

  for (const path of ['', '/document', '/document?format=html', '/document?format=pdf', '/signature', 'list']) {
    const { id } = await issueNotice(ctx, authority, [`https://t.me/head_channel/${path.length + 1}`], { externalRef: `HEAD-${path}` })
    const url = path === 'list' ? '/v1/notices?status=issued&limit=500' : `/v1/notices/${id}${path}`
    const head = await call(telegram, { method: 'HEAD', url })
    t.equal(head.statusCode, 200, `HEAD ${url}`)
    t.equal(head.body, '', 'no body')
    if (path === '') t.equal(head.headers.etag, '"1"', 'the ETag of the notice as it stands')
    const seen = await call(authority, { method: 'GET', url: `/v1/notices/${id}` })
    t.match(seen.json(), { status: 'issued', version: 1 }, `still issued after HEAD ${url}`)
    t.same(await trail(id), { events: 0, audit: 0 }, 'no event, no audit entry')

    const got = await call(telegram, { method: 'GET', url })
    t.equal(got.statusCode, 200)
    t.equal(got.headers['content-type'], head.headers['content-type'], 'the same type as the HEAD announced')
    t.match((await call(authority, { method: 'GET', url: `/v1/notices/${id}` })).json(), { status: 'delivered', version: 2 },
      `GET ${url} delivers`)
    t.same(await trail(id), { events: 1, audit: 1 })
  }
})
