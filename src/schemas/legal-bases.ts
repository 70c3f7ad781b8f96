// The legal-basis catalogue's contract: provisions a notice can cite, in the state languages and English.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'
import { Text, Timestamp } from './common.ts'

// What a caller sends is held to the text rule; what is answered is shown as stored.
const Texts = (max: number, string = Type.String) => Type.Object({
  kk: string({ minLength: 1, maxLength: max }),
  ru: string({ minLength: 1, maxLength: max }),
  en: string({ minLength: 1, maxLength: max })
}, { additionalProperties: false })

export const LegalBasis = named('LegalBasis', Type.Object({
  id: Type.String(),
  citation: Type.String(),
  citations: Type.Object({ kk: Type.String(), ru: Type.String(), en: Type.String() }, {
    description: 'The citation as each notice language prints it (the one `citation` ' +
      'in every language where none were given)'
  }),
  title: Texts(1000),
  text: Texts(20000),
  version: Type.Integer(),
  updatedAt: Timestamp
}))

export const CreateLegalBasisBody = Type.Object({
  id: Type.String({
    pattern: '^[a-z0-9][a-z0-9-]{1,79}$', maxLength: 80, description: 'A stable slug, e.g. kz-communications-41-1'
  }),
  citation: Text({ minLength: 1, maxLength: 1000 }),
  citations: Type.Optional(Texts(1000, Text)),
  title: Texts(1000, Text),
  text: Texts(20000, Text)
}, { additionalProperties: false })

export const UpdateLegalBasisBody = Type.Object({
  citation: Type.Optional(Text({ minLength: 1, maxLength: 1000 })),
  citations: Type.Optional(Texts(1000, Text)),
  title: Type.Optional(Texts(1000, Text)),
  text: Type.Optional(Texts(20000, Text))
}, { additionalProperties: false, minProperties: 1 })

export const LegalBasisIdParams = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,79}$', maxLength: 80 })
}, { additionalProperties: false })

/** The whole catalogue in one answer (`nextCursor` is always null). */
export const LegalBasisCatalogue = Type.Object({ data: Type.Array(LegalBasis), nextCursor: Type.Null() })

export type LegalBasisView = Static<typeof LegalBasis>
