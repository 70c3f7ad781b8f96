// The eight dihedral orientations of a PDQ hash known only as bits (no pixels): transpose and invert, per docs/pdq.md.
import { ORIENTATIONS, isPdqHex, isTransposed, keepsSign, type Orientation } from './pdq.ts'

/**
 * docs/pdq.md derives the variants from the DCT coefficients B and re-thresholds each against its own median. From bits
 * alone only the sign pattern is known, so a negated coefficient is taken to flip its bit. The median sits near
 * zero, so this lands within a few bits of the pixel-derived variant (0-28 on the reference vectors, typically
 * under 16): good enough to let hash-only callers match mirrored and rotated re-uploads, less exact than media.
 */
export function pdqVariantsFromHash (hex: string): Record<Orientation, string> {
  if (!isPdqHex(hex)) throw new TypeError('not a PDQ hash (64 hex digits expected)')
  const bits = new Uint8Array(256)
  for (let i = 0; i < 16; i++) {
    const word = parseInt(hex.slice((15 - i) * 4, (15 - i) * 4 + 4), 16)
    for (let j = 0; j < 16; j++) bits[i * 16 + j] = (word >> j) & 1
  }
  const out = {} as Record<Orientation, string>
  for (const orientation of ORIENTATIONS) out[orientation] = toHex(transform(bits, orientation))
  return out
}

// Same table as pdq.ts's dihedral(), on bits: where the coefficient keeps its sign the bit stays, else it inverts.
function transform (bits: Uint8Array, orientation: Orientation): Uint8Array {
  const out = new Uint8Array(256)
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
      const bit = bits[i * 16 + j]
      out[isTransposed(orientation) ? j * 16 + i : i * 16 + j] = keepsSign(orientation, i, j) ? bit : 1 - bit
    }
  }
  return out
}

function toHex (bits: Uint8Array): string {
  let hex = ''
  for (let i = 15; i >= 0; i--) {
    let word = 0
    for (let j = 0; j < 16; j++) if (bits[i * 16 + j] === 1) word |= 1 << j
    hex += word.toString(16).padStart(4, '0')
  }
  return hex
}
