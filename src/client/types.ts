// Types derived from the generated `paths`: which operations list, create or answer conditionally, and what they
// answer.
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch'
import type { components, paths } from './schema.ts'

export type { paths }
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** The paths that have an operation for the method. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never
}[keyof paths]

export type Operation<P extends PathsWith<M>, M extends Method> = paths[P][M]

/** What an operation takes besides the path: `params` (path, query, header), `body`, `signal`, `headers`... */
export type Init<P extends PathsWith<M>, M extends Method> = MaybeOptionalInit<paths[P], M>

/** The init argument, optional when the operation needs nothing, with the client's own options added. */
export type InitArgs<P extends PathsWith<M>, M extends Method, Extra = object> =
  undefined extends Init<P, M> ? [init?: NonNullable<Init<P, M>> & Extra] : [init: Init<P, M> & Extra]

/** The parsed body of a successful answer. */
export type Data<P extends PathsWith<M>, M extends Method> = Operation<P, M> extends Record<string | number, any>
  ? NonNullable<FetchResponse<Operation<P, M>, object, `${string}/${string}`>['data']>
  : never

type HeaderOf<O> = O extends { parameters: { header?: infer H } } ? NonNullable<H> : never
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never

/** POST operations that create something and accept an Idempotency-Key. */
export type CreatePaths = {
  [P in PathsWith<'post'>]: [HeaderOf<Operation<P, 'post'>>] extends [never]
    ? never
    : [Extract<Lowercase<keyof HeaderOf<Operation<P, 'post'>> & string>, 'idempotency-key'>] extends [never] ? never : P
}[PathsWith<'post'>]

/** GET lists answering `{ data, nextCursor }` that take a `cursor`. */
export type ListPaths = {
  [P in PathsWith<'get'>]: [QueryOf<Operation<P, 'get'>>] extends [never]
    ? never
    : 'cursor' extends keyof QueryOf<Operation<P, 'get'>>
      ? Data<P, 'get'> extends { data: unknown[], nextCursor: string | null } ? P : never
      : never
}[PathsWith<'get'>]

export type Page<P extends ListPaths> = Extract<Data<P, 'get'>, { data: unknown[] }>
export type Item<P extends ListPaths> = Page<P> extends { data: Array<infer I> } ? I : never

/** A conditional read: either nothing changed since the tag you gave, or the new representation and its tag. */
export type Conditional<T> =
  | { notModified: true, etag: string }
  | { notModified: false, data: T, etag: string | null }

/** The change feed's query without `after` and `wait`, which the iterator manages. */
export type FeedQuery = Omit<QueryOf<Operation<'/v1/events', 'get'>>, 'after' | 'wait'>
export type FeedEvent = Extract<Data<'/v1/events', 'get'>, { data: unknown[] }>['data'][number]

/** A named schema of the contract (`Schema<'Notice'>`, `Schema<'Problem'>`...). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N]
