// What the gateway tells its operator at start: settings that are still placeholders.
import type { Database } from '../db/index.ts'
import { listPlatforms } from '../repositories/platforms.ts'
import { hasPlaceholderContacts } from '../domain/platforms.ts'

/** Slugs of the platforms whose contact details are still the seeded placeholders. */
export async function platformsWithPlaceholderContacts (db: Database): Promise<string[]> {
  return (await listPlatforms(db)).filter(hasPlaceholderContacts).map((platform) => platform.slug)
}
