// Hash-bank vocabulary and rules: which values each hash type accepts, list names, labels, crop fractions.
import { HASH_KINDS, type HashKind } from '../vocabulary.ts'
import { textProblem } from '../../lib/text-controls.ts'

export const HASH_HEX_LENGTH: Record<HashKind, number> = { sha256: 64, md5: 32, pdq: 64 }

export const NOTICE_SOURCE = 'notice'
export const MAX_LABELS = 20
export const MAX_LABEL_LENGTH = 100
/** List names become the `source` of their entries; 'notice' is the gateway's own and cannot be imported. */
export const LIST_NAME_PATTERN = /^[a-z0-9][a-z0-9._:-]{0,79}$/
// ';' separates labels in CSV, so no label may hold one in any format; control characters never belong in a label.
const LABEL_PATTERN = /^[^;\p{Cc}]+$/u
const HEX = /^[0-9a-fA-F]+$/

export function isHashKind (s: unknown): s is HashKind {
  return typeof s === 'string' && (HASH_KINDS as readonly string[]).includes(s)
}

/** The stored form of a value (lower-case hex of the type's length), or why it is not one. */
export function normaliseHashValue (type: HashKind, value: string): { value: string } | { problem: string } {
  const length = HASH_HEX_LENGTH[type]
  if (value.length !== length || !HEX.test(value)) return { problem: `a ${type} value is ${length} hex digits` }
  return { value: value.toLowerCase() }
}

export function labelProblem (labels: readonly unknown[]): string | null {
  if (labels.length > MAX_LABELS) return `at most ${MAX_LABELS} labels`
  for (const label of labels) {
    if (typeof label !== 'string' || label.length === 0 || label.length > MAX_LABEL_LENGTH ||
      !LABEL_PATTERN.test(label) || textProblem(label) !== null) {
      return `a label is 1 to ${MAX_LABEL_LENGTH} characters without ';', control characters or an unclosed ` +
        'bidirectional control'
    }
  }
  return null
}

export function isImportableListName (name: string): boolean {
  return LIST_NAME_PATTERN.test(name) && name !== NOTICE_SOURCE
}

/**
 * Central crops banked beside a removed image's own PDQ. A crop's PDQ only matches re-uploads cropped to within
 * 2-3 points of it, so the levels are dense where crops are common: 90% is 5% off each border. With only
 * 90/80/70, crops of 2% and 8% per border were all missed (bench/crops.ts measures both sets).
 */
export const BANKED_CROP_PERCENTS = [96, 92, 90, 88, 84, 80, 75, 70] as const
export const cropLabel = (percent: number): string => `crop:${percent}`
/**
 * The label of a vpdq entry made of a video's frames without their uniform borders (beside the entry of the frames
 * as they are).
 */
export const TRIMMED_LABEL = 'trimmed'
