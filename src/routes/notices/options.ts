// What every notice operation is given when the resource registers it.
import type { Database } from '../../use-cases/database.ts'
import type { Sequencer } from '../../jobs/sequencer.ts'
import type { TransitionHooks } from '../../use-cases/transition-notice.ts'
import type { NoticeRenderer } from '../../render/notice-renderer.ts'

export interface NoticeRouteOptions {
  db: Database
  hooks: TransitionHooks
  sequencer: Sequencer
  renderer: NoticeRenderer
  /** Tells this process's delivery worker there is something to send. */
  nudgeDeliveries: () => void
}

export const READERS = ['authority', 'auditor', 'liaison'] as const
