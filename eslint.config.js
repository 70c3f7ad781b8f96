// ESLint: neostandard (the `standard` style the code is written in, with TypeScript rules), run by `npm run lint`
// and in CI.
import neostandard from 'neostandard'

export default [
  ...neostandard({ ts: true, ignores: ['dist/**', 'coverage/**', '.tap/**', 'data/**', 'src/client/schema.ts'] }),
  {
    rules: {
      // `void promise` marks a promise left to run on purpose (its errors handled inside), as a statement only.
      'no-void': ['error', { allowAsStatement: true }]
    }
  }
]
