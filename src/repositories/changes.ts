// Announces a change to every gateway process (PostgreSQL NOTIFY): their caches of the topic are cleared at once.
import { sql } from 'drizzle-orm'
import type { Executor } from '../db/index.ts'
import { CHANGES_CHANNEL } from '../db/control-channel.ts'

export type ChangeTopic = 'clients' | 'platforms' | 'legal-bases'

/** Inside a transaction the announcement goes out with the commit (and not at all on a rollback). */
export async function announceChange (db: Executor, topic: ChangeTopic): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${topic})`)
}
