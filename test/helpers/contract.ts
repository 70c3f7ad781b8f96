// Holds real answers to the committed OpenAPI document with a validator of its own (Ajv, JSON Schema 2020-12),
// independent of the gateway's serializer, and records which operation answered which status.
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv2020) => Ajv2020

/** Response headers the contract speaks of: each one sent must be declared, each one declared required must be sent. */
const CONTRACT_HEADERS = ['etag', 'location', 'retry-after', 'www-authenticate', 'content-disposition', 'content-language', 'cache-control', 'allow', 'idempotent-replayed']

interface HeaderObject { description?: string, required?: boolean, schema?: Record<string, unknown>, $ref?: string }
interface ResponseObject { description: string, headers?: Record<string, HeaderObject>, content?: Record<string, { schema?: unknown }> }
interface OperationObject { operationId: string, requestBody?: { content: Record<string, { schema?: unknown }> }, responses: Record<string, ResponseObject> }
interface Document {
  paths: Record<string, Record<string, OperationObject>>
  components: { schemas?: Record<string, unknown>, headers?: Record<string, HeaderObject> }
}

export interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  text: string
  /** The body parsed as JSON, when it is JSON. */
  json: unknown
}

export interface Request {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Announce this Content-Length and send no body: the server must refuse on the header alone (413). */
  declaredLength?: number
}

/** One HTTP exchange on a real socket, as any client would have it. */
export async function send (base: string, request: Request): Promise<Answer> {
  const url = new URL(request.path, base)
  const body = request.body === undefined ? undefined : Buffer.from(request.body)
  const headers: Record<string, string | number> = { ...request.headers }
  if (request.declaredLength !== undefined) headers['content-length'] = request.declaredLength
  else if (body !== undefined) headers['content-length'] = body.length
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: request.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const all = Buffer.concat(chunks)
        const text = all.toString('utf8')
        let json: unknown
        try { json = text === '' ? undefined : JSON.parse(text) } catch { json = undefined }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text, json })
      })
    })
    // The server may answer and close before an announced body is sent: that answer is what is asked for.
    req.on('error', (error) => { if (request.declaredLength === undefined) reject(error) })
    if (body !== undefined && request.declaredLength === undefined) req.write(body)
    req.end()
  })
}

const mediaTypeOf = (header: string | undefined): string | undefined => header?.split(';')[0].trim().toLowerCase()
const isJson = (mediaType: string): boolean => mediaType === 'application/json' || mediaType.endsWith('+json')

export class Contract {
  readonly document: Document
  private readonly ajv: Ajv2020
  private readonly validators = new Map<unknown, ValidateFunction>()
  private readonly routes: Array<{ method: string, template: string, pattern: RegExp, params: number }>
  /** operationId -> statuses answered */
  readonly exercised = new Map<string, Set<string>>()

  constructor (file: URL) {
    this.document = JSON.parse(fs.readFileSync(file, 'utf8')) as Document
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true })
    addFormats(this.ajv)
    // Named schemas become schemas of their own; references to them are rewritten to their ids.
    for (const [name, schema] of Object.entries(this.document.components.schemas ?? {})) {
      this.ajv.addSchema(this.rewrite(schema) as object, `urn:component:${name}`)
    }
    this.routes = Object.entries(this.document.paths).flatMap(([template, operations]) => Object.keys(operations).map((method) => ({
      method: method.toUpperCase(),
      template,
      pattern: new RegExp('^' + template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+') + '$'),
      params: (template.match(/\{/g) ?? []).length
    }))).sort((a, b) => a.params - b.params)
  }

  /** Every operation of the document, by operationId. */
  operations (): Array<{ method: string, path: string, operationId: string, statuses: string[] }> {
    return Object.entries(this.document.paths).flatMap(([path, operations]) => Object.entries(operations).map(([method, op]) => ({
      method: method.toUpperCase(), path, operationId: op.operationId, statuses: Object.keys(op.responses)
    })))
  }

  private rewrite (schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map((s) => this.rewrite(s))
    if (schema === null || typeof schema !== 'object') return schema
    const out: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$id') continue
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        out.$ref = `urn:component:${value.slice('#/components/schemas/'.length)}`
      } else {
        out[key] = this.rewrite(value)
      }
    }
    return out
  }

  private validator (schema: unknown): ValidateFunction {
    let validate = this.validators.get(schema)
    if (validate === undefined) {
      validate = this.ajv.compile(this.rewrite(schema) as object)
      this.validators.set(schema, validate)
    }
    return validate
  }

  private header (header: HeaderObject): HeaderObject {
    if (header.$ref === undefined) return header
    return this.document.components.headers?.[header.$ref.split('/').pop()!] ?? {}
  }

  operationOf (method: string, path: string): { template: string, operation: OperationObject } | undefined {
    const bare = path.split('?')[0]
    const route = this.routes.find((r) => r.method === method && r.pattern.test(bare))
    return route === undefined ? undefined : { template: route.template, operation: this.document.paths[route.template][method.toLowerCase()] }
  }

  /** Every way the answer differs from what the document says of it (an empty list when it conforms). */
  check (request: Request, answer: Answer): string[] {
    const found = this.operationOf(request.method, request.path)
    if (found === undefined) return [`${request.method} ${request.path} is no operation of the document`]
    const { operation } = found
    const statuses = this.exercised.get(operation.operationId) ?? new Set<string>()
    statuses.add(String(answer.status))
    this.exercised.set(operation.operationId, statuses)
    const declared = operation.responses[String(answer.status)] ?? operation.responses[`${String(answer.status)[0]}XX`] ?? operation.responses.default
    if (declared === undefined) return [`status ${answer.status} is not documented`]
    const problems: string[] = []
    // A body the gateway took (a success) was one the document offers: its media type is among the request's.
    const sent = mediaTypeOf(request.headers?.['content-type'])
    if (answer.status < 300 && request.body !== undefined && sent !== undefined && operation.requestBody !== undefined && operation.requestBody.content[sent] === undefined) {
      problems.push(`the request's Content-Type ${sent} is not documented (documented: ${Object.keys(operation.requestBody.content).join(', ')})`)
    }

    const mediaType = mediaTypeOf(answer.headers['content-type'])
    if (declared.content === undefined) {
      if (answer.body.length > 0) problems.push(`a body is sent where none is documented (${answer.body.length} bytes)`)
      if (mediaType !== undefined) problems.push(`Content-Type ${mediaType} is sent where no body is documented`)
    } else if (mediaType === undefined || declared.content[mediaType] === undefined) {
      problems.push(`Content-Type ${String(mediaType)} is not documented (documented: ${Object.keys(declared.content).join(', ')})`)
    } else {
      const schema = declared.content[mediaType].schema
      if (schema !== undefined) {
        let value: unknown = answer.text
        if (isJson(mediaType)) {
          if (answer.json === undefined) problems.push('the body is not JSON')
          value = answer.json
        } else if ((schema as { format?: string }).format === 'binary') {
          value = undefined
          if (answer.body.length === 0) problems.push('the binary body is empty')
        }
        if (value !== undefined) {
          const validate = this.validator(schema)
          if (!validate(value)) problems.push(`the body does not match its schema: ${this.ajv.errorsText(validate.errors, { separator: '; ' })}`)
        }
      }
    }

    const headers = Object.fromEntries(Object.entries(declared.headers ?? {}).map(([name, h]) => [name.toLowerCase(), this.header(h)]))
    for (const [name, header] of Object.entries(headers)) {
      const value = answer.headers[name]
      if (value === undefined) {
        if (header.required === true) problems.push(`the required header ${name} is missing`)
        continue
      }
      if (header.schema !== undefined) {
        const typed = header.schema.type === 'integer' || header.schema.type === 'number' ? Number(value) : value
        const validate = this.validator(header.schema)
        if (!validate(typed)) problems.push(`header ${name}: ${String(value)} does not match its schema (${this.ajv.errorsText(validate.errors)})`)
      }
    }
    for (const name of CONTRACT_HEADERS) {
      if (answer.headers[name] !== undefined && headers[name] === undefined) problems.push(`header ${name} is sent but not documented`)
    }
    return problems
  }
}
