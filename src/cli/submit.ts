// `takedown submit FILE`: a file of URLs as reports of up to 1000 items; a rerun resumes without duplicates.
import fs from 'node:fs/promises'
import path from 'node:path'
import cliProgress from 'cli-progress'
import { ProblemError, RETRY_LATER_CODES, type GatewayClient } from '../client/index.ts'
import { InputError, planSubmission, type Chunk, type Plan, type SharedFields } from './submit-input.ts'
import { describeError, UsageError, type Io, type Settings } from './io.ts'
import { visible } from '../lib/text-controls.ts'

export interface SubmitOptions extends SharedFields {
  format?: string
  chunkSize?: number
  /** Set aside the lines the gateway would refuse into this file instead of sending them. */
  rejects?: string
}

/**
 * A file of rejects is itself a file `takedown submit` takes: comments saying what it is and how to resubmit it,
 * the CSV header, then each line as written after a comment with its line number and reason. Fixing a line and
 * submitting the file again sends only what was set aside; the comments are skipped as in every CSV or JSON-lines
 * file (src/domain/csv-reader.ts).
 */
export function formatRejects (file: string, plan: Plan): string {
  const out = [
    `# Lines of ${path.basename(file)} that takedown submit set aside, each below a comment with its line number and`,
    '# the reason the gateway would refuse it. Fix them and submit this file with the same options (and',
    `# --external-ref ${plan.defaultRef} unless a column or an option names the reference).`
  ]
  if (plan.header !== null) out.push(plan.header)
  for (const r of plan.rejects) out.push(`# line ${r.line}: ${r.reason.replace(/[\r\n]+/g, ' ')}`, r.text)
  return out.join('\n') + '\n'
}

/** A refused item named by its line in the file: `/items/3/url` of a chunk is the fourth line of that chunk. */
function onLines (error: ProblemError, chunk: Chunk): string[] {
  return error.errors.map((e) => {
    const match = /^\/items\/(\d+)(\/.*)?$/.exec(e.pointer)
    const line = match === null ? undefined : chunk.lines[Number(match[1])]
    const where = line === undefined ? e.pointer : `line ${line}${match![2] ?? ''}`
    return visible(`  ${where}: ${e.detail}`)
  })
}

const SHOWN_REJECTS = 20

const span = (chunk: Chunk): string => `lines ${chunk.lines[0]}-${chunk.lines[chunk.lines.length - 1]}`

export async function submit (
  client: GatewayClient, file: string, options: SubmitOptions, io: Io, settings?: Settings
): Promise<number> {
  if (options.rejects !== undefined && path.resolve(options.rejects) === path.resolve(file)) {
    throw new UsageError('--rejects must name another file than the one submitted')
  }
  const plan = planSubmission(file, await fs.readFile(file, 'utf8'), options, {
    format: options.format, chunkSize: options.chunkSize, setAside: options.rejects !== undefined
  })
  const { chunks, rejects } = plan
  if (options.rejects !== undefined) {
    // Written before anything is sent: the rejects are known offline, whatever the gateway answers.
    try {
      await fs.writeFile(options.rejects, formatRejects(file, plan))
    } catch (error) {
      throw new InputError(`cannot write ${options.rejects}: ${(error as Error).message}`)
    }
    for (const r of rejects.slice(0, SHOWN_REJECTS)) io.out(`set aside line ${r.line}: ${r.reason}`)
    const more = rejects.length > SHOWN_REJECTS ? ` (${rejects.length - SHOWN_REJECTS} more than shown)` : ''
    io.out(`${rejects.length} line${rejects.length === 1 ? '' : 's'} set aside in ${options.rejects}${more}`)
  }
  const total = chunks.reduce((n, c) => n + c.body.items.length, 0)
  const bar = io.terminal === null
    ? null
    : new cliProgress.SingleBar({
      stream: io.terminal, format: 'submitting [{bar}] {value}/{total} items | {reports} reports', hideCursor: true
    }, cliProgress.Presets.shades_classic)
  bar?.start(total, 0, { reports: 0 })
  const tally = { created: 0, replayed: 0, refused: 0, notices: 0, done: 0 }
  let stopped: string | null = null
  for (const chunk of chunks) {
    try {
      const result = await client.create('/v1/reports', { body: chunk.body, idempotencyKey: chunk.idempotencyKey })
      const notices = result.data.notices.map((n) => n.referenceNumber)
      tally[result.replayed ? 'replayed' : 'created']++
      tally.notices += notices.length
      const what = `report ${result.data.id} (${chunk.body.items.length} items, ${span(chunk)})`
      const done = result.replayed ? 'already submitted' : 'created'
      io.out(visible(`${done} ${what}: ${notices.join(', ') || 'no new notice'}`))
    } catch (error) {
      bar?.stop()
      if (!refusesTheReport(error)) {
        stopped = describeError(error, settings)
        break
      }
      tally.refused++
      io.out(visible(`refused ${span(chunk)}: ${error.message}`))
      for (const line of onLines(error, chunk)) io.out(line)
      bar?.start(total, tally.done, { reports: tally.created + tally.replayed })
    }
    tally.done += chunk.body.items.length
    bar?.update(tally.done, { reports: tally.created + tally.replayed })
  }
  bar?.stop()
  const aside = options.rejects === undefined ? '' : `; ${rejects.length} lines set aside`
  io.out(`${total} items in ${chunks.length} reports: ${tally.created} created, ${tally.replayed} already submitted, ` +
    `${tally.refused} refused; ${tally.notices} notices${aside}`)
  if (stopped !== null) {
    io.err(`stopped: ${stopped}\nrun the same command again to resume: what the gateway took is not sent twice\n`)
    return 1
  }
  return tally.refused > 0 || rejects.length > 0 ? 1 : 0
}

/**
 * A problem that refuses this report alone (its content, its size, a conflict with what exists), so the next report
 * is sent; anything else stops the run: no key or the wrong one, the gateway saying "later" by its problem code (a
 * report still running under the same key included), or an answer that is not the gateway's problem document.
 */
export function refusesTheReport (error: unknown): error is ProblemError {
  return error instanceof ProblemError && error.code !== null && !RETRY_LATER_CODES.has(error.code) &&
    [400, 409, 413, 422].includes(error.status)
}
