// Maps stored blocking orders and their entries to the API's order shapes.
import type { OrderSummary as OrderSummaryRow, OrderWithEntries } from '../repositories/blocking-orders.ts'
import type { OrderSummaryView, OrderView } from '../schemas/blocking-orders.ts'

export function toOrderSummaryView ({
  order, referenceNumber, entryCount, activeEntryCount
}: OrderSummaryRow): OrderSummaryView {
  return {
    id: order.id,
    decisionNumber: order.decisionNumber,
    notice: { id: order.noticeId, referenceNumber },
    platform: order.platform as OrderSummaryView['platform'],
    issuingBody: order.issuingBody,
    urgency: order.urgency as OrderSummaryView['urgency'],
    status: order.status as OrderSummaryView['status'],
    decidedAt: order.decidedAt.toISOString(),
    liftedAt: order.liftedAt?.toISOString() ?? null,
    liftReason: order.liftReason,
    updatedAt: order.updatedAt.toISOString(),
    entryCount,
    activeEntryCount
  }
}

export function toOrderView (found: OrderWithEntries): OrderView {
  const { entryCount: _count, activeEntryCount: _active, ...summary } = toOrderSummaryView(found)
  return {
    ...summary,
    entries: found.entries.map((e) => ({
      id: e.id,
      noticeItemId: e.noticeItemId,
      blockType: e.blockType as OrderView['entries'][number]['blockType'],
      value: e.value,
      url: e.url,
      includedAt: e.includedAt.toISOString(),
      liftedAt: e.liftedAt?.toISOString() ?? null
    }))
  }
}
