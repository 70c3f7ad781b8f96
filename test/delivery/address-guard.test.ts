// The guard is tested on addresses alone: nothing here opens a connection.
import t from 'tap'
import fc from 'fast-check'
import {
  ForbiddenAddressError, guardedLookup, isForbiddenAddress, isLoopbackAddress, type ResolvedAddress, type Resolver
} from '../../src/delivery/address-guard.ts'

const FORBIDDEN = [
  // IPv4
  '0.0.0.0', '0.1.2.3', '10.0.0.1', '10.255.255.255', '100.64.0.1', '100.127.255.254', '127.0.0.1', '127.8.9.10',
  '169.254.169.254', '169.254.0.1', '172.16.0.1', '172.31.255.255', '192.0.0.170', '192.0.2.10', '192.88.99.1',
  '192.168.1.1', '198.18.0.1', '198.19.255.255', '198.51.100.7', '203.0.113.9', '224.0.0.1', '239.255.255.250',
  '240.0.0.1', '255.255.255.255',
  // IPv6
  '::', '::1', '0:0:0:0:0:0:0:1', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fec0::1',
  'ff02::1', 'ff05::1:3', '100::1', '2001:db8::1', '2001::1', '2001:2::1', '3fff::1', '64:ff9b:1::1', '::a00:1',
  // IPv4 within IPv6: mapped, translated, NAT64 and 6to4
  '::ffff:10.0.0.1', '::ffff:a00:1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '::ffff:0:10.0.0.1',
  '64:ff9b::10.0.0.1', '64:ff9b::a9fe:a9fe', '2002:a00:1::1', '2002:7f00:1::', '2002:a9fe:a9fe::1',
  // not addresses at all
  '', 'example.com', '10.0.0.1.', '1.2.3'
]
const ALLOWED = [
  '1.1.1.1', '8.8.8.8', '93.184.216.34', '100.63.255.255', '100.128.0.0', '172.15.255.255', '172.32.0.0',
  '192.167.255.255', '198.17.255.255', '198.20.0.0', '223.255.255.255', '11.0.0.1',
  '2606:4700:4700::1111', '2a00:1450:4001:830::200e', '2001:4860:4860::8888',
  '::ffff:8.8.8.8', '::ffff:808:808', '64:ff9b::8.8.8.8', '2002:808:808::1'
]

t.test('private, loopback, link-local, multicast, unspecified, reserved and embedded forms are forbidden', async (t) => {
  for (const ip of FORBIDDEN) t.equal(isForbiddenAddress(ip), true, ip)
})

t.test('public unicast addresses are allowed, IPv4 ones within IPv6 too', async (t) => {
  for (const ip of ALLOWED) t.equal(isForbiddenAddress(ip), false, ip)
})

t.test('the loopback allowance lets loopback through and nothing else', async (t) => {
  const allowLoopback = { allowLoopback: true }
  for (const ip of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
    t.equal(isLoopbackAddress(ip), true, ip)
    t.equal(isForbiddenAddress(ip, allowLoopback), false, ip)
  }
  for (const ip of ['10.0.0.1', '169.254.169.254', '0.0.0.0', '::', 'fe80::1', '::ffff:10.0.0.1', '2002:7f00:1::']) {
    t.equal(isForbiddenAddress(ip, allowLoopback), true, ip)
  }
})

t.test('every address of the forbidden IPv4 ranges is forbidden, alone and mapped into IPv6', async (t) => {
  const ranges: Array<[number, number]> = [
    [0x0a000000, 8], [0x7f000000, 8], [0xa9fe0000, 16], [0xac100000, 12], [0xc0a80000, 16], [0x64400000, 10],
    [0xc6120000, 15], [0xe0000000, 4], [0xf0000000, 4], [0x00000000, 8]
  ]
  const inRange = fc.constantFrom(...ranges).chain(([base, prefix]) =>
    fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((offset) => base + offset))
  const dotted = (n: number): string => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.')
  const hex = (n: number): string => `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`
  t.doesNotThrow(() => fc.assert(fc.property(inRange, (n) =>
    isForbiddenAddress(dotted(n)) && isForbiddenAddress(`::ffff:${dotted(n)}`) &&
    isForbiddenAddress(`::ffff:${hex(n)}`) && isForbiddenAddress(`64:ff9b::${hex(n)}`) &&
    isForbiddenAddress(`2002:${hex(n)}::1`)), { numRuns: 2000 }))
})

t.test('an IPv6 address outside global unicast (2000::/3) is always forbidden', async (t) => {
  const group = fc.integer({ min: 0, max: 0xffff })
  const outside = fc.tuple(fc.integer({ min: 0, max: 0xffff }).filter((g) => g < 0x2000 || g >= 0x4000),
    fc.array(group, { minLength: 7, maxLength: 7 }))
    .filter(([first, rest]) => first !== 0 && !(first === 0x64 && rest[0] === 0xff9b)) // skip the embedding forms
    .map(([first, rest]) => [first, ...rest].map((g) => g.toString(16)).join(':'))
  t.doesNotThrow(() => fc.assert(fc.property(outside, (ip) => isForbiddenAddress(ip)), { numRuns: 2000 }))
})

function resolverOf (table: Record<string, ResolvedAddress[]>): Resolver {
  return async (hostname) => table[hostname] ?? []
}

function lookup (resolver: Resolver, hostname: string, all: boolean, allowLoopback = false) {
  return new Promise<{ error: NodeJS.ErrnoException | null, address: unknown, family?: number }>((resolve) => {
    guardedLookup(resolver, { allowLoopback })(hostname, { all }, (error, address, family) =>
      resolve({ error, address, family }))
  })
}

t.test('the lookup hands back resolved addresses when all of them are allowed', async (t) => {
  const resolver = resolverOf({
    'public.test': [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }]
  })
  const all = await lookup(resolver, 'public.test', true)
  t.equal(all.error, null)
  t.same(all.address, [{ address: '93.184.216.34', family: 4 }, { address: '2606:2800:220:1::1', family: 6 }])
  const one = await lookup(resolver, 'public.test', false)
  t.same([one.address, one.family], ['93.184.216.34', 4])
  t.match((await lookup(resolver, 'missing.test', true)).error, { code: 'ENOTFOUND' })
})

t.test('the lookup fails naming the address when any resolved address is forbidden', async (t) => {
  const resolver = resolverOf({
    'mixed.test': [{ address: '93.184.216.34', family: 4 }, { address: '10.0.0.1', family: 4 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
    'mapped.test': [{ address: '::ffff:10.0.0.1', family: 6 }],
    'local.test': [{ address: '127.0.0.1', family: 4 }],
    'local6.test': [{ address: '::1', family: 6 }]
  })
  for (const [name, address] of [['mixed.test', '10.0.0.1'], ['metadata.test', '169.254.169.254'],
    ['mapped.test', '::ffff:10.0.0.1'], ['local.test', '127.0.0.1'], ['local6.test', '::1']]) {
    const { error } = await lookup(resolver, name, true)
    t.ok(error instanceof ForbiddenAddressError, name)
    t.match(error, { code: 'forbidden_address', address, hostname: name, message: `forbidden_address ${address} (${name})` })
  }
  t.equal((await lookup(resolver, 'local.test', true, true)).error, null, 'loopback with the allowance')
  t.match((await lookup(resolver, 'metadata.test', true, true)).error, { code: 'forbidden_address' }, 'still refused')
})
