// The webhook sender's guard against server-side request forgery: an endpoint URL is chosen by a caller, so without
// a check a delivery could be aimed at the gateway's own network (a database, an admin console, the cloud metadata
// service at 169.254.169.254). Every address a delivery would connect to is checked after DNS resolution, at connect
// time (the `lookup` hook below), so a name that resolves to a private address, or changes its answer between a
// check and the connection (DNS rebinding), is refused: the addresses checked are the addresses connected to.
import dns from 'node:dns'
import net from 'node:net'

/** IPv4 ranges that are not the public Internet (IANA special-purpose registry, RFC 6890 and its updates). */
const IPV4_FORBIDDEN: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network", the unspecified address
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT, shared address space
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the cloud metadata service 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (NAT64 discovery among them)
  ['192.0.2.0', 24], // documentation, TEST-NET-1
  ['192.88.99.0', 24], // the retired 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation, TEST-NET-2
  ['203.0.113.0', 24], // documentation, TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4] // reserved, with the limited broadcast 255.255.255.255
]

/**
 * IPv6 is checked the other way round: only global unicast (2000::/3) may be reached, so unspecified, loopback,
 * IPv4-compatible, unique local (fc00::/7), link-local (fe80::/10), site-local, multicast (ff00::/8), discard-only
 * and whatever IANA has not allocated are all refused without a list. Within 2000::/3, these are not reachable
 * hosts either (Teredo's 2001::/32 and the benchmarking range sit in the first).
 */
const IPV6_FORBIDDEN_GLOBAL: Array<[string, number]> = [
  ['2001::', 23], // IETF protocol assignments: Teredo, benchmarking, ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20] // documentation (RFC 9637)
]

function blockList (ranges: Array<[string, number]>, family: 'ipv4' | 'ipv6'): net.BlockList {
  const list = new net.BlockList()
  for (const [address, prefix] of ranges) list.addSubnet(address, prefix, family)
  return list
}

const forbiddenV4 = blockList(IPV4_FORBIDDEN, 'ipv4')
const forbiddenGlobalV6 = blockList(IPV6_FORBIDDEN_GLOBAL, 'ipv6')
const globalUnicastV6 = blockList([['2000::', 3]], 'ipv6')
const loopbackV4 = blockList([['127.0.0.0', 8]], 'ipv4')

export interface AddressGuardOptions {
  /**
   * Development and tests only: lets loopback (127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104) through, so a receiver
   * on the same machine can be reached. Every other forbidden range stays forbidden.
   */
  allowLoopback?: boolean
}

/** The 16 bytes of an IPv6 address that net.isIPv6 accepts (with `::`, and a dotted IPv4 tail). */
function ipv6Bytes (ip: string): Buffer {
  let text = ip
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number)
    text = text.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16)
  }
  const [head, tail] = text.split('::')
  const first = head === '' ? [] : head.split(':')
  const last = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = tail === undefined ? first : [...first, ...Array(8 - first.length - last.length).fill('0'), ...last]
  const bytes = Buffer.alloc(16)
  groups.forEach((group, i) => bytes.writeUInt16BE(parseInt(group, 16), i * 2))
  return bytes
}

const dottedQuad = (bytes: Buffer, at: number): string => Array.from(bytes.subarray(at, at + 4)).join('.')
const zeros = (bytes: Buffer, from: number, to: number): boolean => bytes.subarray(from, to).every((b) => b === 0)

/**
 * The IPv4 address an IPv6 address stands for, when it is one of the forms that carry one: IPv4-mapped
 * (::ffff:0:0/96, what a dual-stack socket connects to as IPv4), IPv4-translated (::ffff:0:0:0/96), NAT64's
 * well-known prefix (64:ff9b::/96) and 6to4 (2002::/16). Such an address reaches that IPv4 host, so it is judged
 * as that host.
 */
function embeddedIpv4 (bytes: Buffer): { address: string, mapped: boolean } | null {
  if (zeros(bytes, 0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return { address: dottedQuad(bytes, 12), mapped: true }
  }
  if (zeros(bytes, 0, 8) && bytes[8] === 0xff && bytes[9] === 0xff && zeros(bytes, 10, 12)) {
    return { address: dottedQuad(bytes, 12), mapped: false }
  }
  if (bytes.readUInt32BE(0) === 0x0064ff9b && zeros(bytes, 4, 12)) {
    return { address: dottedQuad(bytes, 12), mapped: false }
  }
  if (bytes.readUInt16BE(0) === 0x2002) return { address: dottedQuad(bytes, 2), mapped: false }
  return null
}

/** Whether the address is loopback: 127.0.0.0/8, ::1, or loopback IPv4 mapped into IPv6. */
export function isLoopbackAddress (ip: string): boolean {
  const address = ip.replace(/%.*$/, '')
  if (net.isIPv4(address)) return loopbackV4.check(address, 'ipv4')
  if (!net.isIPv6(address)) return false
  const bytes = ipv6Bytes(address)
  if (zeros(bytes, 0, 15) && bytes[15] === 1) return true
  const embedded = embeddedIpv4(bytes)
  return embedded !== null && embedded.mapped && loopbackV4.check(embedded.address, 'ipv4')
}

/**
 * Whether a delivery must not connect to this address: anything that is not a public unicast host, over IPv4 and
 * IPv6, IPv4 hidden in IPv6 included. Text that is not an IP address is forbidden too (fail closed).
 */
export function isForbiddenAddress (ip: string, options: AddressGuardOptions = {}): boolean {
  if (options.allowLoopback === true && isLoopbackAddress(ip)) return false
  const address = ip.replace(/%.*$/, '') // a zone (fe80::1%eth0) only says which interface: link-local anyway
  if (net.isIPv4(address)) return forbiddenV4.check(address, 'ipv4')
  if (!net.isIPv6(address)) return true
  const embedded = embeddedIpv4(ipv6Bytes(address))
  if (embedded !== null) return forbiddenV4.check(embedded.address, 'ipv4')
  return !globalUnicastV6.check(address, 'ipv6') || forbiddenGlobalV6.check(address, 'ipv6')
}

/** A delivery refused because of where it would connect; no packet was sent to the address. */
export class ForbiddenAddressError extends Error {
  readonly code = 'forbidden_address'
  readonly address: string
  readonly hostname: string
  constructor (address: string, hostname: string) {
    super(`forbidden_address ${address}` + (hostname === address ? '' : ` (${hostname})`))
    this.name = 'ForbiddenAddressError'
    this.address = address
    this.hostname = hostname
  }
}

/** Throws ForbiddenAddressError when the address is forbidden; `hostname` names what resolved to it. */
export function assertAllowedAddress (ip: string, hostname: string, options: AddressGuardOptions = {}): void {
  if (isForbiddenAddress(ip, options)) throw new ForbiddenAddressError(ip, hostname)
}

export interface ResolvedAddress {
  address: string
  family: number
}

/** Name to addresses. Tests give one that maps test names to chosen addresses, so no test depends on real DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

/** The system resolver, as connections use it by default (getaddrinfo, every address, in the system's order). */
export const systemResolver: Resolver = async (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true })

/**
 * A `lookup` for net, http and https: resolves with the resolver and fails with ForbiddenAddressError when ANY of
 * the addresses is forbidden (not only the first: with several, which one the socket tries is not ours to pick,
 * and a name that answers both a public and a private address is not an endpoint to trust). The socket connects
 * only to the addresses this hands back, so nothing else is ever tried.
 */
export function guardedLookup (
  resolver: Resolver = systemResolver, options: AddressGuardOptions = {}
): net.LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolver(hostname).then((found) => allowedAddresses(found, hostname, lookupOptions.family, options)).then(
      (wanted) => lookupOptions.all === true
        ? callback(null, wanted)
        : callback(null, wanted[0].address, wanted[0].family),
      (error: NodeJS.ErrnoException) => callback(error, '')
    )
  }
}

function allowedAddresses (
  found: ResolvedAddress[], hostname: string, family: unknown, options: AddressGuardOptions
): ResolvedAddress[] {
  for (const { address } of found) assertAllowedAddress(address, hostname, options)
  // net asks for a family as 4 or 6, dns.lookup's callers also as 'IPv4' or 'IPv6'; 0 or none means either
  const only = family === 'IPv4' ? 4 : family === 'IPv6' ? 6 : family
  const wanted = only === 4 || only === 6 ? found.filter((a) => a.family === only) : found
  if (wanted.length === 0) throw Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' })
  return wanted
}
