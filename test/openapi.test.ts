import t from 'tap'
import fs from 'node:fs/promises'
import { OPENAPI_FILE, renderOpenApi } from '../scripts/openapi-document.ts'

t.test('the committed OpenAPI document matches the code', async (t) => {
  const committed = await fs.readFile(OPENAPI_FILE, 'utf8')
  const generated = await renderOpenApi()
  t.equal(committed, generated, 'openapi/openapi.json is stale: run `npm run openapi:generate` and commit it')
})

t.test('every /v1 operation declares its errors and security', async (t) => {
  const doc = JSON.parse(await renderOpenApi())
  for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown>, security?: unknown[] }>>(doc.paths)) {
    if (!path.startsWith('/v1/')) continue
    for (const [method, operation] of Object.entries(operations)) {
      t.ok(operation.responses['401'], `${method} ${path} declares 401`)
      t.ok(operation.responses['500'], `${method} ${path} declares 500`)
    }
  }
})

t.test('every operation has a unique operationId, so generated clients get stable method names', async (t) => {
  const doc = JSON.parse(await renderOpenApi())
  const ids: string[] = []
  for (const [path, operations] of Object.entries<Record<string, { operationId?: string }>>(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      t.match(operation.operationId, /^[a-z][A-Za-z]+$/, `${method} ${path}`)
      ids.push(operation.operationId!)
    }
  }
  t.equal(new Set(ids).size, ids.length, 'no two operations share an id')
})
