// `npm run client:generate`: rewrites src/client/schema.ts from openapi/openapi.json.
import fs from 'node:fs/promises'
import { CLIENT_TYPES_FILE, renderClientTypes } from './client-types.ts'

await fs.writeFile(CLIENT_TYPES_FILE, await renderClientTypes())
process.stdout.write(`wrote ${CLIENT_TYPES_FILE.pathname}\n`)
