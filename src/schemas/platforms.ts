// The platform catalogue's contract.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { Text, Timestamp } from './common.ts'

const LegalEntity = Type.Object({ name: Type.String(), country: Type.String(), address: Type.String() })
const Representative = Type.Object({ name: Type.String(), email: Type.String() })
const Channels = Type.Object({
  webhookUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  portal: Type.Union([Type.String(), Type.Null()])
})
const Deadlines = Type.Object({
  normalHours: Type.Integer({
    minimum: 1, maximum: 720, description: 'Hours a platform has to act on a normal notice'
  }),
  urgentHours: Type.Integer({
    minimum: 1, maximum: 720, description: 'Hours for an urgent notice (re-uploads are urgent)'
  })
})

export const Platform = named('Platform', Type.Object({
  slug: Type.String(),
  name: Type.String(),
  legalEntity: LegalEntity,
  legalRepresentative: Type.Union([Representative, Type.Null()]),
  hosts: Type.Array(Type.String()),
  urlPatterns: Type.Array(Type.String()),
  channels: Channels,
  languages: Type.Array(Type.String()),
  deadlines: Deadlines,
  version: Type.Integer(),
  updatedAt: Timestamp
}))

const Short = (max: number) => Text({ minLength: 1, maxLength: max })

export const UpdatePlatformBody = Type.Object({
  name: Type.Optional(Short(200)),
  legalEntity: Type.Optional(Type.Object({
    name: Short(300),
    country: Type.String({ pattern: '^[A-Z]{2}$', maxLength: 2 }),
    address: Short(500)
  }, { additionalProperties: false })),
  legalRepresentative: Type.Optional(Type.Union([
    Type.Object({
      name: Short(300),
      email: Type.String({ format: 'email', maxLength: 300 })
    }, { additionalProperties: false }),
    Type.Null()
  ])),
  channels: Type.Optional(Type.Object({
    webhookUrl: Type.Union([Type.String({ format: 'uri', pattern: '^https://', maxLength: 2000 }), Type.Null()]),
    email: Type.Union([Type.String({ format: 'email', maxLength: 300 }), Type.Null()]),
    portal: Type.Union([Type.String({ format: 'uri', maxLength: 2000 }), Type.Null()])
  }, { additionalProperties: false })),
  languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2}$', maxLength: 2 }), {
    minItems: 1, maxItems: 10, uniqueItems: true
  })),
  deadlines: Type.Optional(Type.Object({
    normalHours: Type.Integer({ format: 'int32', minimum: 1, maximum: 720 }),
    urgentHours: Type.Integer({ format: 'int32', minimum: 1, maximum: 720 })
  }, { additionalProperties: false }))
}, { additionalProperties: false, minProperties: 1 })

export const PlatformSlugParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9-]{1,40}$', maxLength: 40 })
}, { additionalProperties: false })

/** The whole catalogue in one answer (`nextCursor` is always null). */
export const PlatformCatalogue = Type.Object({ data: Type.Array(Platform), nextCursor: Type.Null() })

export type PlatformView = Static<typeof Platform>
export type UpdatePlatformInput = Static<typeof UpdatePlatformBody>
