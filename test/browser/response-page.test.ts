// The response page in a real browser: a liaison opens the link of a notice's e-mail, sees the notice, ticks one
// item, sends the form and reads the confirmation; the notice changed as the liaison's transition through the API
// would, and no page visited had anything refused by its Content-Security-Policy.
import t from 'tap'
import fs from 'node:fs'
import { chromium, type Response } from 'playwright-core'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload } from '../fixtures/reports.ts'
import { eventually } from '../helpers/eventually.ts'
import { issueResponseLink, linkKeyOf } from '../../src/use-cases/response-links.ts'

/** Chromium from the system (Debian's `chromium` package), or CHROMIUM_PATH. */
const BROWSER = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((file): file is string => file !== undefined && file !== '' && fs.existsSync(file))
// CI installs Chromium and sets REQUIRE_BROWSER, so there a missing browser fails instead of skipping.
const skip = BROWSER === undefined && process.env.REQUIRE_BROWSER !== '1' ? 'no Chromium on this machine (apt-get install chromium, or set CHROMIUM_PATH)' : false

const URLS = ['https://t.me/browser_page/1', 'https://t.me/browser_page/2', 'https://t.me/browser_page/3']

t.test('the response page in a browser', { skip }, async (t) => {
  t.ok(BROWSER, 'a Chromium to run')
  const ctx = await build(t)
  const base = await ctx.app.listen({ port: 0, host: '127.0.0.1' })
  const { authority, auditor } = await actors(ctx, 'telegram')
  const browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox'] })
  t.teardown(() => browser.close())
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  // What the Content-Security-Policy refuses: the browser says so on the console ("Refused to ...") and as an event.
  const refusals: string[] = []
  page.on('console', (message) => { if (/Refused to|Content Security Policy/.test(message.text())) refusals.push(message.text()) })
  // Given as text: it runs in the page, whose DOM types this (Node) project does not load. The page runs no script of
  // its own; this one is the test's, injected by the browser's driver, which the page's policy does not govern.
  await page.addInitScript({
    content: 'document.addEventListener("securitypolicyviolation", (event) => ' +
      'console.error("Refused to load: " + [event.violatedDirective, event.blockedURI, event.sample].join(" ")))'
  })
  /** Each page the browser was shown: its status, its policy, and what the policy refused while it was open. */
  const visited = (label: string, answer: Response | null): void => {
    t.ok(answer, `${label}: answered`)
    t.match(answer?.headers()['content-security-policy'], /default-src 'none'/, `${label}: served under its policy`)
    t.notMatch(answer?.headers()['content-security-policy'], /script-src|unsafe-inline/, `${label}: no script allowed`)
  }
  const settled = async (label: string): Promise<void> => {
    // A violation report is an event dispatched after the fact: give it a moment to arrive.
    await page.waitForTimeout(200)
    t.same(refusals, [], `${label}: nothing refused by the Content-Security-Policy`)
    t.same(errors, [], `${label}: no error on the console`)
  }

  const issued = await ctx.call(authority, { method: 'POST', url: '/v1/reports', payload: reportPayload(URLS, { externalRef: 'BROWSER-PAGE-1' }) })
  t.equal(issued.statusCode, 201, issued.body.slice(0, 300))
  const noticeId = issued.json().notices[0].id as string
  const noticeOf = async () => (await ctx.call(auditor, { method: 'GET', url: `/v1/notices/${noticeId}` })).json()
  const before = await noticeOf()
  t.equal(before.items.length, URLS.length, 'a notice of several items')
  // The link a notice's e-mail carries, under this gateway's address.
  const token = await issueResponseLink(ctx.db, linkKeyOf(ctx.app.delivery.box), { id: noticeId, platform: 'telegram' })
  const link = `${base}/respond/${token}`

  await t.test('the page shows the notice, its deadline and its items', async (t) => {
    const answer = await page.goto(link)
    visited('the page', answer)
    t.equal(answer?.status(), 200)
    t.match(await page.locator('h1').first().innerText(), `Removal notice ${before.referenceNumber as string}`)
    t.equal(await page.locator('#deadline').getAttribute('datetime'), before.deadline, 'the deadline, as the API gives it')
    t.match(await page.locator('#deadline').innerText(), `${String(before.deadline).replace('T', ' ').slice(0, 16)} UTC`, 'shown in UTC')
    t.equal(await page.locator('#items li').count(), URLS.length, 'every item')
    const shown = await page.locator('#items').innerText()
    for (const url of URLS) t.match(shown, url)
    t.equal(await page.locator('#status').innerText(), before.status)
    t.equal(await page.locator('script').count(), 0, 'no script on the page')
    t.equal((await noticeOf()).version, before.version, 'opening it changed nothing')
    await settled('the page')
  })

  await t.test('one item ticked and sent: the confirmation, then the notice as the liaison\'s transition leaves it', async (t) => {
    const ticked = before.items[1] as { id: string, url: string }
    const form = page.locator('form[data-action="remove"]:has(input[name="scope"])')
    await form.locator(`input[type="checkbox"][value="${ticked.id}"]`).check()
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && response.url() === link),
      form.locator('button[type="submit"]').click()
    ])
    await page.waitForLoadState('load')
    visited('the confirmation', answer)
    t.equal(answer.status(), 200, 'the form was taken (same-origin, with its token)')
    t.match(await page.locator('.confirmation').innerText(), /Recorded: remove\. The notice is now partially_removed\./)
    t.equal(await page.locator('#status').innerText(), 'partially_removed', 'the page again, as the notice now stands')
    t.match(await page.locator('#items').innerText(), new RegExp(`${ticked.url.replace(/[./]/g, '\\$&')}[^\\n]*removed`), 'the ticked item shown removed')
    await settled('the confirmation')

    const after = await noticeOf()
    t.equal(after.status, 'partially_removed')
    t.equal(after.version, before.version + 1, 'one transition')
    t.same(after.items.map((i: { id: string, outcome: string }) => [i.id, i.outcome]),
      before.items.map((i: { id: string }) => [i.id, i.id === ticked.id ? 'removed' : 'pending']), 'only the ticked item removed')
    const events = (await ctx.call(auditor, { method: 'GET', url: `/v1/notices/${noticeId}/events` })).json().data as Array<Record<string, any>>
    const removal = events.find((e) => e.action === 'remove')
    t.ok(removal, 'a remove event')
    t.same(removal?.actor, { ...removal?.actor, role: 'liaison', id: null }, 'by the platform\'s liaison, with no client of its own')
    const [stored] = (await ctx.pool.query('select id from response_links where notice_id = $1', [noticeId])).rows as Array<{ id: string }>
    // The audit trail lists an entry once it is sealed into the chain (within about 100 ms).
    const entry = await eventually(async () => {
      const data = (await ctx.call(auditor, { method: 'GET', url: '/v1/audit?limit=500' })).json().data as Array<Record<string, any>>
      return data.find((e) => e.action === 'notice.remove' && e.target.id === noticeId)
    })
    t.same(entry.actor, { id: null, role: 'liaison' }, 'audited as the platform\'s liaison')
    t.equal(entry.change.via, 'response-link', 'the entry says it came through the link')
    t.equal(entry.change.responseLink, stored.id, 'and names the link')
    t.same(entry.change.items, [ticked.id], 'and the item')
  })

  await t.test('the page opened again shows where the notice stands', async (t) => {
    const answer = await page.goto(link)
    visited('the page again', answer)
    t.equal(answer?.status(), 200)
    t.equal(await page.locator('form[data-action="remove"]:has(input[name="scope"]) input[type="checkbox"]').count(), URLS.length - 1, 'only the items still standing can be ticked')
    await settled('the page again')
  })
})
