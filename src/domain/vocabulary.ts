// The product's closed vocabularies, each one literal list in one place: schemas and types derive from these.

export const ROLES = ['authority', 'liaison', 'auditor', 'admin'] as const
export type Role = typeof ROLES[number]

export const CATEGORIES = [
  'terrorism', 'extremism', 'violence', 'pornography', 'child_sexual_abuse',
  'suicide', 'drugs', 'cyberbullying', 'fraud', 'other'
] as const
export type Category = typeof CATEGORIES[number]

export const CONTENT_TYPES = ['text', 'image', 'video', 'audio', 'account', 'link', 'other'] as const
export type ContentType = typeof CONTENT_TYPES[number]

export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = typeof URGENCIES[number]

export const NOTICE_STATUSES = [
  'issued', 'delivered', 'acknowledged', 'removed', 'partially_removed', 'restricted',
  'rejected', 'cannot_comply', 'overdue', 'escalated', 'withdrawn', 'closed'
] as const
export type NoticeStatus = typeof NOTICE_STATUSES[number]

export const NOTICE_ACTIONS = [
  'deliver', 'acknowledge', 'remove', 'restrict', 'reject', 'cannot_comply',
  'clarify', 'expire', 'escalate', 'withdraw', 'close'
] as const
export type NoticeAction = typeof NOTICE_ACTIONS[number]

export const CANNOT_COMPLY_REASONS = ['force_majeure', 'manifest_error', 'insufficient_information', 'other'] as const

export const HASH_KINDS = ['sha256', 'md5', 'pdq'] as const
export type HashKind = typeof HASH_KINDS[number]
/** What the hash bank holds: the single-value kinds, and vpdq (a video's list of frame hashes, keyed by its digest). */
export const BANK_ENTRY_TYPES = [...HASH_KINDS, 'vpdq'] as const
export type BankEntryType = typeof BANK_ENTRY_TYPES[number]

/** The EU DSA Transparency Database vocabulary each category maps onto, so statistics and exports line up. */
export const DSA_CATEGORY: Record<Category, { category: string, keyword: string | null }> = {
  terrorism: { category: 'RISK_FOR_PUBLIC_SECURITY', keyword: 'KEYWORD_TERRORIST_CONTENT' },
  extremism: { category: 'ILLEGAL_OR_HARMFUL_SPEECH', keyword: 'KEYWORD_ILLEGAL_ORGANIZATIONS' },
  violence: { category: 'VIOLENCE', keyword: null },
  pornography: { category: 'PROTECTION_OF_MINORS', keyword: null },
  child_sexual_abuse: { category: 'PROTECTION_OF_MINORS', keyword: 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL' },
  suicide: { category: 'SELF_HARM', keyword: 'KEYWORD_SUICIDE' },
  drugs: { category: 'UNSAFE_AND_PROHIBITED_PRODUCTS', keyword: 'KEYWORD_PROHIBITED_PRODUCTS' },
  cyberbullying: { category: 'CYBER_VIOLENCE', keyword: 'KEYWORD_CYBER_BULLYING_INTIMIDATION' },
  fraud: { category: 'SCAMS_AND_FRAUD', keyword: null },
  other: { category: 'OTHER_VIOLATION_TC', keyword: null }
}
