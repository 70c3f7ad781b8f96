// Renders the operators' register of blocked resources in the format they asked for.
import type { Database } from '../db/index.ts'
import { readRegister } from '../repositories/blocking-orders.ts'
import {
  CONTENT_TYPES, exportFilename, registerCsv, registerJson, registerXml, type ExportFormat
} from '../domain/notices/blocking-order-export.ts'

export interface RenderedRegister {
  contentType: string
  filename: string
  /** JSON goes out as an object, through the route's response schema; the text formats as they are. */
  body: string | ReturnType<typeof registerJson>
}

export async function exportBlockingRegister (
  db: Database, format: ExportFormat, since: Date | null
): Promise<RenderedRegister> {
  const register = await readRegister(db, since)
  const body = format === 'json'
    ? registerJson(register)
    : format === 'csv' ? registerCsv(register) : registerXml(register)
  return { contentType: CONTENT_TYPES[format], filename: exportFilename(register, format), body }
}
