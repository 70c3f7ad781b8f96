// The JWK Set of the notice-signing keys' public halves.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'

export const Jwk = named('Jwk', Type.Object({
  kty: Type.String(),
  crv: Type.String(),
  x: Type.String(),
  kid: Type.String(),
  alg: Type.String(),
  use: Type.String()
}))

export const JwkSet = Type.Object({ keys: Type.Array(Jwk) })

export type JwkView = Static<typeof Jwk>
