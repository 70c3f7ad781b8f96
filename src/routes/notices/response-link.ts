// POST /v1/notices/{id}/response-link/revoke: the authority revokes the links to the notice's response page.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { BODY_ERRORS, errorResponses, IdParams } from '../../schemas/common.ts'
import { revokeResponseLinks } from '../../use-cases/response-links.ts'
import type { NoticeRouteOptions } from './options.ts'

const ResponseLinkRevocation = Type.Object({
  revoked: Type.Integer({ minimum: 0, description: 'How many active links were revoked (0: none was active)' })
})

const revokeResponseLink: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, { db }) => {
  app.post('/v1/notices/:id/response-link/revoke', {
    config: { roles: ['authority'] },
    schema: {
      tags: ['notices'],
      operationId: 'revokeNoticeResponseLink',
      summary: 'Revoke the links to the notice\'s response page',
      description: 'For authorities: every link the notice\'s e-mails carried answers 410 from now on (a link ' +
        'forwarded to the wrong people, a liaison who left). The notice\'s next e-mail, or a redelivery of one ' +
        '(POST /v1/deliveries/{id}/redeliver), carries a new link. Recorded in the audit trail.',
      params: IdParams,
      response: { 200: ResponseLinkRevocation, ...errorResponses(...BODY_ERRORS, 403, 404) }
    }
  }, async (request) => await revokeResponseLinks(db, request.principal, request.params.id))
}

export default revokeResponseLink
