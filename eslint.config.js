// ESLint: neostandard (the `standard` style the code is written in, with TypeScript rules), run by `npm run lint`
// and in CI.
import neostandard, { plugins } from 'neostandard'

export default [
  // The build's output, local state and the generated client types are not linted.
  { ignores: ['dist/**', 'coverage/**', '.tap/**', 'data/**', 'src/client/schema.ts'] },
  ...neostandard({ ts: true }),
  {
    rules: {
      // `void promise` marks a promise left to run on purpose (its errors handled inside), as a statement only.
      'no-void': ['error', { allowAsStatement: true }]
    }
  },
  {
    // The service's code reads on a 120-column screen; the generated client types are exempt (ignored above).
    files: ['src/**/*.ts'],
    plugins: { '@stylistic': plugins['@stylistic'] },
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }]
    }
  }
]
