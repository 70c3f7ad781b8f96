// The OpenAPI lint: Spectral's OpenAPI rules and its OWASP API-security ruleset, resolved from node_modules.
import { oas } from '@stoplight/spectral-rulesets'
import owasp from '@stoplight/spectral-owasp-ruleset'

// OWASP API4 (unrestricted resource consumption) bounds what a caller can send. The ruleset applies it to every
// schema, responses included; here it applies to everything a request carries — bodies, parameters, headers —
// with the same checks and severity. Response sizes are bounded by the request limits and page sizes.
const REQUEST_PARTS = [
  '$.paths[*][*].requestBody..',
  '$.paths[*][*].parameters..'
]
const inRequests = (predicate) => REQUEST_PARTS.map((part) => `${part}[?(${predicate})]`)
const owaspRule = (name) => owasp.rules[name]

export default {
  extends: [[oas, 'recommended'], [owasp, 'recommended']],
  rules: {
    // The callers are servers and scripts, never browsers on other origins: the gateway sends no CORS headers
    // at all, which makes browsers refuse cross-origin reads — the safe default this rule exists to protect.
    'owasp:api8:2023-define-cors-origin': 'off',
    'owasp:api4:2023-string-limit': { ...owaspRule('owasp:api4:2023-string-limit'), given: inRequests('@ && @.type=="string"') },
    'owasp:api4:2023-string-restricted': { ...owaspRule('owasp:api4:2023-string-restricted'), given: inRequests('@ && @.type=="string"') },
    'owasp:api4:2023-array-limit': { ...owaspRule('owasp:api4:2023-array-limit'), given: inRequests('@ && @.type=="array"') },
    'owasp:api4:2023-integer-limit': { ...owaspRule('owasp:api4:2023-integer-limit'), given: inRequests('@ && @.type=="integer"') },
    'owasp:api4:2023-integer-format': { ...owaspRule('owasp:api4:2023-integer-format'), given: inRequests('@ && @.type=="integer"') }
  },
  overrides: [
    {
      // Liveness, readiness and the public signing keys are served to anyone and deliberately not rate limited; the metrics
      // (auditor and admin keys) are scraped outside /v1, where no rate limit applies either.
      files: ['openapi/openapi.json#/paths/~1health~1live', 'openapi/openapi.json#/paths/~1metrics', 'openapi/openapi.json#/paths/~1health~1ready', 'openapi/openapi.json#/paths/~1.well-known~1jwks.json'],
      rules: { 'owasp:api4:2023-rate-limit': 'off', 'owasp:api4:2023-rate-limit-responses-429': 'off', 'owasp:api8:2023-define-error-responses-401': 'off', 'owasp:api8:2023-define-error-validation': 'off' }
    },
    {
      // The response page is authorised by its link, a capability its e-mail hands to the platform (only its digest
      // is stored; revocable; 410 once the notice closes), and its forms by a token bound to the page's version: no
      // security scheme can describe a secret in the path, and the page answers HTML to a browser, never 401.
      files: ['openapi/openapi.json#/paths/~1respond~1%7Blink%7D'],
      rules: { 'owasp:api2:2023-write-restricted': 'off', 'owasp:api2:2023-read-restricted': 'off', 'owasp:api8:2023-define-error-responses-401': 'off' }
    }
  ]
}
