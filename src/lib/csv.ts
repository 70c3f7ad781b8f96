// RFC 4180 CSV writing: CRLF line ends, fields quoted only when they must be, and no text a spreadsheet runs.

export type CsvValue = string | number | boolean | null | undefined

/** What a spreadsheet takes for the start of a formula (OWASP: CSV injection), tab and carriage return included. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Text that would start a formula gets a leading single quote, which spreadsheets show as text and do not run: the
 * writer is the one place every export passes, so no field can carry a formula, whatever reaches it. Only strings:
 * a number's minus sign is its value, and a spreadsheet reads -3 as the number it is.
 */
function neutralised (value: string | number | boolean): string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value)
}

/**
 * A field is quoted when it holds a comma, a quote or a line break; quotes inside are doubled. Text that would
 * start a formula is neutralised first.
 */
export function csvField (value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const text = neutralised(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function csvRow (values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\r\n'
}

/** A whole document: the header row, then one row per record. */
export function csvDocument (header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  return csvRow(header) + rows.map(csvRow).join('')
}
