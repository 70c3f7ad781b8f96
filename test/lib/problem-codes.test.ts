// The problem codes are declared once (src/lib/errors.ts); the OpenAPI document, docs/errors.md and the client's
// retries must say the same, code for code.
import t from 'tap'
import fs from 'node:fs'
import { PROBLEM_CODES, PROBLEMS, PROBLEM_TYPE_BASE, problemType, type ProblemCode } from '../../src/lib/errors.ts'
import { RETRY_LATER_CODES } from '../../src/client/retry.ts'
import { OPENAPI_FILE } from '../../scripts/openapi-document.ts'

const DOCS = new URL('../../docs/errors.md', import.meta.url)

t.test('each code is snake_case, with an error status and its own type', async (t) => {
  for (const code of PROBLEM_CODES) {
    t.match(code, /^[a-z]+(_[a-z]+)*$/, code)
    const { status } = PROBLEMS[code]
    t.ok(status >= 400 && status <= 599, `${code}: ${status}`)
    t.equal(problemType(code), PROBLEM_TYPE_BASE + code)
  }
  t.equal(new Set(PROBLEM_CODES.map(problemType)).size, PROBLEM_CODES.length, 'no two codes share a type')
})

t.test('the committed OpenAPI document lists exactly the codes of the table', async (t) => {
  const document = JSON.parse(fs.readFileSync(OPENAPI_FILE, 'utf8'))
  const problem = document.components.schemas.Problem
  t.same(problem.properties.code.enum, PROBLEM_CODES, 'Problem.code\'s enum is the table, in its order')
  t.ok(problem.required.includes('code'), 'every problem carries a code')
  const rows = new Map<string, string[]>()
  for (const line of String(problem.properties.code.description).split('\n')) {
    const cells = line.split('|').map((c) => c.trim())
    const code = /^`([a-z_]+)`$/.exec(cells[1] ?? '')?.[1]
    if (code !== undefined) rows.set(code, cells.slice(2, 5))
  }
  t.same([...rows.keys()], PROBLEM_CODES, 'its description has a row per code')
  for (const code of PROBLEM_CODES) {
    const { status, title } = PROBLEMS[code]
    t.same(rows.get(code), [String(status), title, 'retryLater' in PROBLEMS[code] ? 'yes' : ''], `${code}: status, title, retry`)
  }
})

t.test('docs/errors.md has a section (the type\'s anchor) per code, with its status and title', async (t) => {
  const text = fs.readFileSync(DOCS, 'utf8')
  const sections = new Map<string, string>()
  const parts = text.split(/^### `([a-z_]+)`$/m)
  for (let i = 1; i < parts.length; i += 2) sections.set(parts[i], parts[i + 1])
  t.same([...sections.keys()].sort(), [...PROBLEM_CODES].sort(), 'one section per code, and none for a code the gateway does not answer')
  for (const [code, body] of sections) {
    if (!(code in PROBLEMS)) continue
    const { status, title } = PROBLEMS[code as ProblemCode]
    t.ok(body.trimStart().startsWith(`**${status} ${title}.**`), `${code}: opens with ${status} ${title}`)
    t.equal(/\*Retry\.\*/.test(body), 'retryLater' in PROBLEMS[code as ProblemCode], `${code}: marked retry as the table says`)
    t.match(body, /\*What to do:\*/, `${code}: says what a caller should do`)
  }
  const listed = [...text.matchAll(/^\| \[`([a-z_]+)`\]\(#\1\) \| (\d{3}) \| (retry)? ?\|$/gm)]
  t.same(listed.map((m) => [m[1], Number(m[2]), m[3] === 'retry']),
    PROBLEM_CODES.map((code) => [code, PROBLEMS[code].status, 'retryLater' in PROBLEMS[code]]), 'the summary table lists each code, in the table\'s order')
})

t.test('the client retries after exactly the codes the table marks "retry later"', async (t) => {
  t.same([...RETRY_LATER_CODES].sort(), PROBLEM_CODES.filter((code) => 'retryLater' in PROBLEMS[code]).sort())
})
