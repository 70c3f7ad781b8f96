// GET /v1/blocking-orders/export: the register of blocked resources for network operators (CSV, JSON or XML).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Database } from '../../use-cases/database.ts'
import { ExportQuery, RegisterDocument, RegisterText } from '../../schemas/blocking-orders.ts'
import { errorResponses } from '../../schemas/common.ts'
import { exportBlockingRegister } from '../../use-cases/blocking-order-export.ts'

// The whole register crosses operators' networks; a dedicated operator role is a later step.
const ROLES = ['authority', 'auditor'] as const

const registerExport: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  app.get('/v1/blocking-orders/export', {
    config: { roles: ROLES },
    schema: {
      tags: ['blocking-orders'],
      operationId: 'exportBlockingRegister',
      summary: 'The register of blocked resources for network operators, one entry per resource',
      description: 'Without `updatedSince`: every entry in force now. With `updatedSince`: every entry included or ' +
        'lifted at or after it; a lifted entry carries its lifting time (`liftedAt`, XML `liftTime`): access is to ' +
        'be restored. Entries are ordered by inclusion time, then id. `updatedAt` (XML `updateTime`) is the ' +
        'register\'s latest change; to poll, pass an `updatedSince` a few minutes before the previous `updatedAt`, ' +
        'because times are stamped when an escalation starts, not when it commits. Entries are keyed by `id`, so ' +
        'overlaps are harmless. The XML follows the shape of the RKN register dump (`register` / `content` / ' +
        '`decision` / `url`); `urgencyType` is 1 for urgent entries. The CSV has a header row and RFC 4180 quoting. ' +
        'An identical register state yields identical bytes, so `If-None-Match` answers 304.',
      querystring: ExportQuery,
      produces: ['application/json', 'text/csv', 'application/xml'],
      response: {
        200: {
          description: 'The register (content-disposition names a file)',
          headers: {
            'Content-Disposition': {
              type: 'string', description: 'attachment; filename="blocking-register-<updateTime>[-delta].<format>"'
            }
          },
          content: {
            'application/json': { schema: RegisterDocument },
            'text/csv': { schema: RegisterText },
            'application/xml': { schema: RegisterText }
          }
        },
        ...errorResponses(400, 403)
      }
    }
  }, async (request, reply) => {
    const { format = 'json' } = request.query
    const since = request.query.updatedSince ?? request.query.since
    const rendered = await exportBlockingRegister(db, format, since === undefined ? null : new Date(since))
    return reply
      .type(rendered.contentType)
      .header('content-disposition', `attachment; filename="${rendered.filename}"`)
      .send(rendered.body)
  })
}

export default registerExport
