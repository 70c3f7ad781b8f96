// What the commands write to and read their settings from: the process, or a test's buffers.
import { createGatewayClient, ProblemError, type GatewayClient } from '../client/index.ts'
import { visible } from '../lib/text-controls.ts'

export interface Io {
  /** A line on stdout. */
  out: (line: string) => void
  /** Text on stderr, as given. */
  err: (text: string) => void
  /** Text on stdout, as given (documents that carry their own line ends). */
  write: (text: string) => void
  /** stderr when it is a terminal, for progress bars; null otherwise. */
  terminal: NodeJS.WriteStream | null
}

export const processIo: Io = {
  out: (line) => { process.stdout.write(`${line}\n`) },
  err: (text) => { process.stderr.write(text) },
  write: (text) => { process.stdout.write(text) },
  terminal: process.stderr.isTTY ? process.stderr : null
}

/** A usage or configuration mistake: exit status 2. */
export class UsageError extends Error {}

export interface Settings {
  url: string
  key: string | undefined
}

/** TAKEDOWN_URL (default http://127.0.0.1:3000) and TAKEDOWN_KEY, from the environment the CLI was given. */
export function settingsFrom (env: Record<string, string | undefined>): Settings {
  const url = env.TAKEDOWN_URL || 'http://127.0.0.1:3000'
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`TAKEDOWN_URL must be an http(s) URL, not ${url}`)
  return { url, key: env.TAKEDOWN_KEY || undefined }
}

export function connect (settings: Settings, io: Io, options: { keyRequired?: boolean } = {}): GatewayClient {
  if ((options.keyRequired ?? true) && settings.key === undefined) {
    throw new UsageError('set TAKEDOWN_KEY to your API key')
  }
  return createGatewayClient({
    baseUrl: settings.url,
    apiKey: settings.key,
    userAgent: 'takedown-cli',
    onRetry: (n) => { io.err(`${n.status} from the gateway; retrying in ${Math.ceil(n.delayMs / 1000)} s\n`) }
  })
}

/**
 * One line saying what went wrong, in the gateway's words when it refused: those words (a problem's detail, the
 * start of a proxy's page) with their control characters made visible, as every message is.
 */
export function describeError (error: unknown, settings?: Settings): string {
  if (error instanceof ProblemError) {
    const fields = error.errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ')
    return visible(`${error.message}${fields ? ` (${fields})` : ''}`)
  }
  const cause = (error as { cause?: { code?: string, message?: string } })?.cause
  if (error instanceof TypeError && cause !== undefined) {
    const why = cause.code ?? cause.message ?? error.message
    return visible(`cannot reach the gateway at ${settings?.url ?? 'TAKEDOWN_URL'} (${why})`)
  }
  return visible(error instanceof Error ? error.message : String(error))
}
