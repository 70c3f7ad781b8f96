// Central crops of decoded RGB images, so a removed image can be banked as it would look cropped on re-upload.
import type { RgbImage } from './pdq.ts'

/** The centred region keeping `percent` of each dimension (rounded to whole pixels, at least 1). */
export function centreCrop (image: RgbImage, percent: number): RgbImage {
  if (!(percent > 0 && percent <= 100)) throw new RangeError('percent must be in (0, 100]')
  const width = Math.max(1, Math.round(image.width * percent / 100))
  const height = Math.max(1, Math.round(image.height * percent / 100))
  const left = Math.floor((image.width - width) / 2)
  const top = Math.floor((image.height - height) / 2)
  return cropRgb(image, left, top, width, height)
}

export function cropRgb (image: RgbImage, left: number, top: number, width: number, height: number): RgbImage {
  if (left < 0 || top < 0 || width < 0 || height < 0 || left + width > image.width || top + height > image.height) {
    throw new RangeError('crop region lies outside the image')
  }
  const data = new Uint8Array(width * height * 3)
  const rowBytes = width * 3
  for (let y = 0; y < height; y++) {
    const from = ((top + y) * image.width + left) * 3
    data.set(image.data.subarray(from, from + rowBytes), y * rowBytes)
  }
  return { width, height, data }
}
