import t from 'tap'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { build } from '../helper.ts'
import { actors } from '../fixtures/actors.ts'
import { reportPayload, type ReportItem, type ReportFields } from '../fixtures/reports.ts'

const run = promisify(execFile)
const PDFTOTEXT = '/usr/bin/pdftotext'

const report = (items: ReportItem[], extra: Partial<ReportFields> = {}) => reportPayload(items, { externalRef: 'CASE-DOCS-1', ...extra })

/** Collapses the runs of spaces and line breaks a layout-preserving extraction leaves between words. */
const squash = (text: string) => text.replace(/\s+/g, ' ')

t.test('notice documents', async (t) => {
  const ctx = await build(t)
  const { call } = ctx
  const { authority, auditor } = await actors(ctx)

  const submitted = await call(authority, {
    method: 'POST',
    url: '/v1/reports',
    payload: report([
      { url: 'https://t.me/somechannel/123', contentType: 'text' },
      { url: 'https://www.tiktok.com/@someone/video/7234567890123456789', contentType: 'video' },
      { url: 'https://vk.com/wall-1_2', contentType: 'text' }
    ])
  })
  t.equal(submitted.statusCode, 201, submitted.body)
  const noticeOf = (platform: string) => submitted.json().notices.find((n: { platform: string }) => n.platform === platform) as { id: string, referenceNumber: string }
  const telegram = noticeOf('telegram')
  const tiktok = noticeOf('tiktok')
  const vk = noticeOf('vk')
  const doc = (id: string, query = '') => call(auditor, { method: 'GET', url: `/v1/notices/${id}/document${query}` })
  const noticeView = async (id: string) => (await call(auditor, { method: 'GET', url: `/v1/notices/${id}` })).json()

  t.test('json is the signed content, and the default format', async (t) => {
    const res = await doc(telegram.id, '?format=json')
    t.equal(res.statusCode, 200)
    t.match(res.headers['content-type'], /^application\/json/)
    const content = res.json()
    const view = await noticeView(telegram.id)
    t.match(content, {
      noticeId: telegram.id,
      referenceNumber: telegram.referenceNumber,
      reportId: submitted.json().id,
      issuer: view.issuer,
      addressee: view.addressee,
      issuedAt: view.issuedAt,
      deadline: view.deadline,
      urgency: 'normal',
      category: 'terrorism',
      dsa: view.dsa,
      legalBasis: view.legalBasis,
      statementOfReasons: view.statementOfReasons,
      territorialScope: ['KZ'],
      redress: view.redress,
      preservation: view.preservation,
      languages: view.languages,
      reuploadOf: []
    })
    t.match(content.items, [{ url: 'https://t.me/somechannel/123', canonicalUrl: 'https://t.me/somechannel/123', identifiers: { channel: 'somechannel', message: '123' } }])
    t.notOk('status' in content, 'the lifecycle status is not part of what was signed')
    const byDefault = await doc(telegram.id)
    t.equal(byDefault.statusCode, 200)
    t.same(byDefault.json(), content)
  })

  t.test('text', async (t) => {
    const res = await doc(telegram.id, '?format=text')
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'text/plain; charset=utf-8')
    t.equal(res.headers['content-language'], 'en')
    t.match(res.body, telegram.referenceNumber)
    t.match(res.body, 'Telegram FZ-LLC')
    t.match(res.body, 'Channel @somechannel, message No. 123')
    t.match(res.body, ctx.config.ISSUER_NAME)
  })

  t.test('html names the addressee and each item in the platform\'s own terms', async (t) => {
    const html = async (id: string, query = '') => {
      const res = await doc(id, `?format=html${query}`)
      t.equal(res.statusCode, 200)
      t.equal(res.headers['content-type'], 'text/html; charset=utf-8')
      t.match(res.body, /^<!DOCTYPE html>/i)
      return res
    }
    const tg = await html(telegram.id)
    t.equal(tg.headers['content-language'], 'en', 'telegram declares en first')
    t.match(tg.body, 'Telegram FZ-LLC')
    t.match(tg.body, 'Channel @somechannel, message No. 123')
    t.match(tg.body, telegram.referenceNumber)
    t.match(tg.body, /lang="en"/)
    const tgRu = await html(telegram.id, '&lang=ru')
    t.equal(tgRu.headers['content-language'], 'ru')
    t.match(tgRu.body, 'Канал @somechannel, сообщение № 123')

    const tt = await html(tiktok.id)
    t.equal(tt.headers['content-language'], 'en')
    t.match(tt.body, 'TikTok Pte. Ltd.')
    t.match(tt.body, 'Video 7234567890123456789')

    const v = await html(vk.id)
    t.equal(v.headers['content-language'], 'ru', 'vk declares ru')
    t.match(v.body, 'ООО «В Контакте» (VK LLC)')
    t.match(v.body, 'Запись на стене -1_2')
    const vEn = await html(vk.id, '&lang=en')
    t.match(vEn.body, 'Wall post -1_2')
    const vKk = await html(vk.id, '&lang=kk')
    t.equal(vKk.headers['content-language'], 'kk')
    t.match(vKk.body, '-1_2 қабырға жазбасы')
  })

  t.test('pdf', async (t) => {
    const res = await doc(telegram.id, '?format=pdf&lang=kk')
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], 'application/pdf')
    t.equal(res.headers['content-language'], 'kk')
    t.match(res.headers['content-disposition'], `${telegram.referenceNumber}.kk.pdf`)
    t.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-')
    const again = await doc(telegram.id, '?format=pdf&lang=kk')
    t.ok(again.rawPayload.equals(res.rawPayload), 'the same notice renders to the same bytes')

    const skip = fs.existsSync(PDFTOTEXT) ? false : 'pdftotext is not installed'
    t.test('its text carries the reference, the citation, Kazakh and the signature fingerprint', { skip }, async (t) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'notice-pdf-'))
      t.teardown(() => rm(dir, { recursive: true, force: true }))
      const file = path.join(dir, 'notice.pdf')
      await writeFile(file, res.rawPayload)
      const { stdout } = await run(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 })
      const text = squash(stdout)
      const view = await noticeView(telegram.id)
      t.match(text, telegram.referenceNumber)
      t.match(text, squash(view.legalBasis.citations.kk), 'the legal basis citation, in Kazakh')
      t.match(text, 'Жою туралы хабарлама', 'the Kazakh title')
      t.match(text, /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/, 'Kazakh-specific letters survive')
      // The item table wraps its cells, so the name is checked line by line of the layout.
      t.match(stdout, /@somechannel арнасы, № 123\s.*\n\s+хабарлама/, 'the item named in Kazakh')
      t.match(text, view.signature.fingerprint, 'the signature fingerprint')
      t.match(text, 'Telegram FZ-LLC')
    })
  })

  t.test('the default language is the platform\'s first declared language', async (t) => {
    const patch = await call(ctx.adminKey, { method: 'PATCH', url: '/v1/platforms/tiktok', payload: { languages: ['ru', 'en'] } })
    t.equal(patch.statusCode, 200, patch.body)
    const later = await call(authority, { method: 'POST', url: '/v1/reports', payload: report([{ url: 'https://www.tiktok.com/@someone/video/42', contentType: 'video' }]) })
    const id = later.json().notices[0].id
    const res = await doc(id, '?format=text')
    t.equal(res.headers['content-language'], 'ru')
    t.match(res.body, 'Видео')
    t.same((await noticeView(id)).languages, ['ru', 'en', 'kk'])
    const earlier = await doc(tiktok.id, '?format=text')
    t.equal(earlier.headers['content-language'], 'en', 'a notice keeps the languages it was issued with')
  })

  t.test('unknown formats and languages are 400 problems', async (t) => {
    for (const query of ['?format=doc', '?lang=de', '?format=pdf&lang=de', '?format=html&colour=red']) {
      const res = await doc(telegram.id, query)
      t.equal(res.statusCode, 400, query)
      t.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', query)
      t.ok(res.json().errors?.length > 0, query)
    }
  })
})
