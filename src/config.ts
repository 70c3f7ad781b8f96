// Reads and validates the environment once; nothing else in the service reads process.env.
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import net from 'node:net'
import path from 'node:path'
import type { NoticeIssuer } from './domain/notices/notice-content.ts'

export const ConfigSchema = Type.Object({
  DATABASE_URL: Type.Optional(Type.String({
    minLength: 1, description: 'PostgreSQL URL; unset runs an embedded PostgreSQL under DATA_DIR'
  })),
  DATABASE_MIGRATION_URL: Type.Optional(Type.String({
    minLength: 1,
    description: 'PostgreSQL URL of the tables\' owner, for migrations; the service then runs as DATABASE_URL\'s ' +
      'role with least privilege'
  })),
  HOST: Type.String({ default: '127.0.0.1' }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  LOG_LEVEL: Type.Union([
    Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'),
    Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')
  ], { default: 'info' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  BOOTSTRAP_ADMIN_KEY: Type.Optional(Type.String({ minLength: 24, maxLength: 200 })),
  EMBEDDED_PG_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 54329 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 4 * 1024 * 1024 }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({
    minimum: 1, default: 1200, description: 'requests per minute per client, once its key is proven valid'
  }),
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: Type.Optional(Type.Integer({
    minimum: 1,
    description: 'requests per minute per source address without a valid key (none, malformed, unknown, public ' +
      'routes); unset: RATE_LIMIT_PER_MINUTE'
  })),
  RATE_LIMIT_READINESS_PER_MINUTE: Type.Integer({
    minimum: 1, default: 600, description: 'readiness checks per minute per source address, in a window of their own'
  }),
  TRUST_PROXY: Type.String({
    minLength: 1,
    default: 'false',
    description: 'whose X-Forwarded-For names the client\'s address: false (no one\'s, the default), or the ' +
      'proxies\' addresses and CIDR ranges, comma-separated'
  }),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  DB_QUERY_TIMEOUT_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 3600,
    default: 60,
    description: 'a query with no answer this long fails (503) and its connection is closed; 0: no limit'
  }),
  ISSUER_NAME: Type.String({ default: 'Ministry of Culture and Information of the Republic of Kazakhstan' }),
  ISSUER_NAME_KK: Type.String({ default: 'Қазақстан Республикасы Мәдениет және ақпарат министрлігі' }),
  ISSUER_NAME_RU: Type.String({ default: 'Министерство культуры и информации Республики Казахстан' }),
  SIGNATORY_NAME: Type.Optional(Type.String({
    minLength: 1, maxLength: 200, description: 'the officer who signs notices; unset prints the position only'
  })),
  SIGNATORY_POSITION: Type.String({ minLength: 1, default: 'Authorised officer' }),
  SIGNATORY_POSITION_KK: Type.String({ minLength: 1, default: 'Уәкілетті лауазымды тұлға' }),
  SIGNATORY_POSITION_RU: Type.String({ minLength: 1, default: 'Уполномоченное должностное лицо' }),
  ISSUER_CONTACT: Type.String({ default: 'takedown-contact@example.gov.kz' }),
  NOTICE_SIGNING_KEY_FILE: Type.Optional(Type.String({
    minLength: 1, description: 'PEM (PKCS#8) Ed25519 private key; unset generates one once into DATA_DIR'
  })),
  REFERENCE_COUNTRY: Type.String({ pattern: '^[A-Z]{2}$', default: 'KZ' }),
  REDRESS_DAYS: Type.Integer({ minimum: 1, default: 30 }),
  PRESERVATION_MONTHS: Type.Integer({ minimum: 1, default: 6 }),
  REQUEST_TIMEOUT_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 3600,
    default: 30,
    description: 'a request\'s headers and body must arrive within this many seconds (408 beyond)'
  }),
  HEADERS_TIMEOUT_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 3600,
    default: 10,
    description: 'a request\'s headers must arrive within this many seconds (408 beyond)'
  }),
  DEADLINE_SWEEP_SECONDS: Type.Integer({
    minimum: 0,
    maximum: 60,
    default: 15,
    description: 'seconds between sweeps for notices past their deadline; 0 runs none in this process'
  }),
  FFMPEG_PATH: Type.Optional(Type.String({
    minLength: 1,
    description: 'ffmpeg executable that decodes videos; unset: ffmpeg on PATH, else the one the npm package ships'
  })),
  FFPROBE_PATH: Type.Optional(Type.String({
    minLength: 1, description: 'ffprobe executable; unset: the one beside ffmpeg, if any'
  })),
  MEDIA_HASH_THREADS: Type.Integer({
    minimum: 0,
    maximum: 64,
    default: 0,
    description: 'worker threads hashing media; 0: one fewer than the cores, at least 1'
  }),
  MEDIA_HASH_QUEUE: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    default: 16,
    description: 'media uploads that may wait for a hashing thread; beyond, 503 with Retry-After'
  }),
  RENDER_THREADS: Type.Integer({
    minimum: 0,
    maximum: 64,
    default: 0,
    description: 'worker threads rendering PDF (and large) notice letters; 0: one fewer than the cores, at least 1'
  }),
  RENDER_QUEUE: Type.Integer({
    minimum: 0,
    maximum: 10_000,
    default: 16,
    description: 'letters not rendered before that may wait for a rendering thread; beyond, 503 with Retry-After'
  }),
  MEDIA_MAX_PIXELS: Type.Integer({
    minimum: 1, default: 50_000_000, description: 'largest image hashed (width * height)'
  }),
  MEDIA_VIDEO_MAX_BYTES: Type.Integer({ minimum: 1024, default: 512 * 1024 * 1024 }),
  MEDIA_VIDEO_MAX_FRAME_PIXELS: Type.Integer({ minimum: 1, default: 4096 * 2304 }),
  MEDIA_VIDEO_MAX_SECONDS: Type.Integer({ minimum: 1, default: 3 * 3600 }),
  MEDIA_VIDEO_TIMEOUT_SECONDS: Type.Integer({ minimum: 1, default: 600 }),
  SMTP_URL: Type.Optional(Type.String({
    pattern: '^smtps?://',
    description: 'the relay notices are e-mailed through; unset: written as .eml files under DATA_DIR/outbox'
  })),
  SMTP_REQUIRE_TLS: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'true', description: 'false lets a development relay without STARTTLS carry mail in the clear'
  }),
  SMTP_TIMEOUT_SECONDS: Type.Integer({ minimum: 1, maximum: 600, default: 15 }),
  SMTP_FROM: Type.String({ minLength: 3, default: 'takedown-notices@example.gov.kz' }),
  DKIM_DOMAIN: Type.Optional(Type.String({ minLength: 1 })),
  DKIM_SELECTOR: Type.Optional(Type.String({ minLength: 1 })),
  DKIM_PRIVATE_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  WEBHOOK_SECRET_KEY: Type.Optional(Type.String({ minLength: 1, description: '32 bytes in base64' })),
  WEBHOOK_SECRET_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  WEBHOOK_SECRET_KEY_PREVIOUS: Type.Optional(Type.String({
    minLength: 1, description: 'earlier keys, comma-separated, that still open secrets sealed before a rotation'
  })),
  WEBHOOK_ALLOW_HTTP: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'false', description: 'development only: plain http webhook URLs, and receivers on loopback'
  }),
  DELIVERY_CONCURRENCY: Type.Integer({
    minimum: 0, maximum: 256, default: 8, description: 'deliveries this process sends at once; 0: none (another does)'
  }),
  DELIVERY_LEASE_SECONDS: Type.Integer({
    minimum: 1,
    maximum: 3600,
    default: 60,
    description: 'how long a claimed delivery is kept from other processes: longer than any attempt may take; a ' +
      'process killed mid-delivery holds its claims this long'
  }),
  PUBLIC_URL: Type.Optional(Type.String({
    pattern: '^https?://',
    description: 'the gateway\'s public base URL, for links in webhooks and e-mails; set it in production: the ' +
      'response page\'s links in e-mails are built on it'
  })),
  MEDIA_TMP_DIR: Type.Optional(Type.String({
    minLength: 1, description: 'where uploaded videos are kept while hashed; unset: the system temporary directory'
  }))
})

export type Config = Static<typeof ConfigSchema> & { DATA_DIR: string }

export class ConfigError extends Error {}

const NUMERIC_KEYS = ['PORT', 'EMBEDDED_PG_PORT', 'BODY_LIMIT_BYTES', 'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 'RATE_LIMIT_READINESS_PER_MINUTE', 'DB_POOL_SIZE',
  'DB_QUERY_TIMEOUT_SECONDS', 'REDRESS_DAYS', 'PRESERVATION_MONTHS', 'DEADLINE_SWEEP_SECONDS',
  'MEDIA_HASH_THREADS', 'MEDIA_HASH_QUEUE', 'RENDER_THREADS', 'RENDER_QUEUE', 'MEDIA_MAX_PIXELS',
  'MEDIA_VIDEO_MAX_BYTES', 'MEDIA_VIDEO_MAX_FRAME_PIXELS', 'MEDIA_VIDEO_MAX_SECONDS', 'MEDIA_VIDEO_TIMEOUT_SECONDS',
  'REQUEST_TIMEOUT_SECONDS', 'HEADERS_TIMEOUT_SECONDS', 'SMTP_TIMEOUT_SECONDS', 'DELIVERY_CONCURRENCY',
  'DELIVERY_LEASE_SECONDS'] as const

/** Validates an environment (process.env in production, a plain object in tests) into a typed config. */
export function loadConfig (env: Record<string, string | undefined>): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key]
    if (value === undefined || value === '') continue
    raw[key] = (NUMERIC_KEYS as readonly string[]).includes(key) && /^\d+$/.test(value) ? Number(value) : value
  }
  const withDefaults = Value.Default(ConfigSchema, raw)
  if (!Value.Check(ConfigSchema, withDefaults)) {
    const problems = [...Value.Errors(ConfigSchema, withDefaults)]
      .map((e) => `${e.instancePath || '/'} ${e.message}`)
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`)
  }
  const config = withDefaults as Config
  if (config.HEADERS_TIMEOUT_SECONDS > config.REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError('invalid configuration: HEADERS_TIMEOUT_SECONDS must not exceed REQUEST_TIMEOUT_SECONDS')
  }
  trustProxyOf(config.TRUST_PROXY)
  return { ...config, DATA_DIR: path.resolve(config.DATA_DIR) }
}

/** proxy-addr's names for ranges, accepted in a TRUST_PROXY list as Fastify accepts them. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal'])

function isAddressOrRange (entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true
  const [address, bits, ...rest] = entry.split('/')
  const version = net.isIP(address)
  if (version === 0 || rest.length > 0) return false
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128))
}

/**
 * TRUST_PROXY as Fastify's trustProxy: false, or the proxies' addresses. `true` (trust every X-Forwarded-For) is
 * refused: any caller could then name its own address and escape the per-address limit. So is a hop count: it
 * cannot tell a proxy from a caller that sent the header itself (Fastify trusts no one given one).
 */
export function trustProxyOf (value: string): false | string[] {
  if (value === 'false') return false
  const entries = value.split(',').map((entry) => entry.trim())
  const bad = entries.filter((entry) => !isAddressOrRange(entry))
  if (bad.length > 0) {
    throw new ConfigError('invalid configuration: TRUST_PROXY must be false, or the proxies\' addresses and CIDR ' +
      `ranges separated by commas (not ${bad.map((entry) => JSON.stringify(entry)).join(', ')})`)
  }
  return entries
}

/** The issuer as notices name it: in each notice language, with the officer who signs. */
export function issuerOf (config: Config): NoticeIssuer {
  return {
    name: config.ISSUER_NAME,
    contactPoint: config.ISSUER_CONTACT,
    names: { en: config.ISSUER_NAME, ru: config.ISSUER_NAME_RU, kk: config.ISSUER_NAME_KK },
    signatory: {
      name: config.SIGNATORY_NAME ?? null,
      position: { en: config.SIGNATORY_POSITION, ru: config.SIGNATORY_POSITION_RU, kk: config.SIGNATORY_POSITION_KK }
    }
  }
}
