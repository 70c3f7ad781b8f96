// POST /v1/hash-bank/imports: outside hash lists (CSV or JSON lines) with their labels, lenient or strict.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HashListText, Import, ImportQuery, MAX_IMPORT_BYTES } from '../../schemas/hash-bank.ts'
import { BODY_ERRORS, created, errorResponses, IdempotencyHeaders } from '../../schemas/common.ts'
import { importHashList } from '../../use-cases/hash-bank/imports.ts'
import type { ListFormat } from '../../domain/matching/hash-list-parser.ts'
import { AppError } from '../../lib/errors.ts'
import type { HashBankRouteOptions } from './index.ts'

const FORMATS: Record<string, ListFormat> = {
  'text/csv': 'csv', 'application/x-ndjson': 'ndjson', 'text/x-vpdq': 'vpdq'
}

const imports: FastifyPluginAsyncTypebox<HashBankRouteOptions> = async (app, { db, bank }) => {
  // Scoped to this plugin: nowhere else does the gateway take CSV or JSON lines.
  app.addContentTypeParser(Object.keys(FORMATS), {
    parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES
  }, (_request, body, done) => {
    done(null, body)
  })

  app.post('/v1/hash-bank/imports', {
    bodyLimit: MAX_IMPORT_BYTES,
    config: { roles: ['admin', 'authority'], idempotent: true },
    schema: {
      tags: ['hash-bank'],
      operationId: 'importHashList',
      summary: 'Import a hash list (CSV or JSON lines, up to 200 MB)',
      description: 'Content-Type text/csv: a header `type,value,labels` (optionally `quality`), labels separated by ' +
        '`;`. Content-Type application/x-ndjson: one `{ "type", "value", "labels"?, "quality"? }` per line; a video ' +
        'is `{ "type": "vpdq", "value": { "features": [...] } }` (features as `POST /v1/media/hashes` answers them; ' +
        'a list banks their reference hashes, not their `trimmedHash`). Content-Type text/x-vpdq: one video\'s vPDQ ' +
        'hash in the reference\'s text format (`frameNumber,quality,pdqHex,timestamp` per line), refused whole if a ' +
        'line is malformed. Malformed lines are reported by line number (the first 1000 listed); `mode=lenient` ' +
        'keeps the valid lines, `mode=strict` stores nothing unless every line is valid (422). Re-importing a hash ' +
        'already in the list changes nothing.',
      headers: IdempotencyHeaders,
      querystring: ImportQuery,
      body: { content: Object.fromEntries(Object.keys(FORMATS).map((type) => [type, { schema: HashListText }])) },
      response: { 201: created(Import, { location: false }), ...errorResponses(...BODY_ERRORS, 403, 409, 422) }
    }
  }, async (request, reply) => {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
    const format = FORMATS[mediaType]
    if (format === undefined || typeof request.body !== 'string') {
      throw new AppError(
        'unsupported_media_type', 'send the list as text/csv, application/x-ndjson or (one vPDQ hash) text/x-vpdq'
      )
    }
    const { name, mode = 'lenient', category } = request.query
    const record = await importHashList(
      db, bank, request.principal, { text: request.body, format, name, mode, category }, request.idempotency
    )
    return reply.status(201).send(record)
  })
}

export default imports
