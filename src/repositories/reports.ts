// Reads and writes reports and their items.
import { and, asc, eq, gt, gte, inArray, sql, type SQL } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { reports, reportItems } from '../db/schema.ts'

export type ReportRow = typeof reports.$inferSelect
export type ReportItemRow = typeof reportItems.$inferSelect

export async function findReport (db: Executor, id: string): Promise<{
  report: ReportRow, items: ReportItemRow[]
} | null> {
  const [report] = await db.select().from(reports).where(eq(reports.id, id)).limit(1)
  if (!report) return null
  const items = await db.select().from(reportItems).where(eq(
    reportItems.reportId, id
  )).orderBy(asc(reportItems.position))
  return { report, items }
}

export interface ReportFilters {
  externalRef?: string
  category?: string
  createdSince?: Date
}

export async function listReports (
  db: Executor, filters: ReportFilters, limit: number, afterSeq: number | null
): Promise<Array<ReportRow & { itemCount: number }>> {
  const conditions: SQL[] = []
  if (filters.externalRef !== undefined) conditions.push(eq(reports.externalRef, filters.externalRef))
  if (filters.category !== undefined) conditions.push(eq(reports.category, filters.category))
  if (filters.createdSince !== undefined) conditions.push(gte(reports.createdAt, filters.createdSince))
  if (afterSeq !== null) conditions.push(gt(reports.seq, afterSeq))
  const rows = await db.select().from(reports).where(and(...conditions)).orderBy(asc(reports.seq)).limit(limit)
  if (rows.length === 0) return []
  const counts = await db.select({ reportId: reportItems.reportId, n: sql<number>`count(*)::int` })
    .from(reportItems)
    .where(inArray(reportItems.reportId, rows.map((r) => r.id)))
    .groupBy(reportItems.reportId)
  const byId = new Map(counts.map((c) => [c.reportId, c.n]))
  return rows.map((r) => ({ ...r, itemCount: byId.get(r.id) ?? 0 }))
}
