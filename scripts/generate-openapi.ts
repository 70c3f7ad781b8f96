// `npm run openapi:generate`: rewrites openapi/openapi.json from the routes' schemas.
import fs from 'node:fs/promises'
import { OPENAPI_FILE, renderOpenApi } from './openapi-document.ts'

await fs.writeFile(OPENAPI_FILE, await renderOpenApi())
process.stdout.write(`wrote ${OPENAPI_FILE.pathname}\n`)
