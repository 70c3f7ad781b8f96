// Where the reference vectors are: the subset carried in test/vectors (README there), or a complete copy named by
// VECTORS_DIR (`npm run test:vectors -- <folder>`), laid out the same way.
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = process.env.VECTORS_DIR !== undefined && process.env.VECTORS_DIR !== ''
  ? path.resolve(process.env.VECTORS_DIR)
  : path.resolve(import.meta.dirname, '../vectors')

/** The PDQ vectors folder, as a file URL ending in a slash. */
export const PDQ_VECTORS = pathToFileURL(path.join(root, 'pdq') + path.sep)
/** The vPDQ vectors folder, as a file URL ending in a slash. */
export const VPDQ_VECTORS = pathToFileURL(path.join(root, 'vpdq') + path.sep)
/** A file of the vPDQ vectors, as a path. */
export const vpdqVector = (relative: string): string => path.join(root, 'vpdq', relative)
