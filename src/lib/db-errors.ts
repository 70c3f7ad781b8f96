// What a database failure means for a caller, read from the error PostgreSQL or the driver raised. Drizzle wraps
// the driver's error (its message carries the SQL text and every parameter), so the real one is found on `cause`.

/** Seconds a caller is asked to wait when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 2

interface DriverError {
  code?: unknown
  constraint?: unknown
  table?: unknown
  column?: unknown
  message?: unknown
  severity?: unknown
}

/** The error the driver raised (a PostgreSQL error has a SQLSTATE in `code`), however deeply it is wrapped. */
function driverErrorOf (error: unknown): DriverError | null {
  let current: unknown = error
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown, cause?: unknown }
    if (typeof code === 'string' && (isSqlState(code) || NETWORK_CODES.has(code))) return current as DriverError
    if (CONNECTION_MESSAGES.some((re) => re.test(String((current as Error).message)))) return current as DriverError
    current = cause
  }
  return null
}

const isSqlState = (code: string): boolean => /^[0-9A-Z]{5}$/.test(code)

/** Socket-level failures of the driver's connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'
])

/** The driver's own errors for a lost or unobtainable connection carry no code, only these messages. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
  /^Query read timeout/
]

/** The SQLSTATE of a PostgreSQL error, wrapped or not. */
export function sqlStateOf (error: unknown): string | undefined {
  const code = driverErrorOf(error)?.code
  return typeof code === 'string' && isSqlState(code) ? code : undefined
}

/** A unique constraint refused the row; `constraint` names which, when asked. */
export function isUniqueViolation (error: unknown, constraint?: string): boolean {
  const found = driverErrorOf(error)
  return found?.code === '23505' && (constraint === undefined || found.constraint === constraint)
}

/**
 * The database is unreachable or going away, not the request at fault: connection exceptions (08xxx), the
 * server shutting down or restarting (57P01-57P03), too many connections (53300), and the driver's socket
 * errors and pool time-outs. The caller may retry the same request later.
 */
export function isDatabaseUnavailable (error: unknown): boolean {
  const found = driverErrorOf(error)
  if (found === null) return false
  const code = typeof found.code === 'string' ? found.code : undefined
  if (code === undefined) return true // one of the driver's connection messages
  if (NETWORK_CODES.has(code)) return true
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300'
}

/** SQLSTATE classes whose messages name objects (constraints, columns), never the values that were sent. */
const SAFE_MESSAGE_CLASSES = ['08', '23', '40', '53', '55', '57']

/**
 * What a log line may say about a database error: its SQLSTATE and the object it concerns. Never the SQL text
 * or the parameters (drizzle's message holds both; a PostgreSQL message or detail may quote a value).
 */
export function describeDatabaseError (error: unknown): Record<string, unknown> | null {
  const found = driverErrorOf(error)
  if (found === null) return null
  const code = typeof found.code === 'string' ? found.code : undefined
  const described: Record<string, unknown> = { type: 'DatabaseError' }
  if (code !== undefined) described.code = code
  for (const key of ['constraint', 'table', 'column'] as const) {
    if (typeof found[key] === 'string') described[key] = found[key]
  }
  const safe = code === undefined || NETWORK_CODES.has(code) || SAFE_MESSAGE_CLASSES.some((c) => code.startsWith(c))
  described.message = safe ? String(found.message) : 'the database refused the statement'
  // The frames only: a stack's first lines repeat the message, which for drizzle's wrapper holds SQL and parameters.
  const stack = typeof (error as Error)?.stack === 'string' ? (error as Error).stack! : ''
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line))
  if (frames.length > 0) described.stack = frames.join('\n')
  return described
}
