// A notice's deliveries (e-mail and webhooks) with every attempt, and redelivery on the authority's request.
import type { Database } from '../db/index.ts'
import { findNotice } from '../repositories/notices.ts'
import { noticeDeliveries, requeueDelivery, type DeliveryHistory } from '../repositories/deliveries.ts'
import { appendAudit } from '../repositories/audit.ts'
import type { Principal } from '../repositories/clients.ts'
import { notFound } from '../lib/errors.ts'
import { platformScope } from './scope.ts'
import type { NoticeDeliveryView } from '../schemas/webhook-endpoints.ts'

function toDeliveryView ({ delivery, attempts }: DeliveryHistory): NoticeDeliveryView {
  return {
    id: delivery.deliveryId,
    channel: delivery.channel as NoticeDeliveryView['channel'],
    endpointId: delivery.endpointId,
    eventType: delivery.eventType,
    status: delivery.status as NoticeDeliveryView['status'],
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      at: a.at.toISOString(),
      outcome: a.outcome as NoticeDeliveryView['attempts'][number]['outcome'],
      statusCode: a.statusCode,
      error: a.error,
      response: a.response,
      durationMs: a.durationMs
    })),
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt.toISOString() : null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString()
  }
}

/** Reading the history is not reading the notice: a liaison's read of it delivers nothing. */
export async function readNoticeDeliveries (
  db: Database, principal: Principal, noticeId: string
): Promise<NoticeDeliveryView[]> {
  const notice = await findNotice(db, noticeId, platformScope(principal), { items: false, content: false })
  if (notice === null) throw notFound(`notice ${noticeId}`)
  return (await noticeDeliveries(db, noticeId)).map(toDeliveryView)
}

/** Sends a delivery again (whatever its state), with the same webhook-id: the receiver may drop it as a repeat. */
export async function redeliver (db: Database, principal: Principal, deliveryId: string): Promise<NoticeDeliveryView> {
  const noticeId = await db.transaction(async (tx) => {
    const row = await requeueDelivery(tx, deliveryId)
    if (row === null) throw notFound(`delivery ${deliveryId}`)
    await appendAudit(tx, principal, {
      action: 'delivery.requeued', targetType: 'notice', targetId: row.noticeId, change: { delivery: deliveryId }
    })
    return row.noticeId
  })
  const found = (await noticeDeliveries(db, noticeId)).find((d) => d.delivery.deliveryId === deliveryId)!
  return toDeliveryView(found)
}
