// The drizzle tables: the single description of the database that migrations are generated from.
import { sql } from 'drizzle-orm'
import {
  pgTable, text, uuid, timestamp, integer, jsonb, index, uniqueIndex, primaryKey, check, bigserial, bigint, boolean,
  customType
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()

/** Binary columns (vPDQ feature lists packed by encodeFeatures: 45 bytes a frame). */
export const bytea = customType<{ data: Buffer, driverData: Buffer }>({ dataType: () => 'bytea' })

export const platforms = pgTable('platforms', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  legalEntity: jsonb('legal_entity').notNull(),
  legalRepresentative: jsonb('legal_representative'),
  hosts: text('hosts').array().notNull(),
  urlPatterns: text('url_patterns').array().notNull(),
  channels: jsonb('channels').notNull(),
  languages: text('languages').array().notNull(),
  deadlineNormalHours: integer('deadline_normal_hours').notNull().default(24),
  deadlineUrgentHours: integer('deadline_urgent_hours').notNull().default(1),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt()
}, (t) => [
  check('platforms_deadlines_positive', sql`${t.deadlineNormalHours} > 0 and ${t.deadlineUrgentHours} > 0`)
])

export const clients = pgTable('clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  platform: text('platform').references(() => platforms.slug),
  keyPrefix: text('key_prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' })
}, (t) => [
  uniqueIndex('clients_key_hash_idx').on(t.keyHash),
  uniqueIndex('clients_key_prefix_idx').on(t.keyPrefix),
  uniqueIndex('clients_seq_idx').on(t.seq),
  check('clients_role_valid', sql`${t.role} in ('authority', 'liaison', 'auditor', 'admin')`),
  check('clients_platform_iff_liaison', sql`(${t.role} = 'liaison') = (${t.platform} is not null)`)
])

export const legalBases = pgTable('legal_bases', {
  id: text('id').primaryKey(),
  citation: text('citation').notNull(),
  /** The citation in each notice language ({ kk, ru, en }); null where only `citation` was given. */
  citations: jsonb('citations'),
  title: jsonb('title').notNull(),
  text: jsonb('text').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt()
})

export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  externalRef: text('external_ref').notNull(),
  category: text('category').notNull(),
  legalBasis: text('legal_basis').notNull().references(() => legalBases.id),
  statementOfReasons: text('statement_of_reasons').notNull(),
  urgency: text('urgency').notNull(),
  territorialScope: text('territorial_scope').array().notNull(),
  createdAt: createdAt()
}, (t) => [
  uniqueIndex('reports_seq_idx').on(t.seq),
  index('reports_external_ref_idx').on(t.externalRef, t.seq),
  index('reports_category_idx').on(t.category, t.seq),
  index('reports_created_idx').on(t.createdAt)
])

export const reportItems = pgTable('report_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id),
  position: integer('position').notNull(),
  url: text('url').notNull(),
  canonicalUrl: text('canonical_url').notNull(),
  platform: text('platform').notNull().references(() => platforms.slug),
  identifiers: jsonb('identifiers').notNull(),
  contentType: text('content_type').notNull(),
  sha256: text('sha256'),
  md5: text('md5'),
  pdq: text('pdq'),
  /** The video's vPDQ features, packed as in the hash bank (encodeFeatures). */
  vpdq: bytea('vpdq'),
  /**
   * The same frames without their uniform borders (trimmedHash where a frame had them), packed alike; null without
   * borders.
   */
  vpdqTrimmed: bytea('vpdq_trimmed'),
  capturedAt: timestamp('captured_at', { withTimezone: true, mode: 'date' }),
  evidenceRef: text('evidence_ref'),
  /** The open notice ({ id, referenceNumber }) that already covers this URL; the item gets no notice of its own. */
  duplicateOf: jsonb('duplicate_of'),
  /** What the hash bank and earlier notices said about this item when it was reported. */
  reupload: jsonb('reupload')
}, (t) => [
  uniqueIndex('report_items_position_idx').on(t.reportId, t.position),
  index('report_items_canonical_url_idx').on(t.canonicalUrl)
])

export const idempotencyKeys = pgTable('idempotency_keys', {
  clientId: uuid('client_id').notNull(),
  key: text('key').notNull(),
  scope: text('scope').notNull(),
  requestHash: text('request_hash').notNull(),
  state: text('state').notNull(),
  responseStatus: integer('response_status'),
  responseHeaders: jsonb('response_headers'),
  responseBody: text('response_body'),
  /** The owner number of the process running the request ('running'): its owner lock held means it is alive. */
  owner: integer('owner'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull()
}, (t) => [
  primaryKey({ columns: [t.clientId, t.key] }),
  index('idempotency_keys_expires_idx').on(t.expiresAt),
  check('idempotency_state_valid', sql`${t.state} in ('running', 'done')`)
])

/** Gap-free serials per year and platform: the counter row is updated inside the issuing transaction. */
export const referenceCounters = pgTable('reference_counters', {
  year: integer('year').notNull(),
  platform: text('platform').notNull(),
  last: integer('last').notNull()
}, (t) => [primaryKey({ columns: [t.year, t.platform] })])

export const notices = pgTable('notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  referenceNumber: text('reference_number').notNull(),
  reportId: uuid('report_id').notNull().references(() => reports.id),
  platform: text('platform').notNull().references(() => platforms.slug),
  status: text('status').notNull(),
  version: integer('version').notNull().default(1),
  urgency: text('urgency').notNull(),
  category: text('category').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
  deadline: timestamp('deadline', { withTimezone: true, mode: 'date' }).notNull(),
  /** The signed content exactly as issued (addressee, legal basis and items are snapshots, not references). */
  content: jsonb('content').notNull(),
  /** The JWS over the content's canonical JSON with its payload detached: `header..signature`. */
  signature: text('signature').notNull(),
  signingKeyId: text('signing_key_id').notNull(),
  reuploadOf: text('reupload_of').array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
  updatedAt: updatedAt()
}, (t) => [
  uniqueIndex('notices_reference_idx').on(t.referenceNumber),
  uniqueIndex('notices_seq_idx').on(t.seq),
  index('notices_report_idx').on(t.reportId),
  index('notices_platform_seq_idx').on(t.platform, t.seq),
  index('notices_updated_idx').on(t.updatedAt),
  index('notices_status_idx').on(t.status, t.deadline),
  index('notices_platform_issued_idx').on(t.platform, t.issuedAt),
  index('notices_deadline_idx').on(t.deadline)
])

export const noticeItems = pgTable('notice_items', {
  /** A report item goes into exactly one notice, so the notice item shares its id. */
  id: uuid('id').primaryKey().references(() => reportItems.id),
  noticeId: uuid('notice_id').notNull().references(() => notices.id),
  position: integer('position').notNull(),
  url: text('url').notNull(),
  canonicalUrl: text('canonical_url').notNull(),
  identifiers: jsonb('identifiers').notNull(),
  contentType: text('content_type').notNull(),
  outcome: text('outcome').notNull().default('pending'),
  outcomeAt: timestamp('outcome_at', { withTimezone: true, mode: 'date' })
}, (t) => [
  uniqueIndex('notice_items_position_idx').on(t.noticeId, t.position),
  index('notice_items_canonical_url_idx').on(t.canonicalUrl)
])

/**
 * The canonical URLs under open notices, one row each: a report claims its URLs by inserting here, and a URL that
 * is already present is covered by that notice. A transition that takes a notice or an item out of the open
 * statuses deletes its rows in the same transaction. The foreign keys are deferred (see the migration): an issuing
 * transaction claims the URLs first, in sorted order, and inserts the notices they point to last.
 */
export const openNoticeUrls = pgTable('open_notice_urls', {
  canonicalUrl: text('canonical_url').primaryKey(),
  noticeId: uuid('notice_id').notNull().references(() => notices.id),
  noticeItemId: uuid('notice_item_id').notNull().references(() => noticeItems.id)
}, (t) => [index('open_notice_urls_notice_idx').on(t.noticeId)])

/** Every public key that ever signed a notice stays here, so rotation never orphans an earlier signature. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').notNull(),
  createdAt: createdAt()
})

/**
 * Everything a caller may see change, in one order. Writers insert rows with no position; the sequencer numbers
 * them in commit-safe order (by transaction id, oldest finished first), so a poller never skips an event.
 */
export const noticeEvents = pgTable('notice_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  position: bigint('position', { mode: 'number' }),
  txId: bigint('tx_id', { mode: 'number' }).notNull().default(sql`pg_current_xact_id()::text::bigint`),
  noticeId: uuid('notice_id').notNull().references(() => notices.id),
  platform: text('platform').notNull(),
  type: text('type').notNull(),
  action: text('action'),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  version: integer('version').notNull(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role').notNull(),
  reason: text('reason'),
  detail: text('detail'),
  note: text('note'),
  items: jsonb('items'),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
}, (t) => [
  uniqueIndex('notice_events_position_idx').on(t.position),
  index('notice_events_platform_position_idx').on(t.platform, t.position),
  index('notice_events_notice_idx').on(t.noticeId, t.id),
  index('notice_events_unsequenced_idx').on(t.txId, t.id).where(sql`${t.position} is null`),
  // Times grow with the table, so a block-range index finds recent events for updatedSince at almost no write cost.
  index('notice_events_at_idx').using('brin', t.at)
])

export const blockingOrders = pgTable('blocking_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  decisionNumber: text('decision_number').notNull(),
  noticeId: uuid('notice_id').notNull().references(() => notices.id),
  platform: text('platform').notNull(),
  issuingBody: text('issuing_body').notNull(),
  urgency: text('urgency').notNull(),
  status: text('status').notNull(),
  decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' }),
  liftReason: text('lift_reason'),
  createdBy: uuid('created_by'),
  updatedAt: updatedAt()
}, (t) => [
  uniqueIndex('blocking_orders_decision_idx').on(t.decisionNumber),
  uniqueIndex('blocking_orders_seq_idx').on(t.seq),
  index('blocking_orders_notice_idx').on(t.noticeId),
  index('blocking_orders_updated_idx').on(t.updatedAt),
  index('blocking_orders_platform_seq_idx').on(t.platform, t.seq),
  check('blocking_orders_status_valid', sql`${t.status} in ('active', 'lifted')`)
])

export const blockingOrderEntries = pgTable('blocking_order_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id').notNull().references(() => blockingOrders.id),
  noticeItemId: uuid('notice_item_id').notNull().references(() => noticeItems.id),
  blockType: text('block_type').notNull(),
  value: text('value').notNull(),
  includedAt: timestamp('included_at', { withTimezone: true, mode: 'date' }).notNull(),
  liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' })
}, (t) => [
  index('blocking_order_entries_order_idx').on(t.orderId),
  index('blocking_order_entries_included_idx').on(t.includedAt),
  index('blocking_order_entries_lifted_idx').on(t.liftedAt),
  check('blocking_order_entries_type_valid', sql`${t.blockType} in ('url', 'domain', 'ip')`)
])

/**
 * The tamper-evident trail. Writers append entries without a hash; the sequencer seals them in commit-safe order,
 * each hash covering the previous one. A trigger (see the migration) refuses every other UPDATE and every DELETE.
 */
export const auditEntries = pgTable('audit_entries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  position: bigint('position', { mode: 'number' }),
  txId: bigint('tx_id', { mode: 'number' }).notNull().default(sql`pg_current_xact_id()::text::bigint`),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  change: jsonb('change').notNull(),
  digest: text('digest').notNull(),
  prevHash: text('prev_hash'),
  hash: text('hash')
}, (t) => [
  uniqueIndex('audit_entries_position_idx').on(t.position),
  index('audit_entries_unsealed_idx').on(t.txId, t.id).where(sql`${t.position} is null`)
])

/**
 * The sealed chain's head: the last position handed out and its hash. One row, which only moves forward (a
 * trigger refuses anything else), so positions are never handed out twice even if the newest entries vanish:
 * the next seal continues after the head, and verify sees the chain stop short of it.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  singleton: boolean('singleton').primaryKey().default(true),
  position: bigint('position', { mode: 'number' }).notNull(),
  hash: text('hash')
}, (t) => [
  check('audit_chain_head_singleton', sql`${t.singleton}`)
])

/**
 * A notice's letter as rendered once, in one format and language, by one version of the renderers: a notice's
 * signed content never changes, so neither does its rendering, and every later request (and every e-mail) is
 * served these bytes instead of rendering again. A new renderer version renders afresh beside the old rows.
 */
export const noticeRenderings = pgTable('notice_renderings', {
  noticeId: uuid('notice_id').notNull().references(() => notices.id, { onDelete: 'cascade' }),
  format: text('format').notNull(),
  lang: text('lang').notNull(),
  rendererVersion: integer('renderer_version').notNull(),
  contentType: text('content_type').notNull(),
  body: bytea('body').notNull(),
  createdAt: createdAt()
}, (t) => [
  primaryKey({ columns: [t.noticeId, t.format, t.lang, t.rendererVersion] })
])

/**
 * Where a client wants notice events sent as Standard Webhooks: a liaison's endpoint hears its own platform's
 * events only, an authority's or auditor's every platform's (or those it names). Secrets are kept sealed
 * (src/delivery/secret-box.ts): the newest signs, an older one keeps signing beside it until its overlap ends.
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  /** A liaison's platform; null: every platform (or `platforms`). */
  platform: text('platform').references(() => platforms.slug),
  platforms: text('platforms').array(),
  url: text('url').notNull(),
  description: text('description'),
  eventTypes: text('event_types').array().notNull(),
  /** [{ sealed, expiresAt }]: expiresAt null for the current secret. */
  secrets: jsonb('secrets').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  disabledReason: text('disabled_reason'),
  disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
  /** Since when every attempt has failed; cleared by a success. Five days of it disables the endpoint. */
  failingSince: timestamp('failing_since', { withTimezone: true, mode: 'date' }),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt()
}, (t) => [
  uniqueIndex('webhook_endpoints_seq_idx').on(t.seq),
  index('webhook_endpoints_client_idx').on(t.clientId)
])

/**
 * The outbox: one row per event and channel target, written by a trigger on notice_events in the transaction that
 * commits the event, so no event goes without its deliveries and none goes out for an event that never committed.
 * Workers claim rows with a lease (SKIP LOCKED), one notice's deliveries to one target in order.
 */
export const deliveries = pgTable('deliveries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** Stable across retries: the webhook-id and the e-mail's Message-ID derive from it. */
  deliveryId: uuid('delivery_id').notNull().defaultRandom(),
  eventId: bigint('event_id', { mode: 'number' }).notNull().references(() => noticeEvents.id),
  noticeId: uuid('notice_id').notNull().references(() => notices.id),
  platform: text('platform').notNull(),
  channel: text('channel').notNull(),
  /** 'webhook:<endpoint id>' or 'email:<platform>': one notice's deliveries to one target go out in order. */
  target: text('target').notNull(),
  endpointId: uuid('endpoint_id').references(() => webhookEndpoints.id),
  eventType: text('event_type').notNull(),
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt()
}, (t) => [
  uniqueIndex('deliveries_delivery_id_idx').on(t.deliveryId),
  index('deliveries_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
  index('deliveries_target_notice_idx').on(t.target, t.noticeId, t.id).where(sql`${t.status} = 'pending'`),
  index('deliveries_notice_idx').on(t.noticeId, t.id),
  check('deliveries_channel_valid', sql`${t.channel} in ('email', 'webhook')`),
  check('deliveries_status_valid', sql`${t.status} in ('pending', 'delivered', 'failed', 'cancelled')`)
])

/** Every attempt of every delivery, with what the other side answered (at most 1 KB of it). */
export const deliveryAttempts = pgTable('delivery_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deliveryId: bigint('delivery_id', { mode: 'number' }).notNull().references(() => deliveries.id),
  attempt: integer('attempt').notNull(),
  at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  outcome: text('outcome').notNull(),
  statusCode: integer('status_code'),
  error: text('error'),
  response: text('response'),
  durationMs: integer('duration_ms')
}, (t) => [
  index('delivery_attempts_delivery_idx').on(t.deliveryId, t.attempt),
  check('delivery_attempts_outcome_valid', sql`${t.outcome} in ('delivered', 'retry', 'failed', 'refused')`)
])

/**
 * Links to a notice's response page, sent in its e-mails. Only a digest of the token is kept (as for API keys);
 * the token itself is an HMAC of the notice, its platform and this row's nonce under a key derived from the
 * webhook secret key, so a retried e-mail carries the same link without the token being stored. A new nonce is a
 * new link; a revoked row answers 410. One active link per notice and key (`key_id`): a key rotation starts a new
 * link while those already sent keep working.
 */
export const responseLinks = pgTable('response_links', {
  id: uuid('id').primaryKey().defaultRandom(),
  noticeId: uuid('notice_id').notNull().references(() => notices.id),
  platform: text('platform').notNull(),
  nonce: text('nonce').notNull(),
  keyId: text('key_id').notNull(),
  /** SHA-256 of the token, hex. */
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  revokedBy: uuid('revoked_by')
}, (t) => [
  uniqueIndex('response_links_token_hash_idx').on(t.tokenHash),
  uniqueIndex('response_links_active_idx').on(t.noticeId, t.keyId).where(sql`${t.revokedAt} is null`),
  index('response_links_notice_idx').on(t.noticeId)
])
