// The host table, derived from the catalogue seed so that recognition and catalogue never disagree.
import { domainToASCII } from 'node:url'
import { PLATFORMS, type PlatformSlug } from '../platforms.ts'

export interface HostEntry {
  host: string
  platform: PlatformSlug
}

// Longest first, so a more specific catalogue host wins over a shorter one it ends with.
export const HOST_TABLE: readonly HostEntry[] = PLATFORMS
  .flatMap((p) => p.hosts.map((host) => ({ host, platform: p.slug })))
  .sort((a, b) => b.host.length - a.host.length)

export interface HostMatch {
  platform: PlatformSlug
  base: string
  sub: string
}

// Expects a host already lower-cased, ASCII and without trailing dot (as produced by parse-input).
export function matchHost (host: string): HostMatch | null {
  for (const entry of HOST_TABLE) {
    if (host === entry.host) return { platform: entry.platform, base: entry.host, sub: '' }
    if (host.endsWith('.' + entry.host)) {
      return { platform: entry.platform, base: entry.host, sub: host.slice(0, -entry.host.length - 1) }
    }
  }
  return null
}

export function normalizeHost (host: string): string {
  const ascii = domainToASCII(host.trim().replace(/\.+$/, ''))
  return ascii.replace(/\.+$/, '').replace(/^www\./, '')
}

export function platformOfHost (host: string): PlatformSlug | null {
  const normalized = normalizeHost(host)
  if (normalized === '') return null
  return matchHost(normalized)?.platform ?? null
}
