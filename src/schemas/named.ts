// Named schemas: each is components.schemas.<name> in the OpenAPI document (a named type in generated clients) and
// is referenced by name wherever it appears, in responses and inside other named schemas.
import { Type, type Static, type TSchema, type TUnsafe } from 'typebox'

const registry: Array<TSchema & { $id: string }> = []

/**
 * Registers the schema under `name` and returns a reference to it that keeps its static type, so handlers are
 * still checked against the shape. The app adds every registered schema (app.addSchema) before any route.
 */
export function named<T extends TSchema> (name: string, schema: T): TUnsafe<Static<T>> {
  if (registry.some((s) => s.$id === name)) throw new Error(`two schemas are named ${name}`)
  registry.push({ ...schema, $id: name })
  return Type.Unsafe<Static<T>>({ $ref: name })
}

/** Every named schema, in the order the schema modules declared them. */
export function namedSchemas (): ReadonlyArray<TSchema & { $id: string }> {
  return registry
}
