// The public keys of every notice-signing key, current and retired: keys are never removed, so old notices stay
// verifiable.
import type { Database } from '../db/index.ts'
import { listSigningKeys } from '../repositories/notices.ts'
import type { JwkView } from '../schemas/jwks.ts'

export async function publicKeySet (db: Database): Promise<{ keys: JwkView[] }> {
  const keys = await listSigningKeys(db)
  return { keys: keys.map((k) => k.publicJwk as JwkView) }
}
