// The notice state machine: docs/product.md's lifecycle table as data, and the one function that applies it.

import { CANNOT_COMPLY_REASONS, NOTICE_ACTIONS } from '../vocabulary.ts'
import type { NoticeAction, NoticeStatus, Role } from '../vocabulary.ts'

export type Actor = Role | 'system'

export interface TransitionRule {
  readonly action: NoticeAction
  readonly from: readonly NoticeStatus[]
  readonly actors: readonly Actor[]
  /** More than one target only for remove, where the items still standing decide. */
  readonly to: readonly NoticeStatus[]
  readonly requires: { readonly reason?: true, readonly detail?: true, readonly items?: 'optional' }
  readonly restartsDeadline?: true
  readonly createsBlockingOrder?: true
}

const OPEN_FOR_OUTCOME: readonly NoticeStatus[] = ['issued', 'delivered', 'acknowledged', 'overdue']
const NOT_TERMINAL: readonly NoticeStatus[] = [
  'issued', 'delivered', 'acknowledged', 'removed', 'partially_removed', 'restricted',
  'rejected', 'cannot_comply', 'overdue', 'escalated'
]

// Admins and auditors appear in no row: docs/product.md gives admins the catalogues and clients, never a notice's
// fate, and an admin acting as the authority would blur who issued a legally binding step.
export const TRANSITIONS: readonly TransitionRule[] = Object.freeze([
  // The liaison's first fetch counts as delivery, recorded under the liaison's name for the audit trail.
  { action: 'deliver', from: ['issued'], actors: ['system', 'liaison'], to: ['delivered'], requires: {} },
  { action: 'acknowledge', from: ['issued', 'delivered'], actors: ['liaison'], to: ['acknowledged'], requires: {} },
  {
    action: 'remove',
    from: [...OPEN_FOR_OUTCOME, 'escalated', 'partially_removed'],
    actors: ['liaison'],
    to: ['removed', 'partially_removed'],
    requires: { items: 'optional' }
  },
  { action: 'restrict', from: OPEN_FOR_OUTCOME, actors: ['liaison'], to: ['restricted'], requires: {} },
  { action: 'reject', from: OPEN_FOR_OUTCOME, actors: ['liaison'], to: ['rejected'], requires: { reason: true } },
  {
    action: 'cannot_comply',
    from: ['issued', 'delivered', 'acknowledged'],
    actors: ['liaison'],
    to: ['cannot_comply'],
    requires: { reason: true, detail: true }
  },
  {
    action: 'clarify',
    from: ['cannot_comply'],
    actors: ['authority'],
    to: ['delivered'],
    requires: { detail: true },
    restartsDeadline: true
  },
  // 'deadline passes' in docs/product.md; a notice awaiting clarification is not the platform's delay, so no overdue.
  {
    action: 'expire',
    from: ['issued', 'delivered', 'acknowledged'],
    actors: ['system'],
    to: ['overdue'],
    requires: {}
  },
  {
    action: 'escalate',
    from: ['overdue', 'rejected'],
    actors: ['authority'],
    to: ['escalated'],
    requires: {},
    createsBlockingOrder: true
  },
  { action: 'withdraw', from: NOT_TERMINAL, actors: ['authority'], to: ['withdrawn'], requires: { reason: true } },
  { action: 'close', from: ['removed', 'restricted'], actors: ['authority'], to: ['closed'], requires: {} }
] satisfies TransitionRule[])

const RULE_BY_ACTION = new Map(TRANSITIONS.map(rule => [rule.action, rule]))

// A blocking order can only be in force after an escalation, which leaves the notice escalated or, after a
// partial removal, partially_removed.
const MAY_HOLD_BLOCKING_ORDER: readonly NoticeStatus[] = ['escalated', 'partially_removed']

/** The rule of an action; every action has exactly one. */
export function ruleOf (action: NoticeAction): TransitionRule {
  return RULE_BY_ACTION.get(action)!
}

// Status sets the rest of the service asks about, read off the table above so they are never typed twice.

/** Where a notice ends: nothing leaves these statuses. */
export const TERMINAL_STATUSES: readonly NoticeStatus[] = Object.freeze([
  ...ruleOf('close').to, ...ruleOf('withdraw').to
])
/** The material is gone or blocked as the notice asked: what the authority closes. */
export const MATERIAL_GONE_STATUSES: readonly NoticeStatus[] = ruleOf('close').from
/** The platform still owes an outcome: not terminal, and the material not yet gone (a notice that may be withdrawn). */
export const OPEN_STATUSES: readonly NoticeStatus[] = Object.freeze(
  ruleOf('withdraw').from.filter((s) => !MATERIAL_GONE_STATUSES.includes(s))
)
/** Past its deadline, these turn overdue. */
export const EXPIRABLE_STATUSES: readonly NoticeStatus[] = ruleOf('expire').from
/** A liaison's first read delivers a notice in these statuses. */
export const DELIVERABLE_STATUSES: readonly NoticeStatus[] = ruleOf('deliver').from
/**
 * The material was removed, restricted or blocked by order, now or before the notice closed: what a removal,
 * a restriction, an escalation or a close leads to. Material is banked from these statuses.
 */
export const MATERIAL_ACTED_ON_STATUSES: readonly NoticeStatus[] = Object.freeze([
  ...new Set((['remove', 'restrict', 'escalate', 'close'] as const).flatMap((action) => ruleOf(action).to))
])

export function isTerminal (status: NoticeStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

export function allowedActions (status: NoticeStatus, actor: Actor): NoticeAction[] {
  return NOTICE_ACTIONS.filter(action => {
    const rule = RULE_BY_ACTION.get(action)
    return rule !== undefined && rule.from.includes(status) && rule.actors.includes(actor)
  })
}

export interface TransitionInput {
  status: NoticeStatus
  action: NoticeAction
  actor: Actor
  /** Every item id of the notice. */
  itemIds: string[]
  /** Items already reported removed. */
  removedItemIds: string[]
  /** Only for remove; omitted means every item still standing. An empty list is refused, not read as "all". */
  requestedItemIds?: string[]
  reason?: string
  detail?: string
}

export interface FieldError { field: string, message: string }

export type Decision =
  | {
    ok: true
    to: NoticeStatus
    /** After this action. */
    removedItemIds: string[]
    restartsDeadline: boolean
    createsBlockingOrder: boolean
    /** The caller lifts the notice's active blocking order, if it has one. */
    liftsBlockingOrder: boolean
    /** The notice's item hashes go into the hash bank. */
    entersHashBank: boolean
  }
  | {
    ok: false
    error: 'not_allowed' | 'forbidden' | 'invalid'
    /** What this actor may do in the current status. */
    allowed: NoticeAction[]
    message: string
    fields?: FieldError[]
  }

export function decideTransition (input: TransitionInput): Decision {
  const { status, action, actor } = input
  const allowed = allowedActions(status, actor)
  const rule = RULE_BY_ACTION.get(action)
  if (rule === undefined || !rule.from.includes(status)) {
    return {
      ok: false,
      error: 'not_allowed',
      allowed,
      message: `${action} is not allowed on a notice that is ${status}`
    }
  }
  if (!rule.actors.includes(actor)) {
    return {
      ok: false,
      error: 'forbidden',
      allowed,
      message: `${actor === 'system' ? 'the system' : `a client with role ${actor}`} may not ${action} a notice`
    }
  }

  const fields = checkFields(rule, input)
  const removal = rule.requires.items === 'optional' ? planRemoval(input, fields) : undefined
  if (fields.length > 0) {
    return { ok: false, error: 'invalid', allowed, message: `the ${action} request is invalid`, fields }
  }

  const removedItemIds = removal ?? [...input.removedItemIds]
  const to = removal === undefined
    ? rule.to[0]
    : input.itemIds.every(id => removal.includes(id)) ? 'removed' : 'partially_removed'
  return {
    ok: true,
    to,
    removedItemIds,
    restartsDeadline: rule.restartsDeadline === true,
    createsBlockingOrder: rule.createsBlockingOrder === true,
    // Access is restored once the material is gone; a withdrawn notice can no longer justify the blocking either.
    liftsBlockingOrder: MAY_HOLD_BLOCKING_ORDER.includes(status) && (to === 'removed' || to === 'withdrawn'),
    entersHashBank: to === 'removed' || to === 'restricted'
  }
}

function isBlank (value: string | undefined): boolean {
  return value === undefined || value.trim() === ''
}

function checkFields (rule: TransitionRule, input: TransitionInput): FieldError[] {
  const fields: FieldError[] = []
  if (rule.requires.reason === true && isBlank(input.reason)) {
    fields.push({ field: 'reason', message: `a reason is required to ${rule.action}` })
  } else if (rule.action === 'cannot_comply' &&
    !(CANNOT_COMPLY_REASONS as readonly string[]).includes(input.reason ?? '')) {
    fields.push({ field: 'reason', message: `reason must be one of ${CANNOT_COMPLY_REASONS.join(', ')}` })
  }
  if (rule.requires.detail === true && isBlank(input.detail)) {
    fields.push({ field: 'detail', message: `a detail is required to ${rule.action}` })
  }
  // A list of items on any other action would read as a partial restriction or rejection, which the table lacks.
  if (rule.requires.items === undefined && input.requestedItemIds !== undefined) {
    fields.push({
      field: 'items', message: `only remove takes a list of items; ${rule.action} applies to the whole notice`
    })
  }
  return fields
}

/** The removed set after this remove, in the notice's item order; undefined (with fields filled) when refused. */
function planRemoval (input: TransitionInput, fields: FieldError[]): string[] | undefined {
  const already = new Set(input.removedItemIds)
  const requested = input.requestedItemIds
  if (requested === undefined) {
    return [...input.itemIds]
  }
  if (requested.length === 0) {
    fields.push({
      field: 'items', message: 'list at least one item, or leave items out to remove every remaining item'
    })
    return undefined
  }
  const known = new Set(input.itemIds)
  const seen = new Set<string>()
  const before = fields.length
  requested.forEach((id, index) => {
    if (!known.has(id)) fields.push({ field: `items/${index}`, message: `item ${id} is not part of this notice` })
    else if (seen.has(id)) fields.push({ field: `items/${index}`, message: `item ${id} is listed twice` })
    else if (already.has(id)) fields.push({ field: `items/${index}`, message: `item ${id} is already removed` })
    seen.add(id)
  })
  if (fields.length > before) return undefined
  return input.itemIds.filter(id => already.has(id) || seen.has(id))
}
