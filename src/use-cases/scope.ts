// What a caller may see: a liaison its own platform's notices, orders and events; every other role all platforms'.
import type { Principal } from '../repositories/clients.ts'

/** The platform a caller is confined to: a liaison's own; every other role sees all platforms (null). */
export function platformScope (principal: Principal): string | null {
  return principal.role === 'liaison' ? principal.platform : null
}
