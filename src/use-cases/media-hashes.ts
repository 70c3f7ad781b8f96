// Hashing uploaded media without keeping it: decode errors become 415/422 problems, the bytes go nowhere else.
import { UnsupportedMediaError, decodeImageForPdq, hashMedia, type MediaHashes } from '../media/decode-image.ts'
import type { RgbImage } from '../domain/pdq.ts'
import { AppError } from '../lib/errors.ts'

/** The raster types a media upload may declare; the decoder then checks what the bytes really are. */
export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff'] as const
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024

export function mediaProblem (error: unknown): unknown {
  if (!(error instanceof UnsupportedMediaError)) return error
  return error.code === 'unsupported_media'
    ? new AppError('unsupported_media_type', 'Unsupported media type', `${error.message}; send a JPEG, PNG, WebP, GIF or TIFF image`)
    : new AppError('unprocessable', 'Unreadable image', error.message)
}

/** A body the image parser did not produce (JSON, text) is simply not an image. */
export function imageBytes (body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError('unsupported_media_type', 'Unsupported media type', `send the image itself as the body, with Content-Type ${IMAGE_CONTENT_TYPES.join(', ')}`)
  }
  return body
}

export async function hashUpload (body: unknown): Promise<MediaHashes> {
  try {
    return await hashMedia(imageBytes(body))
  } catch (error) {
    throw mediaProblem(error)
  }
}

export async function decodeUpload (body: unknown): Promise<{ bytes: Buffer, image: RgbImage }> {
  const bytes = imageBytes(body)
  try {
    return { bytes, image: await decodeImageForPdq(bytes) }
  } catch (error) {
    throw mediaProblem(error)
  }
}
