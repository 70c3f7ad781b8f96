// RFC 4180 CSV writing: CRLF line ends, and fields quoted only when they must be.

export type CsvValue = string | number | boolean | null | undefined

/** A field is quoted when it holds a comma, a quote or a line break; quotes inside are doubled. */
export function csvField (value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRow (values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n'
}

/** A whole document: the header row, then one row per record. */
export function csvDocument (header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return csvRow(header) + rows.map(csvRow).join('')
}
