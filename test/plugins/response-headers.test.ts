// Every HTML answer is served under a Content-Security-Policy: the notice's HTML letter, the docs page and its assets.
import t from 'tap'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { issueNotice } from '../fixtures/notices.ts'
import { HTML_CSP } from '../../src/plugins/response-headers.ts'
import { DOCS_CSP } from '../../src/plugins/docs.ts'

t.test('Content-Security-Policy headers', async (t) => {
  const ctx = await build(t)
  const { authority } = await actors(ctx)
  const { id } = await issueNotice(ctx, authority, ['https://t.me/csp_channel/1'], { externalRef: 'CSP-1' })

  t.test('the notice\'s HTML letter carries its policy as a header, not only in its <meta> tag', async (t) => {
    const html = await ctx.call(authority, { method: 'GET', url: `/v1/notices/${id}/document?format=html` })
    t.equal(html.statusCode, 200)
    t.match(html.headers['content-type'], /^text\/html/)
    t.equal(html.headers['content-security-policy'], HTML_CSP)
    t.equal(html.headers['x-content-type-options'], 'nosniff')
    t.equal(html.headers['x-frame-options'], 'DENY')
    for (const format of ['json', 'text', 'pdf']) {
      const other = await ctx.call(authority, { method: 'GET', url: `/v1/notices/${id}/document?format=${format}` })
      t.equal(other.statusCode, 200)
      t.equal(other.headers['content-security-policy'], undefined, `no HTML policy on ${format}`)
    }
  })

  t.test('the docs page and every asset it loads carry the docs policy', async (t) => {
    for (const url of ['/docs/', '/docs', '/docs/static/swagger-ui-bundle.js', '/docs/static/swagger-ui.css', '/docs/static/swagger-initializer.js']) {
      const res = await ctx.app.inject({ method: 'GET', url })
      t.equal(res.statusCode, 200, url)
      t.equal(res.headers['content-security-policy'], DOCS_CSP, url)
      t.equal(res.headers['x-content-type-options'], 'nosniff', url)
    }
    t.notMatch(DOCS_CSP, /unsafe-inline|unsafe-eval|\*/, 'no inline script, no eval, no wildcard')
  })
})
