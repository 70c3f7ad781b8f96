// ESLint: neostandard (the `standard` style the code is written in, with TypeScript rules), run by `npm run lint`
// and in CI.
import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'coverage/**', '.tap/**', 'data/**', 'src/client/schema.ts'] })
]
