// The response page in tests: the links the notices' e-mails carry (read from the outbox folder, as a recipient
// reads them), and the page's forms as a browser would post them.
import fs from 'node:fs/promises'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { eventually } from './eventually.ts'

export const LINK = /https?:\/\/[^\s"'<>]+\/respond\/[A-Za-z0-9_-]{43}/g

/** Every response link in the e-mails written for the notice (oldest message first), as their text bodies give them. */
export async function emailedLinks (dataDir: string, referenceNumber: string): Promise<string[]> {
  const outbox = path.join(dataDir, 'outbox')
  const files = (await fs.readdir(outbox).catch(() => [])).filter((f) => f.endsWith('.eml') && !f.startsWith('.') && f.includes(referenceNumber)).sort()
  const links: string[] = []
  for (const file of files) {
    const mail = await simpleParser(await fs.readFile(path.join(outbox, file)))
    links.push(...new Set(String(mail.text).match(LINK) ?? []))
  }
  return links
}

/** Waits for the notice's e-mails until there are `count` of them with a link. */
export async function waitForLinks (dataDir: string, referenceNumber: string, count = 1): Promise<string[]> {
  return await eventually(async () => {
    const links = await emailedLinks(dataDir, referenceNumber)
    return links.length >= count ? links : undefined
  })
}

/** The hidden fields of the page's form for `action` (its first such form): action, version and csrf. */
export function formFields (html: string, action: string): Record<string, string> {
  const form = new RegExp(`<form method="post"[^>]*data-action="${action}">(.*?)</form>`, 's').exec(html)
  if (form === null) throw new Error(`the page has no ${action} form`)
  const fields: Record<string, string> = {}
  for (const [, name, value] of form[1].matchAll(/<input type="hidden" name="([a-z]+)" value="([^"]*)">/g)) {
    if (name !== 'scope') fields[name] = value
  }
  return fields
}

export function formBody (fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const v of ([] as string[]).concat(value)) body.append(name, v)
  }
  return body.toString()
}

/**
 * The content types an error answer to `url` may have: the response page answers its refusals as HTML pages (a
 * liaison's browser shows them; its operations document text/html), every other route as RFC 9457 problems, and so
 * does a /respond/ URL that matches no route at all (an empty, malformed or overlong link).
 */
export function errorTypesOf (url: string): string[] {
  const problem = 'application/problem+json; charset=utf-8'
  return url.startsWith('/respond/') ? ['text/html; charset=utf-8', problem] : [problem]
}
