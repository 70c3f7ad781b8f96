// The database handle the routes are given and hand on to the use cases: a route never queries it itself.
export type { Database } from '../db/index.ts'
