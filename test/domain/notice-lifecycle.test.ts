// The notice state machine against docs/product.md's lifecycle table, written out here by hand so the two can disagree.

import t from 'tap'
import fc from 'fast-check'
import { NOTICE_ACTIONS, NOTICE_STATUSES, ROLES } from '../../src/domain/vocabulary.ts'
import type { NoticeAction, NoticeStatus } from '../../src/domain/vocabulary.ts'
import {
  TRANSITIONS, allowedActions, decideTransition, isTerminal,
  DELIVERABLE_STATUSES, EXPIRABLE_STATUSES, MATERIAL_ACTED_ON_STATUSES, MATERIAL_GONE_STATUSES, OPEN_STATUSES, TERMINAL_STATUSES
} from '../../src/domain/notices/notice-lifecycle.ts'
import type { Actor, TransitionInput } from '../../src/domain/notices/notice-lifecycle.ts'

const ACTORS: Actor[] = [...ROLES, 'system']
type Row = { by: Actor[], to: NoticeStatus[] }
const L: Actor[] = ['liaison']
const A: Actor[] = ['authority']
const REMOVE: Row = { by: L, to: ['removed', 'partially_removed'] }
const WITHDRAW: Row = { by: A, to: ['withdrawn'] }

// docs/product.md, "The notice lifecycle", row by row; admin and auditor appear nowhere on purpose.
const EXPECTED: Record<NoticeStatus, Partial<Record<NoticeAction, Row>>> = {
  issued: {
    deliver: { by: ['system', 'liaison'], to: ['delivered'] },
    acknowledge: { by: L, to: ['acknowledged'] },
    remove: REMOVE,
    restrict: { by: L, to: ['restricted'] },
    reject: { by: L, to: ['rejected'] },
    cannot_comply: { by: L, to: ['cannot_comply'] },
    expire: { by: ['system'], to: ['overdue'] },
    withdraw: WITHDRAW
  },
  delivered: {
    acknowledge: { by: L, to: ['acknowledged'] },
    remove: REMOVE,
    restrict: { by: L, to: ['restricted'] },
    reject: { by: L, to: ['rejected'] },
    cannot_comply: { by: L, to: ['cannot_comply'] },
    expire: { by: ['system'], to: ['overdue'] },
    withdraw: WITHDRAW
  },
  acknowledged: {
    remove: REMOVE,
    restrict: { by: L, to: ['restricted'] },
    reject: { by: L, to: ['rejected'] },
    cannot_comply: { by: L, to: ['cannot_comply'] },
    expire: { by: ['system'], to: ['overdue'] },
    withdraw: WITHDRAW
  },
  removed: { close: { by: A, to: ['closed'] }, withdraw: WITHDRAW },
  partially_removed: { remove: REMOVE, withdraw: WITHDRAW },
  restricted: { close: { by: A, to: ['closed'] }, withdraw: WITHDRAW },
  rejected: { escalate: { by: A, to: ['escalated'] }, withdraw: WITHDRAW },
  cannot_comply: { clarify: { by: A, to: ['delivered'] }, withdraw: WITHDRAW },
  overdue: {
    remove: REMOVE,
    restrict: { by: L, to: ['restricted'] },
    reject: { by: L, to: ['rejected'] },
    escalate: { by: A, to: ['escalated'] },
    withdraw: WITHDRAW
  },
  escalated: { remove: REMOVE, withdraw: WITHDRAW },
  withdrawn: {},
  closed: {}
}

const ITEMS = ['a', 'b', 'c']

/** Input that passes every field check, so only status and actor decide. */
function wellFormed (status: NoticeStatus, action: NoticeAction, actor: Actor): TransitionInput {
  return {
    status,
    action,
    actor,
    itemIds: ITEMS,
    removedItemIds: status === 'partially_removed' ? ['a'] : [],
    reason: action === 'cannot_comply' ? 'manifest_error' : 'the material is lawful satire',
    detail: 'see the attached court decision'
  }
}

function expectedAllowed (status: NoticeStatus, actor: Actor): NoticeAction[] {
  return NOTICE_ACTIONS.filter(action => EXPECTED[status][action]?.by.includes(actor) === true)
}

t.test('every status x action x actor is decided as the table says', async t => {
  for (const status of NOTICE_STATUSES) {
    t.test(status, async t => {
      for (const action of NOTICE_ACTIONS) {
        for (const actor of ACTORS) {
          const row = EXPECTED[status][action]
          const d = decideTransition(wellFormed(status, action, actor))
          const label = `${status} --${action}/${actor}-->`
          if (row === undefined) {
            t.match(d, { ok: false, error: 'not_allowed', allowed: expectedAllowed(status, actor) }, `${label} not_allowed`)
          } else if (!row.by.includes(actor)) {
            t.match(d, { ok: false, error: 'forbidden', allowed: expectedAllowed(status, actor) }, `${label} forbidden`)
          } else {
            const to = row.to[0]
            const blockingMayBeActive = status === 'escalated' || status === 'partially_removed'
            t.same(d, {
              ok: true,
              to,
              removedItemIds: action === 'remove' ? ITEMS : (status === 'partially_removed' ? ['a'] : []),
              restartsDeadline: action === 'clarify',
              createsBlockingOrder: action === 'escalate',
              liftsBlockingOrder: blockingMayBeActive && (to === 'removed' || to === 'withdrawn'),
              entersHashBank: to === 'removed' || to === 'restricted'
            }, `${label} ${to}`)
          }
        }
      }
    })
  }
})

t.test('allowedActions lists exactly the table rows for the actor', async t => {
  for (const status of NOTICE_STATUSES) {
    for (const actor of ACTORS) {
      t.same(allowedActions(status, actor), expectedAllowed(status, actor), `${status}/${actor}`)
    }
  }
  for (const status of NOTICE_STATUSES) {
    t.same(allowedActions(status, 'admin'), [], `admin may not act on ${status}`)
    t.same(allowedActions(status, 'auditor'), [], `auditor may not act on ${status}`)
  }
})

t.test('only closed and withdrawn are terminal', async t => {
  t.same(NOTICE_STATUSES.filter(isTerminal), ['withdrawn', 'closed'])
})

t.test('the table has one row per action', async t => {
  t.same(TRANSITIONS.map(r => r.action).sort(), [...NOTICE_ACTIONS].sort())
  t.ok(Object.isFrozen(TRANSITIONS))
})

t.test('required fields', async t => {
  const base = (action: NoticeAction, status: NoticeStatus, actor: Actor, extra: Partial<TransitionInput>) =>
    decideTransition({ status, action, actor, itemIds: ITEMS, removedItemIds: [], ...extra })
  const fieldsOf = (d: ReturnType<typeof decideTransition>) => d.ok ? [] : (d.fields ?? []).map(f => f.field)

  t.match(base('reject', 'delivered', 'liaison', {}), { ok: false, error: 'invalid' }, 'reject without reason')
  t.same(fieldsOf(base('reject', 'delivered', 'liaison', { reason: '   ' })), ['reason'], 'blank reason is no reason')
  t.same(fieldsOf(base('withdraw', 'escalated', 'authority', {})), ['reason'], 'withdraw without reason')
  t.same(fieldsOf(base('cannot_comply', 'issued', 'liaison', {})), ['reason', 'detail'], 'cannot_comply without either')
  t.same(fieldsOf(base('cannot_comply', 'issued', 'liaison', { reason: 'too busy', detail: 'x' })), ['reason'],
    'cannot_comply reason outside the list')
  t.same(fieldsOf(base('cannot_comply', 'issued', 'liaison', { reason: 'other', detail: '' })), ['detail'],
    'cannot_comply without detail')
  t.same(fieldsOf(base('clarify', 'cannot_comply', 'authority', {})), ['detail'], 'clarify without detail')
  t.same(fieldsOf(base('restrict', 'issued', 'liaison', { requestedItemIds: ['a'] })), ['items'],
    'a list of items on restrict')
  t.match(base('clarify', 'cannot_comply', 'authority', { detail: 'the URL is the second one' }),
    { ok: true, to: 'delivered', restartsDeadline: true })
  for (const reason of ['force_majeure', 'manifest_error', 'insufficient_information', 'other']) {
    t.match(base('cannot_comply', 'acknowledged', 'liaison', { reason, detail: 'why' }), { ok: true, to: 'cannot_comply' }, reason)
  }
  t.match(base('acknowledge', 'issued', 'liaison', { reason: 'noted' }), { ok: true }, 'an optional reason is accepted')
  t.match(base('reject', 'removed', 'liaison', {}), { ok: false, error: 'not_allowed' },
    'status is checked before fields')
  t.match(base('reject', 'issued', 'authority', {}), { ok: false, error: 'forbidden' },
    'actor is checked before fields')
})

t.test('partial removal', async t => {
  const step = (status: NoticeStatus, removedItemIds: string[], requestedItemIds?: string[]) =>
    decideTransition({ status, action: 'remove', actor: 'liaison', itemIds: ITEMS, removedItemIds, requestedItemIds })

  const one = step('acknowledged', [], ['b'])
  t.match(one, { ok: true, to: 'partially_removed', removedItemIds: ['b'], entersHashBank: false })
  const two = step('partially_removed', ['b'], ['c'])
  t.match(two, { ok: true, to: 'partially_removed', removedItemIds: ['b', 'c'] }, 'still some remain')
  t.match(step('partially_removed', ['b', 'c'], ['a']), { ok: true, to: 'removed', removedItemIds: ITEMS, entersHashBank: true })
  t.match(step('partially_removed', ['b'], undefined), { ok: true, to: 'removed', removedItemIds: ITEMS },
    'no list means every remaining item')
  t.match(step('issued', [], ['c', 'a', 'b']), { ok: true, to: 'removed', removedItemIds: ITEMS }, 'listing all items')
  t.match(step('issued', [], []), { ok: false, error: 'invalid', fields: [{ field: 'items' }] }, 'an empty list is refused')
  t.match(step('partially_removed', ['b'], ['b']), { ok: false, error: 'invalid', fields: [{ field: 'items/0' }] },
    'already removed')
  t.match(step('delivered', [], ['a', 'zz']), { ok: false, error: 'invalid', fields: [{ field: 'items/1' }] }, 'unknown id')
  t.match(step('delivered', [], ['a', 'a']), { ok: false, error: 'invalid', fields: [{ field: 'items/1' }] }, 'duplicate id')

  const fromEscalated = step('escalated', [], ['a'])
  t.match(fromEscalated, { ok: true, to: 'partially_removed', liftsBlockingOrder: false }, 'blocking stays while material remains')
  t.match(step('partially_removed', ['a'], ['b', 'c']), { ok: true, to: 'removed', liftsBlockingOrder: true }, 'lifted once all is gone')
  t.match(step('escalated', [], undefined), { ok: true, to: 'removed', liftsBlockingOrder: true, entersHashBank: true })
  t.match(step('overdue', [], undefined), { ok: true, to: 'removed', liftsBlockingOrder: false })
})

const isAllowedEdge = (from: NoticeStatus, action: NoticeAction, actor: Actor, to: NoticeStatus) =>
  EXPECTED[from][action]?.by.includes(actor) === true && EXPECTED[from][action]?.to.includes(to) === true

const itemIdsArb = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e'), { minLength: 1, maxLength: 5 })
const commandArb = fc.record({
  // Purely random pairs rarely get past 'issued'; half the steps pick a pair the table allows, to go deep.
  guided: fc.boolean(),
  pick: fc.nat(),
  action: fc.constantFrom(...NOTICE_ACTIONS),
  actor: fc.constantFrom(...ACTORS),
  items: fc.option(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'zz'), { maxLength: 4 }), { nil: undefined }),
  reason: fc.constantFrom(undefined, '', 'force_majeure', 'other', 'out of scope'),
  detail: fc.constantFrom(undefined, ' ', 'the second URL is a mirror')
})

t.test('random action sequences stay inside the table', async t => {
  const reached = new Set<NoticeStatus>()
  fc.assert(fc.property(itemIdsArb, fc.array(commandArb, { maxLength: 40 }), (itemIds, commands) => {
    let status: NoticeStatus = 'issued'
    let removed: string[] = []
    for (const command of commands) {
      const c = { ...command }
      const pairs = ACTORS.flatMap(actor => expectedAllowed(status, actor).map(action => ({ action, actor })))
      if (c.guided && pairs.length > 0) Object.assign(c, pairs[c.pick % pairs.length])
      const requestedItemIds = c.action === 'remove' ? c.items : undefined
      const d = decideTransition({ status, action: c.action, actor: c.actor, itemIds, removedItemIds: removed, requestedItemIds, reason: c.reason, detail: c.detail })
      if (isTerminal(status) && d.ok) return false
      if (!d.ok) {
        const row = EXPECTED[status][c.action]
        const kind = row === undefined ? 'not_allowed' : row.by.includes(c.actor) ? 'invalid' : 'forbidden'
        if (d.error !== kind) return false
        if (JSON.stringify(d.allowed) !== JSON.stringify(expectedAllowed(status, c.actor))) return false
        continue
      }
      if (!(NOTICE_STATUSES as readonly string[]).includes(d.to)) return false
      if (!isAllowedEdge(status, c.action, c.actor, d.to)) return false
      if (!removed.every(id => d.removedItemIds.includes(id))) return false
      if (!d.removedItemIds.every(id => itemIds.includes(id))) return false
      if (new Set(d.removedItemIds).size !== d.removedItemIds.length) return false
      if (c.action === 'remove' && (d.to === 'removed') !== (d.removedItemIds.length === itemIds.length)) return false
      if (c.action !== 'remove' && d.removedItemIds.length !== removed.length) return false
      status = d.to
      removed = d.removedItemIds
      reached.add(status)
      if (status === 'partially_removed' && (removed.length === 0 || removed.length === itemIds.length)) return false
    }
    return true
  }), { numRuns: 2000 })
  t.pass('2000 random sequences held every invariant')
  t.same([...reached].sort(), NOTICE_STATUSES.filter(s => s !== 'issued').sort(), 'the sequences reached every status')
})

t.test('terminal statuses refuse everything, whoever asks and however well-formed', async t => {
  fc.assert(fc.property(
    fc.constantFrom<NoticeStatus>('closed', 'withdrawn'), commandArb, itemIdsArb,
    (status, c, itemIds) => {
      const d = decideTransition({ status, action: c.action, actor: c.actor, itemIds, removedItemIds: [], requestedItemIds: c.items, reason: c.reason, detail: c.detail })
      return !d.ok && d.error === 'not_allowed' && d.allowed.length === 0
    }), { numRuns: 1000 })
  t.pass('no way out of closed or withdrawn')
})

t.test('every action offered as allowed succeeds with well-formed input', async t => {
  fc.assert(fc.property(fc.constantFrom(...NOTICE_STATUSES), fc.constantFrom(...ACTORS), (status, actor) => {
    return allowedActions(status, actor).every(action => decideTransition(wellFormed(status, action, actor)).ok)
  }))
  t.pass('allowed lists are honest')
})

t.test('the status sets the service asks about are read off the table', async (t) => {
  t.same([...OPEN_STATUSES].sort(), ['acknowledged', 'cannot_comply', 'delivered', 'escalated', 'issued', 'overdue', 'partially_removed', 'rejected'])
  t.same([...EXPIRABLE_STATUSES].sort(), ['acknowledged', 'delivered', 'issued'])
  t.same([...DELIVERABLE_STATUSES], ['issued'])
  t.same([...MATERIAL_ACTED_ON_STATUSES].sort(), ['closed', 'escalated', 'partially_removed', 'removed', 'restricted'])
  t.same([...TERMINAL_STATUSES].sort(), ['closed', 'withdrawn'])
  for (const status of NOTICE_STATUSES) {
    // Open and terminal never overlap, and every status is open, terminal or awaiting the authority's close.
    t.notOk(OPEN_STATUSES.includes(status) && TERMINAL_STATUSES.includes(status), status)
    t.ok(OPEN_STATUSES.includes(status) || TERMINAL_STATUSES.includes(status) || MATERIAL_GONE_STATUSES.includes(status), status)
    t.equal(isTerminal(status), allowedActions(status, 'authority').length + allowedActions(status, 'liaison').length + allowedActions(status, 'system').length === 0, status)
  }
})
