// A notice's letters are rendered once and kept: later requests are served the kept bytes, a letter asked for by
// several requests at once is rendered once, and letters not rendered before are admitted to the rendering threads
// up to their capacity, beyond which the answer is 503 rendering_busy with Retry-After.
import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { RENDERER_VERSION } from '../../src/render/notice.ts'
import { buildApp, createLogger } from '../../src/app.ts'

/** One rendering thread and no queue: a single letter not rendered before takes the only place. */
const ENV = { RENDER_THREADS: '1', RENDER_QUEUE: '0' }
/** Enough items that a PDF takes a while to render, so requests sent together find its place taken. */
const ITEMS = 300

t.test('notice letters are rendered once and kept', async (t) => {
  const ctx = await build(t, ENV)
  const { call, pool } = ctx
  const { authority, auditor } = await actors(ctx)
  const issue = async (ref: string, items: number): Promise<string> => {
    const res = await call(authority, {
      method: 'POST',
      url: '/v1/reports',
      payload: reportPayload(Array.from({ length: items }, (_, i) => `https://t.me/render_${ref.toLowerCase().replaceAll('-', '_')}/${i + 1}`), { externalRef: ref })
    })
    t.equal(res.statusCode, 201, res.body)
    return res.json().notices[0].id as string
  }
  const letter = (id: string, format: string, lang = 'en') =>
    call(auditor, { method: 'GET', url: `/v1/notices/${id}/document?format=${format}&lang=${lang}` })
  const kept = async (id: string) => (await pool.query<{ format: string, lang: string, version: number, body: Buffer }>(
    'select format, lang, renderer_version as version, body from notice_renderings where notice_id = $1 order by format, lang', [id]
  )).rows

  t.test('the first request stores the letter and later ones are served what was stored', async (t) => {
    const id = await issue('RENDER-KEPT', 3)
    t.same(await kept(id), [], 'nothing is rendered before it is asked for')
    const first = await letter(id, 'pdf')
    t.equal(first.statusCode, 200)
    t.equal(first.headers['content-type'], 'application/pdf')
    const rows = await kept(id)
    t.same(rows.map((r) => [r.format, r.lang, r.version]), [['pdf', 'en', RENDERER_VERSION]])
    t.ok(rows[0].body.equals(first.rawPayload), 'the stored bytes are the ones answered')
    // Marked in the database: another gateway (its own memory) can only answer it from the stored row, and this
    // one answers from its memory.
    await pool.query("update notice_renderings set body = convert_to('kept', 'UTF8') where notice_id = $1", [id])
    const other = await buildApp(ctx.config, {
      pool, db: ctx.db, signer: ctx.signer, logger: createLogger('silent'), background: false
    })
    t.teardown(() => other.close())
    const fromOther = await other.inject({
      method: 'GET', url: `/v1/notices/${id}/document?format=pdf&lang=en`, headers: { authorization: `Bearer ${auditor}` }
    })
    t.equal(fromOther.statusCode, 200)
    t.equal(fromOther.body, 'kept', 'another process is served the stored rendering, not rendering again')
    const again = await letter(id, 'pdf')
    t.equal(again.statusCode, 200)
    t.ok(again.rawPayload.equals(first.rawPayload), 'this process answers from its memory')
    const text = await letter(id, 'text', 'ru')
    t.equal(text.statusCode, 200)
    t.match(text.headers['content-type'], /^text\/plain; charset=utf-8/)
    t.same((await kept(id)).map((r) => [r.format, r.lang]), [['pdf', 'en'], ['text', 'ru']], 'one row per format and language')
    t.equal((await kept(id))[1].body.toString('utf8'), text.body, 'a text letter is kept as its UTF-8 bytes')
  })

  t.test('a letter asked for by many requests at once is rendered once, within one place', async (t) => {
    const id = await issue('RENDER-SAME', ITEMS)
    const answers = await Promise.all(Array.from({ length: 8 }, () => letter(id, 'pdf')))
    t.same(answers.map((a) => a.statusCode), Array(8).fill(200), 'all answered: they share the one rendering')
    t.ok(answers.every((a) => a.rawPayload.equals(answers[0].rawPayload)), 'the same bytes')
    t.equal((await kept(id)).length, 1)
  })

  t.test('letters not rendered before beyond the threads and queue are refused with Retry-After', async (t) => {
    const ids = await Promise.all(['RENDER-BUSY-1', 'RENDER-BUSY-2', 'RENDER-BUSY-3'].map((ref) => issue(ref, ITEMS)))
    const answers = await Promise.all(ids.map((id) => letter(id, 'pdf')))
    const statuses = answers.map((a) => a.statusCode).sort()
    t.equal(statuses[0], 200, 'one is rendered')
    const refused = answers.filter((a) => a.statusCode === 503)
    t.equal(refused.length + 1, answers.length, 'nothing but 200 and 503')
    t.ok(refused.length >= 1, `the others find the only place taken: ${statuses.join(', ')}`)
    for (const res of refused) {
      t.match(res.headers['content-type'], /^application\/problem\+json/)
      t.equal(res.json().code, 'rendering_busy')
      t.ok(Number(res.headers['retry-after']) > 0, 'with Retry-After')
    }
    t.same(ctx.app.noticeRenderer.stats().inFlight, 0, 'every place is given back')
    const retried = await Promise.all(ids.map((id) => letter(id, 'pdf')))
    // Retried one at a time, as a client honouring Retry-After would.
    for (const [i, res] of retried.entries()) {
      if (res.statusCode === 503) retried[i] = await letter(ids[i], 'pdf')
    }
    t.ok(retried.every((r) => r.statusCode === 200), 'each is rendered when retried')
  })

  t.test('a small text or HTML letter is rendered in place, without taking a thread\'s place', async (t) => {
    const [large, small] = await Promise.all([issue('RENDER-HOLD', 1000), issue('RENDER-SMALL', 2)])
    // The large PDF takes the only place for a second or two; the small letters are asked for meanwhile.
    const holding = letter(large, 'pdf')
    while (ctx.app.noticeRenderer.stats().inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    t.equal((await letter(small, 'pdf')).statusCode, 503, 'a PDF not rendered before waits for a thread')
    const html = await letter(small, 'html')
    t.equal(html.statusCode, 200, 'a small HTML letter does not')
    t.equal(ctx.app.noticeRenderer.stats().inFlight, 1, 'and the large PDF was still rendering meanwhile')
    t.equal((await holding).statusCode, 200)
  })
})
