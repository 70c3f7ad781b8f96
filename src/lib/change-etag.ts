// Entity tags for lists that only change when the change feed moves, so a poller's 304 costs no query.
import crypto from 'node:crypto'

const MAX_MEMO = 10_000
const digests = new Map<string, string>()

/**
 * Every change to a notice is an event of the notice's platform, so the feed's last position, of one platform or
 * of all, names the state of every notice list showing that platform, or all. The tag also covers the request
 * (filters, cursor) and who asks (a liaison sees one platform). Positions lag commits by the sequencer's
 * interval, so a 304 can be that much late, never wrong for longer.
 */
export function changeEtag (position: number, url: string, scope: string): string {
  const key = `${scope}\n${url}`
  let digest = digests.get(key)
  if (digest === undefined) {
    digest = crypto.createHash('sha256').update(key).digest('base64url').slice(0, 16)
    // Pollers repeat the same few requests; a bounded memo spares them a hash each time.
    if (digests.size >= MAX_MEMO) digests.clear()
    digests.set(key, digest)
  }
  return `W/"p${position}-${digest}"`
}
