// Shape of a row in the URL recognition tables: what a user pastes and what recognition must answer.
import type { PlatformSlug } from '../../../src/domain/platforms.ts'

export type Case = [input: string, platform: PlatformSlug, canonicalUrl: string, identifiers: Record<string, string>]
