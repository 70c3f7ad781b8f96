// The generated client types are regenerated and compared, so a contract change shows in them.
import t from 'tap'
import fs from 'node:fs/promises'
import { CLIENT_TYPES_FILE, renderClientTypes } from '../../scripts/client-types.ts'

t.test('the committed client types match the committed OpenAPI document', async (t) => {
  const committed = await fs.readFile(CLIENT_TYPES_FILE, 'utf8')
  t.equal(committed, await renderClientTypes(), 'src/client/schema.ts is stale: run `npm run client:generate` and commit it')
})
