// The layers point one way: routes -> use cases -> repositories and domain. This test reads every import in src/
// and fails on one that points the wrong way. Every folder (and every file) directly under src/ has a rule of its
// own below; one without a rule fails the test, so a new folder is placed in the layering when it is added.
//
// The rules:
// 1. Each part of src/ names the other parts it may import (its own is always allowed), type-only imports
//    included. Repositories import only the database, the domain and src/lib/: never use cases, jobs or anything
//    that serves HTTP. The typed client (src/client/) stands alone: it is published to other programs.
// 2. Nothing below the HTTP layer (everything but src/routes/, src/plugins/ and the app that registers them)
//    imports the HTTP framework (fastify, @fastify/*): below the routes, code throws AppError (src/lib/errors.ts)
//    and the problems plugin alone knows HTTP statuses. (src/lib/route-hooks.ts may import fastify's types: it is
//    how routes attach hooks, and nothing below the routes imports it.)
// 3. src/domain/ imports only src/domain/ and src/lib/, plus these pure built-ins: node:crypto (digests), node:url
//    and node:buffer. No database (pg, drizzle-orm, src/db/), no file system or process (node:fs,
//    node:child_process, ...), no renderer (src/render/), no other npm package: the domain decides, others do the I/O.
// 4. Programs started on their own (src/server.ts, src/db/migrate-cli.ts) may import anything but the CLI and the
//    client: they are where the layers are put together.
// 5. One way to fail: HttpProblem (an HTTP status chosen in code) is for framework-level plugins only
//    (src/plugins/: authentication, rate limit, idempotency); everything else throws AppError.
import t from 'tap'
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(import.meta.dirname, '../../src')
const HTTP_PACKAGES = /^(fastify|fastify-plugin|@fastify\/.*)$/
const DOMAIN_BUILTINS = new Set(['node:crypto', 'node:url', 'node:buffer'])
/** Framework glue kept in lib/ on purpose; see rule 2. */
const ALLOWED_HTTP_GLUE = new Set(['lib/route-hooks.ts'])
/** Rule 4. */
const ENTRY_POINTS = new Set(['server.ts', 'db/migrate-cli.ts'])

interface Rule {
  /** The other parts of src/ (folders, or files directly under src/) it may import. */
  mayImport: readonly string[]
  /** Whether it may import the HTTP framework (rule 2). */
  http: boolean
  /** When set, the only packages and built-ins it may import. */
  packages?: (specifier: string) => boolean
}

const SERVER_PARTS = [
  'config.ts', 'db', 'delivery', 'domain', 'hash-bank', 'jobs', 'lib', 'media', 'plugins', 'render', 'repositories',
  'routes', 'schemas', 'signing', 'use-cases'
]

/** Every folder and file directly under src/, and where it may point. */
const RULES: Record<string, Rule> = {
  // The process and the application.
  'server.ts': { mayImport: ['app.ts', ...SERVER_PARTS], http: true },
  'app.ts': { mayImport: SERVER_PARTS, http: true },
  'config.ts': { mayImport: ['domain', 'lib'], http: false },
  // The HTTP layer.
  // Routes call use cases, never the rows: no db, no repositories.
  routes: {
    mayImport: ['config.ts', 'domain', 'hash-bank', 'jobs', 'lib', 'media', 'plugins', 'render', 'schemas', 'signing', 'use-cases'],
    http: true
  },
  plugins: { mayImport: ['config.ts', 'db', 'delivery', 'domain', 'hash-bank', 'jobs', 'lib', 'media', 'render', 'repositories', 'schemas', 'signing', 'use-cases'], http: true },
  // Use cases and the services and jobs that run beside the requests.
  'use-cases': { mayImport: ['db', 'delivery', 'domain', 'hash-bank', 'lib', 'media', 'render', 'repositories', 'schemas', 'signing'], http: false },
  jobs: { mayImport: ['db', 'delivery', 'domain', 'hash-bank', 'lib', 'repositories', 'use-cases'], http: false },
  'hash-bank': { mayImport: ['db', 'domain', 'lib', 'repositories'], http: false },
  // Rows in and out.
  repositories: { mayImport: ['db', 'domain', 'lib'], http: false },
  db: { mayImport: ['config.ts', 'domain', 'lib'], http: false },
  // What the use cases call for I/O of other kinds.
  media: { mayImport: ['domain', 'lib'], http: false },
  render: { mayImport: ['domain', 'lib'], http: false },
  signing: { mayImport: ['domain', 'lib'], http: false },
  // Outbound delivery: e-mail over SMTP and signed webhooks, with the network guards they need.
  delivery: { mayImport: ['domain', 'lib'], http: false },
  // The contract's schemas, shared by routes and use cases (they only describe values).
  schemas: { mayImport: ['domain', 'lib'], http: false, packages: (s) => /^typebox(\/|$)/.test(s) },
  // Pure code.
  domain: { mayImport: ['lib'], http: false, packages: (s) => DOMAIN_BUILTINS.has(s) },
  lib: { mayImport: [], http: false },
  // Programs that speak to a gateway over HTTP, not parts of it.
  // The verifier checks a JWS against the very types the signer writes (src/signing imports only domain and lib).
  cli: { mayImport: ['client', 'config.ts', 'domain', 'lib', 'media', 'signing'], http: false },
  client: { mayImport: [], http: false }
}

export interface Import {
  file: string // relative to src/, e.g. 'domain/pdq.ts'
  specifier: string
  /** The part of src/ the import lands in ('domain', 'routes', 'config.ts', ...), or null for a package or built-in. */
  layer: string | null
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

export function importsOf (source: string): string[] {
  const found: string[] = []
  for (const m of source.matchAll(IMPORT)) found.push(m[1] ?? m[2] ?? m[3])
  return found
}

/** The folder or file directly under src/ that a path relative to src/ belongs to. */
const partOf = (file: string): string => file.split(path.sep)[0]

function layerOf (fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const target = path.relative(SRC, path.resolve(SRC, path.dirname(fromFile), specifier))
  if (target.startsWith('..')) return '(outside src)'
  return partOf(target)
}

function walk (dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return walk(full)
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full)] : []
  })
}

function allImports (): Import[] {
  return walk(SRC).flatMap((file) => importsOf(fs.readFileSync(path.join(SRC, file), 'utf8'))
    .map((specifier) => ({ file, specifier, layer: layerOf(file, specifier) })))
}

export function violations (imports: Import[], rules: Record<string, Rule> = RULES): string[] {
  const out: string[] = []
  for (const { file, specifier, layer } of imports) {
    const part = partOf(file)
    const rule = rules[part]
    if (rule === undefined) {
      out.push(`${file}: src/${part} has no rule in this test; give it one`)
      continue
    }
    if (layer === '(outside src)') {
      out.push(`${file} imports ${specifier}, outside src/`)
    } else if (layer !== null) {
      const entryMay = ENTRY_POINTS.has(file) && layer !== 'cli' && layer !== 'client'
      if (layer !== part && !entryMay && !rule.mayImport.includes(layer)) {
        out.push(`${file} imports ${specifier} (src/${layer}): src/${part} may import only ${rule.mayImport.join(', ') || 'itself'}`)
      }
    } else {
      if (HTTP_PACKAGES.test(specifier) && !rule.http && !ALLOWED_HTTP_GLUE.has(file)) out.push(`${file} imports the HTTP framework (${specifier})`)
      if (rule.packages !== undefined && !rule.packages(specifier)) out.push(`${file} imports ${specifier}: src/${part} may not use that package or built-in`)
    }
  }
  return out
}

t.test('the import reader sees static, re-exported, side-effect and dynamic imports', async (t) => {
  const source = [
    "import t from 'tap'",
    "import type { A } from '../routes/a.ts'",
    "import {\n  B,\n  C\n} from '../plugins/b.ts'",
    "export { D } from './d.ts'",
    "import './side.ts'",
    "const e = await import('../db/e.ts')"
  ].join('\n')
  t.same(importsOf(source), ['tap', '../routes/a.ts', '../plugins/b.ts', './d.ts', './side.ts', '../db/e.ts'])
})

t.test('the rules catch each kind of wrong-way import', async (t) => {
  const imp = (file: string, specifier: string): Import => ({ file, specifier, layer: layerOf(file, specifier) })
  const wrong = [
    imp('use-cases/x.ts', '../plugins/problems.ts'),
    imp('jobs/x.ts', '../routes/notices/index.ts'),
    imp('repositories/x.ts', 'fastify'),
    imp('repositories/x.ts', '../use-cases/submit-report.ts'),
    imp('repositories/x.ts', '../jobs/sequencer.ts'),
    imp('lib/x.ts', '../plugins/problems.ts'),
    imp('lib/x.ts', '../repositories/notices.ts'),
    imp('domain/x.ts', '../render/document.ts'),
    imp('domain/x.ts', '../db/schema.ts'),
    imp('domain/x.ts', 'pg'),
    imp('domain/x.ts', 'node:fs'),
    imp('db/x.ts', '../repositories/notices.ts'),
    imp('media/x.ts', '../use-cases/media-hashes.ts'),
    imp('render/x.ts', '../repositories/notices.ts'),
    imp('signing/x.ts', '../db/index.ts'),
    imp('schemas/x.ts', 'drizzle-orm'),
    imp('hash-bank/x.ts', '../use-cases/reupload-check.ts'),
    imp('plugins/x.ts', '../routes/health.ts'),
    imp('client/x.ts', '../domain/vocabulary.ts'),
    imp('cli/x.ts', '../repositories/notices.ts'),
    imp('config.ts', './app.ts'),
    imp('app.ts', './cli/main.ts'),
    imp('server.ts', './client/index.ts'),
    imp('domain/x.ts', '../../test/helper.ts'),
    imp('newfolder/x.ts', '../domain/y.ts')
  ]
  t.same(wrong.filter((i) => violations([i]).length === 0), [], 'each wrong-way import is caught')
  t.same(violations([
    imp('domain/x.ts', './y.ts'),
    imp('domain/sub/x.ts', '../../lib/csv.ts'),
    imp('domain/x.ts', 'node:crypto'),
    imp('use-cases/x.ts', '../repositories/notices.ts'),
    imp('use-cases/x.ts', '../schemas/notices.ts'),
    imp('repositories/x.ts', '../db/index.ts'),
    imp('routes/x.ts', '../plugins/problems.ts'),
    imp('jobs/x.ts', '../use-cases/submit-report.ts'),
    imp('lib/route-hooks.ts', 'fastify'),
    imp('db/migrate-cli.ts', '../app.ts'),
    imp('server.ts', './app.ts')
  ]), [])
})

t.test('every folder and file directly under src/ has a rule', async (t) => {
  const parts = fs.readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.name.endsWith('.ts')).map((entry) => entry.name)
  t.ok(parts.length >= 15, 'the reader found the parts of src/')
  t.same(parts.filter((part) => RULES[part] === undefined), [], 'parts without a rule')
})

t.test('only the framework-level plugins raise HttpProblem', async (t) => {
  const users = walk(SRC).filter((file) => !file.startsWith('plugins' + path.sep) && /\bHttpProblem\b/.test(fs.readFileSync(path.join(SRC, file), 'utf8')))
  t.same(users, [])
})

t.test('no file under src/ imports against the layering', async (t) => {
  const imports = allImports()
  t.ok(imports.length > 100, 'the reader found the imports of src/')
  t.same(violations(imports), [])
})
