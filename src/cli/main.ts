// The takedown command line: submit, watch, notices, deliveries, verify, export and hash, on the typed client;
// commander reads every command's arguments, writes help to stdout and usage errors to stderr.
// TAKEDOWN_URL names the gateway, TAKEDOWN_KEY is the API key. Exit status: 0 done, 1 failed, 2 usage.
import fs from 'node:fs/promises'
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'
import { connect, describeError, processIo, settingsFrom, UsageError, type Io } from './io.ts'
import { submit } from './submit.ts'
import { InputError } from './submit-input.ts'
import { deliveries, notices, watch } from './feed.ts'
import { verify } from './verify.ts'
import { visibleDocument } from '../lib/text-controls.ts'

const integer = (name: string, min: number, max: number) => (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`)
  }
  return n
}
const timestamp = (value: string): string => {
  if (Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('not a date-time (e.g. 2026-05-01T00:00:00Z)')
  return value
}
const list = (value: string, previous: string[] = []): string[] =>
  [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)]

const VARIABLES = `
Environment:
  TAKEDOWN_URL   the gateway (default http://127.0.0.1:3000)
  TAKEDOWN_KEY   your API key`
const ENVIRONMENT = `${VARIABLES}

Exit status: 0 done, 1 failed (or, for verify, invalid), 2 usage or other error.`

/** What `takedown hash --help` says after the options. */
const HASH_HELP = `
Prints one line per file: PATH<TAB>sha256<TAB>md5<TAB>pdq<TAB>quality, or PATH<TAB>error: message.
A video (MP4, QuickTime, WebM, Matroska) prints PATH<TAB>sha256<TAB>md5<TAB>vpdq<TAB>N features, then one
line per feature, indented: frame,quality,pdq,timestamp (one frame per second, as HMA hashes videos).
With --json, one JSON object per line instead: { path, sha256, md5, pdq: { hash, quality } } for an image,
{ path, sha256, md5, vpdq: { secondsPerHash, frameRate, durationSeconds, features } } for a video, or { path, error }.
Videos are decoded with FFMPEG_PATH, else the ffmpeg on PATH, else the one the npm package ships.

Exit status: 0 all hashed, 1 some file failed, 2 usage error.`

/** Runs the CLI and resolves to its exit status. */
export async function run (
  argv: string[], env: Record<string, string | undefined>, io: Io = processIo, signal?: AbortSignal
): Promise<number> {
  let status = 0
  const settings = () => settingsFrom(env)
  const client = (keyRequired = true) => connect(settings(), io, { keyRequired })

  const program = new Command('takedown')
    .description('Command line of the takedown-request gateway')
    .exitOverride()
    .configureOutput({ writeOut: io.write, writeErr: io.err })
    .showHelpAfterError()
    .addHelpText('after', ENVIRONMENT)

  program.command('submit')
    .description('Submit the URLs in a CSV or NDJSON file as reports of up to 1000 items; running it again resumes ' +
      'without duplicates')
    .argument('<file>', 'CSV with a header row, or NDJSON: url, contentType, and category, legalBasis, ' +
      'statementOfReasons, urgency, externalRef unless given as flags; optional territorialScope, capturedAt, ' +
      'evidenceRef, sha256, md5, pdq')
    .option('--category <category>', 'category of every item without its own')
    .option('--legal-basis <id>', 'legal basis (GET /v1/legal-bases) of every item without its own')
    .option('--reasons <text>', 'statement of reasons of every item without its own')
    .option('--urgency <urgency>', 'normal or urgent (default normal)')
    .option('--external-ref <ref>', 'your case number (default: the file name)')
    .option('--territorial-scope <countries>', 'comma-separated ISO country codes (default KZ)', list)
    .option('--content-type <type>', 'content type of every item without its own (default other)')
    .addOption(new Option('--format <format>', 'file format (default: from the extension, else the content)')
      .choices(['csv', 'ndjson']))
    .option('--chunk-size <n>', 'items per report', integer('--chunk-size', 1, 1000), 1000)
    .option('--rejects <file>', 'set aside the lines the gateway would refuse (its own URL recognition, offline) ' +
      'into this file, with their line numbers and reasons, and send the rest; fix the file and submit it again')
    .addHelpText('after', '\nEach report carries an Idempotency-Key derived from its content and place in the file, ' +
      'so a rerun of an\ninterrupted submission (within 24 hours) replays what the gateway already took instead of ' +
      'creating it again.' + ENVIRONMENT)
    .action(async (file: string, o: Record<string, unknown>) => {
      status = await submit(client(), file, {
        category: o.category as string | undefined,
        legalBasis: o.legalBasis as string | undefined,
        statementOfReasons: o.reasons as string | undefined,
        urgency: o.urgency as string | undefined,
        externalRef: o.externalRef as string | undefined,
        territorialScope: o.territorialScope as string[] | undefined,
        contentType: o.contentType as string | undefined,
        format: o.format as string | undefined,
        chunkSize: o.chunkSize as number,
        rejects: o.rejects as string | undefined
      }, io, settings())
    })

  program.command('watch')
    .description('Follow the change feed and print each notice\'s transitions as they happen')
    .option('--platform <slugs>', 'only these platforms (comma-separated, repeatable)', list)
    .option('--status <statuses>', 'only transitions into these statuses (comma-separated, repeatable)', list)
    .option('--after <sequence>', 'start after this feed sequence (default: from now)',
      integer('--after', 0, Number.MAX_SAFE_INTEGER))
    .option('--since <time>', 'start with events at or after this time (default: now)', timestamp)
    .option('--wait <seconds>', 'long-poll duration of each request', integer('--wait', 1, 30), 25)
    .option('--no-follow', 'stop once caught up')
    .option('--json', 'one JSON event per line')
    .addHelpText('after', ENVIRONMENT)
    .action(async (o: {
      platform?: string[],
      status?: string[],
      after?: number,
      since?: string,
      wait: number,
      follow: boolean,
      json?: boolean
    }) => {
      status = await watch(client(), o, io, signal)
    })

  program.command('notices')
    .description('List notices')
    .option('--platform <slug>', 'one platform')
    .option('--status <status>', 'one status')
    .option('--updated-since <time>', 'changed at or after this time', timestamp)
    .option('--limit <n>', 'at most this many', integer('--limit', 1, Number.MAX_SAFE_INTEGER))
    .option('--json', 'one JSON notice per line')
    .addHelpText('after', ENVIRONMENT)
    .action(async (o: {
      platform?: string, status?: string, updatedSince?: string, limit?: number, json?: boolean
    }) => {
      status = await notices(client(), o, io)
    })

  program.command('deliveries')
    .description('Show how a notice reached its platform: each e-mail and webhook delivery, and its attempts')
    .argument('<notice-id>', 'the notice')
    .option('--json', 'one JSON delivery per line')
    .addHelpText('after', ENVIRONMENT)
    .action(async (id: string, o: { json?: boolean }) => {
      status = await deliveries(client(), id, o, io)
    })

  program.command('verify')
    .description('Check a notice\'s signature, or an audit checkpoint\'s, against the gateway\'s public keys (JWKS)')
    .argument('[notice-id]', 'fetch this notice\'s JWS (and the JWKS unless --jwks) from the gateway')
    .option('--jws <file>',
      'a saved notice JWS (compact, or the JSON of GET /v1/notices/{id}/signature) instead of a notice id')
    .option('--checkpoint <file>', 'a saved audit checkpoint (compact JWS, or the JSON of ' +
      'GET /v1/audit/checkpoints/latest) instead of a notice')
    .option('--jwks <file>', 'a saved JWK Set (GET /.well-known/jwks.json): with --jws or --checkpoint, nothing is ' +
      'fetched')
    .option('--show', 'print the signed notice document (or checkpoint) when valid')
    .addHelpText('after', '\nA notice must be signed as one (JWS typ takedown-notice+jws) and hold a notice; a ' +
      'checkpoint as one\n(typ takedown-audit-checkpoint+jws) holding { position, hash, at }. Either presented as ' +
      `the other is invalid.\n${VARIABLES}\n\nExit status: 0 valid, 1 invalid, 2 usage or other error (nothing ` +
      'could be checked).')
    .action(async (id: string | undefined, o: { jws?: string, checkpoint?: string, jwks?: string, show?: boolean }) => {
      status = await verify(client, id, o, io)
    })

  const exports = program.command('export').description('Export registers').addHelpText('after', ENVIRONMENT)
  exports.command('blocking-orders')
    .description('The register of blocked resources for network operators')
    .addOption(new Option('--format <format>', 'csv, json or xml').choices(['csv', 'json', 'xml']).default('csv'))
    .option('--since <time>', 'only entries included or lifted at or after this time', timestamp)
    .option('--output <file>', 'write to this file instead of stdout')
    .addHelpText('after', ENVIRONMENT)
    .action(async (o: { format: 'csv' | 'json' | 'xml', since?: string, output?: string }) => {
      const query = { format: o.format, ...(o.since ? { since: o.since } : {}) }
      const { text } = await client().getText('/v1/blocking-orders/export', { params: { query } })
      // A file gets the register as it came; a terminal never gets a control character from it.
      if (o.output) await fs.writeFile(o.output, text)
      else io.write(visibleDocument(text))
    })

  program.command('hash')
    .description('SHA-256, MD5 and PDQ (images) or vPDQ (videos) of local files; nothing is sent anywhere')
    .usage('[--json] <file...>')
    .argument('<file...>', 'images and videos')
    .option('--json', 'one JSON object per line')
    .addHelpText('after', HASH_HELP)
    .action(async (files: string[], o: { json?: boolean }) => {
      // Loaded only here: media decoding brings native modules the other commands do not need at start-up.
      const { hashFiles } = await import('./hash.ts')
      const progress = io.terminal
      status = await hashFiles(files, { json: o.json === true }, {
        out: io.out,
        ...(progress === null ? {} : { progress: (text: string) => { progress.write(`\r\x1b[K${text}`) } })
      }, env)
    })

  try {
    await program.parseAsync(argv, { from: 'user' })
    return status
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`takedown: ${error.message}\n`)
      return 2
    }
    if (signal?.aborted) return status
    const settingsNow = (() => { try { return settings() } catch { return undefined } })()
    io.err(`takedown: ${describeError(error, settingsNow)}\n`)
    // verify promises 2 when nothing could be checked
    return argv[0] === 'verify' ? 2 : 1
  }
}
