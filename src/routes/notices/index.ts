// Removal notices: authorities and auditors read all, a liaison only its own platform's (its first read delivers);
// renderings, signatures, lifecycle actions and history. One file per operation, registered in this order.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { NoticeRouteOptions } from './options.ts'
import listNotices from './list.ts'
import getNotice from './get.ts'
import getNoticeDocument from './document.ts'
import getNoticeSignature from './signature.ts'
import transitionNotice from './transition.ts'
import listNoticeEvents from './events.ts'
import noticeDeliveries from './deliveries.ts'
import revokeResponseLink from './response-link.ts'

const notices: FastifyPluginAsyncTypebox<NoticeRouteOptions> = async (app, options) => {
  await app.register(listNotices, options)
  await app.register(getNotice, options)
  await app.register(getNoticeDocument, options)
  await app.register(getNoticeSignature, options)
  await app.register(transitionNotice, options)
  await app.register(listNoticeEvents, options)
  await app.register(noticeDeliveries, options)
  await app.register(revokeResponseLink, options)
}

export default notices
