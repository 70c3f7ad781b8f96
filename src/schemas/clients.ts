// The API-client resource's contract.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { ROLES } from '../domain/vocabulary.ts'
import { PageQuery, Text, Timestamp, Uuid } from './common.ts'

export const RoleSchema = Type.Enum(ROLES, { description: 'What the client may do' })

const ClientFields = {
  id: Uuid,
  name: Type.String(),
  role: RoleSchema,
  platform: Type.Union([Type.String(), Type.Null()], {
    description: 'The platform a liaison acts for; null for other roles'
  }),
  keyPrefix: Type.String({ description: 'Identifies the key in listings; the key itself is never shown again' }),
  createdAt: Timestamp,
  revokedAt: Type.Union([Timestamp, Type.Null()])
}

export const Client = named('Client', Type.Object(ClientFields))

export const CreatedClient = named('CreatedClient', Type.Object({
  ...ClientFields,
  apiKey: Type.String({ description: 'The bearer key, shown only in this response' })
}))

export const CreateClientBody = Type.Object({
  name: Text({ minLength: 1, maxLength: 200 }),
  role: RoleSchema,
  platform: Type.Optional(Text({
    minLength: 1, maxLength: 40, description: 'Required for liaisons, refused for other roles'
  }))
}, { additionalProperties: false })

export const ListClientsQuery = Type.Object(PageQuery, { additionalProperties: false })

export type ClientView = Static<typeof Client>
export type CreateClientInput = Static<typeof CreateClientBody>
