// Decodes uploaded image bytes to full-resolution RGB and hashes them: the impure edge around domain/pdq.ts.
import sharp from 'sharp'
import { md5Hex, sha256Hex } from '../domain/matching/digests.ts'
import { pdqFromRgb, type Orientation, type RgbImage } from '../domain/matching/pdq.ts'

export type MediaErrorCode = 'unsupported_media' | 'corrupt_media'

/** Thrown for bytes that are not a supported raster image (HTTP 415) or a damaged one (HTTP 422). */
export class UnsupportedMediaError extends Error {
  readonly code: MediaErrorCode

  constructor (code: MediaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UnsupportedMediaError'
    this.code = code
  }
}

export interface DecodeOptions {
  // The float buffers PDQ needs cost 8 bytes per pixel on top of the 3 of RGB, so bound the input.
  maxPixels?: number
}

export const DEFAULT_MAX_PIXELS = 50_000_000

// Raster formats only: SVG and PDF have no stored pixels and would run large renderers on untrusted input.
const RASTER_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'tiff', 'heif', 'avif', 'jp2'])

/**
 * Full-resolution RGB as PDQ specifies: no EXIF auto-rotation (sharp only rotates when asked), alpha dropped
 * without compositing, greyscale and palette expanded to RGB, embedded ICC profiles ignored as the reference does.
 */
export async function decodeImageForPdq (bytes: Uint8Array, options: DecodeOptions = {}): Promise<RgbImage> {
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS
  if (bytes.length === 0) throw new UnsupportedMediaError('unsupported_media', 'empty file')
  let format: string | undefined
  let width = 0
  let height = 0
  try {
    const meta = await sharp(bytes).metadata()
    format = meta.format
    width = meta.width ?? 0
    height = meta.height ?? 0
  } catch (err) {
    const message = firstLine(err)
    if (/unsupported image format/i.test(message)) {
      throw new UnsupportedMediaError('unsupported_media', 'not a recognised image format', { cause: err })
    }
    throw new UnsupportedMediaError('corrupt_media', `unreadable image: ${message}`, { cause: err })
  }
  if (format === undefined || !RASTER_FORMATS.has(format)) {
    throw new UnsupportedMediaError('unsupported_media', `unsupported image format: ${format ?? 'unknown'}`)
  }
  if (width * height > maxPixels) {
    throw new UnsupportedMediaError('unsupported_media', `image of ${width}x${height} exceeds ${maxPixels} pixels`)
  }
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', ignoreIcc: true, limitInputPixels: maxPixels })
      .removeAlpha()
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    if (info.channels !== 3) throw new Error(`decoder produced ${info.channels} channels`)
    return { width: info.width, height: info.height, data }
  } catch (err) {
    throw new UnsupportedMediaError('corrupt_media', `corrupt ${format} image: ${firstLine(err)}`, { cause: err })
  }
}

export interface MediaHashes {
  sha256: string
  md5: string
  pdq: { hash: string, quality: number }
  variants: Record<Orientation, string>
}

/** Every hash the gateway records for an uploaded image. */
export async function hashMedia (bytes: Uint8Array, options: DecodeOptions = {}): Promise<MediaHashes> {
  const image = await decodeImageForPdq(bytes, options)
  const { hash, quality, variants } = pdqFromRgb(image)
  return { sha256: sha256Hex(bytes), md5: md5Hex(bytes), pdq: { hash, quality }, variants }
}

// libvips joins its whole warning log into the message; the first line is the cause.
function firstLine (err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return message.split('\n')[0].trim()
}
