// The interactive documentation in a real browser: it renders every operation and tries requests on its gateway.
import t from 'tap'
import fs from 'node:fs'
import { chromium, type Page } from 'playwright-core'
import { build } from '../helper.ts'
import { DOCS_CSP } from '../../src/plugins/docs.ts'

/** Chromium from the system (Debian's `chromium` package), or CHROMIUM_PATH. */
const BROWSER = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((file): file is string => file !== undefined && file !== '' && fs.existsSync(file))
// CI installs Chromium and sets REQUIRE_BROWSER, so there a missing browser fails instead of skipping.
const skip = BROWSER === undefined && process.env.REQUIRE_BROWSER !== '1' ? 'no Chromium on this machine (apt-get install chromium, or set CHROMIUM_PATH)' : false

/** Opens one operation of the page as it stands (its server and keys), presses Try it out, then Execute. */
async function execute (page: Page, tag: string, operationId: string): Promise<{ status: string, body: string }> {
  const operation = page.locator(`#operations-${tag}-${operationId}`)
  if (!/\bis-open\b/.test(await operation.getAttribute('class') ?? '')) await operation.locator('.opblock-summary').first().click()
  const tryOut = operation.locator('button.try-out__btn')
  if (await tryOut.innerText() === 'Try it out') await tryOut.click()
  // A previous answer is cleared first, so that the one read below is this request's.
  const clear = operation.locator('button.btn-clear')
  if (await clear.count() > 0) {
    await clear.click()
    await operation.locator('.live-responses-table').waitFor({ state: 'detached' })
  }
  await operation.locator('button.execute').click()
  const response = operation.locator('.live-responses-table .response').first()
  await response.waitFor()
  return {
    status: (await response.locator('.response-col_status').innerText()).trim(),
    body: await response.locator('.response-col_description pre').first().innerText()
  }
}

t.test('the docs page in a browser', { skip }, async (t) => {
  t.ok(BROWSER, 'a Chromium to run')
  const ctx = await build(t)
  const base = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox'] })
  t.teardown(() => browser.close())
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  // The browser also logs each answer of 4xx as an error; the refusals below are meant, so only scripts count.
  page.on('console', (message) => { if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text()) })
  // What the Content-Security-Policy refuses: the browser says so on the console ("Refused to ...") and as an event.
  const refusals: string[] = []
  page.on('console', (message) => { if (/Refused to|Content Security Policy/.test(message.text())) refusals.push(message.text()) })
  // Given as text: it runs in the page, whose DOM types this (Node) project does not load.
  await page.addInitScript({
    content: 'document.addEventListener("securitypolicyviolation", (event) => ' +
      'console.error("Refused to load: " + [event.violatedDirective, event.blockedURI, event.sample].join(" ")))'
  })

  const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { info: { title: string }, paths: Record<string, object> }
  const operations = Object.values(document.paths).reduce((n, path) => n + Object.keys(path).length, 0)

  await t.test('every operation of the document is listed, under the gateway\'s title', async (t) => {
    const answer = await page.goto(`${base}/docs/`)
    t.equal(answer?.headers()['content-security-policy'], DOCS_CSP, 'the page is served under its policy')
    await page.locator('.opblock').first().waitFor()
    t.match(await page.locator('.info .title').innerText(), document.info.title)
    t.equal(await page.locator('.opblock').count(), operations)
    t.equal(await page.locator('.opblock-summary-path[data-path="/v1/reports"]').count(), 2, 'submit and list reports')
  })

  await t.test('tries a public operation on the gateway serving the page', async (t) => {
    await page.goto(`${base}/docs/`)
    await page.locator('.servers select').selectOption('/')
    const { status, body } = await execute(page, 'health', 'getLiveness')
    t.equal(status, '200')
    t.same(JSON.parse(body), { status: 'ok' })
  })

  await t.test('without a key an operation answers 401 as a problem; authorised, it answers', async (t) => {
    const refused = await execute(page, 'platforms', 'listPlatforms')
    t.equal(refused.status, '401')
    t.match(JSON.parse(refused.body), { status: 401, title: /./ })
    await page.locator('button.authorize').first().click()
    await page.locator('.auth-container input').fill(ctx.adminKey)
    await page.locator('.auth-btn-wrapper button.authorize').click()
    await page.locator('.auth-btn-wrapper button.btn-done').click()
    const listed = await execute(page, 'platforms', 'listPlatforms')
    t.equal(listed.status, '200')
    t.ok(JSON.parse(listed.body).data.some((p: { slug: string }) => p.slug === 'telegram'), 'the catalogue, from the database')
  })

  t.same(errors, [], 'no script errors on the page')
  t.same(refusals, [], 'nothing the page needs is refused by its Content-Security-Policy')
})
