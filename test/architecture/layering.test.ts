// The layers point one way: routes -> use cases -> repositories and domain. This test reads every import in src/
// and fails on one that points the wrong way.
//
// The rules:
// 1. Nothing under src/domain/, src/use-cases/, src/repositories/, src/jobs/ or src/lib/ imports from
//    src/routes/ or src/plugins/, nor the HTTP framework (fastify, @fastify/*): below the routes, code throws
//    AppError (src/lib/errors.ts) and the problems plugin alone knows HTTP statuses. (src/lib/route-hooks.ts
//    may import fastify's types: it is how routes attach hooks, and nothing below the routes imports it.)
// 2. src/domain/ imports only src/domain/ and src/lib/ (type-only or not), plus these pure built-ins:
//    node:crypto (digests), node:url and node:buffer. No database (pg, drizzle-orm, src/db/), no file system or
//    process (node:fs, node:child_process, ...), no renderer (src/render/), no other npm package: the domain
//    decides, others do the I/O.
// 3. One way to fail: HttpProblem (an HTTP status chosen in code) is for framework-level plugins only
//    (src/plugins/: authentication, rate limit, idempotency); everything else throws AppError.
import t from 'tap'
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(import.meta.dirname, '../../src')
const BELOW_ROUTES = ['domain', 'use-cases', 'repositories', 'jobs', 'lib']
const HTTP_LAYERS = ['routes', 'plugins']
const HTTP_PACKAGES = /^(fastify|fastify-plugin|@fastify\/.*)$/
const DOMAIN_MAY_IMPORT = new Set(['domain', 'lib'])
const DOMAIN_BUILTINS = new Set(['node:crypto', 'node:url', 'node:buffer'])
/** Framework glue kept in lib/ on purpose; see rule 1. */
const ALLOWED_HTTP_GLUE = new Set(['lib/route-hooks.ts'])

export interface Import {
  file: string // relative to src/, e.g. 'domain/pdq.ts'
  specifier: string
  /** The src/ top folder the import lands in ('domain', 'routes', ...), or null for a package or built-in. */
  layer: string | null
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

export function importsOf (source: string): string[] {
  const found: string[] = []
  for (const m of source.matchAll(IMPORT)) found.push(m[1] ?? m[2] ?? m[3])
  return found
}

function layerOf (fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const target = path.relative(SRC, path.resolve(SRC, path.dirname(fromFile), specifier))
  if (target.startsWith('..')) return '(outside src)'
  const [top] = target.split(path.sep)
  return top.endsWith('.ts') ? '(src root)' : top
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

export function violations (imports: Import[]): string[] {
  const out: string[] = []
  for (const { file, specifier, layer } of imports) {
    const top = file.split(path.sep)[0]
    if (BELOW_ROUTES.includes(top)) {
      if (layer !== null && HTTP_LAYERS.includes(layer)) out.push(`${file} imports ${specifier} (the ${layer} layer)`)
      if (layer === null && HTTP_PACKAGES.test(specifier) && !ALLOWED_HTTP_GLUE.has(file)) out.push(`${file} imports the HTTP framework (${specifier})`)
    }
    if (top === 'domain') {
      if (layer !== null && !DOMAIN_MAY_IMPORT.has(layer)) out.push(`${file} imports ${specifier}: the domain imports only the domain and src/lib/`)
      if (layer === null && !DOMAIN_BUILTINS.has(specifier)) out.push(`${file} imports ${specifier}: the domain uses no packages but ${[...DOMAIN_BUILTINS].join(', ')}`)
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
  t.same(violations([
    imp('use-cases/x.ts', '../plugins/problems.ts'),
    imp('jobs/x.ts', '../routes/notices/index.ts'),
    imp('repositories/x.ts', 'fastify'),
    imp('lib/x.ts', '../plugins/problems.ts'),
    imp('domain/x.ts', '../render/document.ts'),
    imp('domain/x.ts', '../db/schema.ts'),
    imp('domain/x.ts', 'pg'),
    imp('domain/x.ts', 'node:fs')
  ]).length, 8)
  t.same(violations([
    imp('domain/x.ts', './y.ts'),
    imp('domain/sub/x.ts', '../../lib/csv.ts'),
    imp('domain/x.ts', 'node:crypto'),
    imp('use-cases/x.ts', '../repositories/notices.ts'),
    imp('use-cases/x.ts', '../schemas/notices.ts'),
    imp('routes/x.ts', '../plugins/problems.ts'),
    imp('lib/route-hooks.ts', 'fastify')
  ]), [])
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
