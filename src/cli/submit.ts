// `takedown submit FILE`: a file of URLs as reports of up to 1000 items; a rerun resumes without duplicates.
import fs from 'node:fs/promises'
import cliProgress from 'cli-progress'
import { ProblemError, type GatewayClient } from '../client/index.ts'
import { planSubmission, type Chunk, type SharedFields } from './submit-input.ts'
import { describeError, type Io, type Settings } from './io.ts'

export interface SubmitOptions extends SharedFields {
  format?: string
  chunkSize?: number
}

/** A refused item named by its line in the file: `/items/3/url` of a chunk is the fourth line of that chunk. */
function onLines (error: ProblemError, chunk: Chunk): string[] {
  return error.errors.map((e) => {
    const match = /^\/items\/(\d+)(\/.*)?$/.exec(e.pointer)
    const line = match === null ? undefined : chunk.lines[Number(match[1])]
    return line === undefined ? `  ${e.pointer}: ${e.detail}` : `  line ${line}${match![2] ?? ''}: ${e.detail}`
  })
}

const span = (chunk: Chunk): string => `lines ${chunk.lines[0]}-${chunk.lines[chunk.lines.length - 1]}`

export async function submit (client: GatewayClient, file: string, options: SubmitOptions, io: Io, settings?: Settings): Promise<number> {
  const chunks = planSubmission(file, await fs.readFile(file, 'utf8'), options, { format: options.format, chunkSize: options.chunkSize })
  const total = chunks.reduce((n, c) => n + c.body.items.length, 0)
  const bar = io.terminal === null
    ? null
    : new cliProgress.SingleBar({ stream: io.terminal, format: 'submitting [{bar}] {value}/{total} items | {reports} reports', hideCursor: true }, cliProgress.Presets.shades_classic)
  bar?.start(total, 0, { reports: 0 })
  const tally = { created: 0, replayed: 0, refused: 0, notices: 0, done: 0 }
  let stopped: string | null = null
  for (const chunk of chunks) {
    try {
      const result = await client.create('/v1/reports', { body: chunk.body, idempotencyKey: chunk.idempotencyKey })
      const notices = result.data.notices.map((n) => n.referenceNumber)
      tally[result.replayed ? 'replayed' : 'created']++
      tally.notices += notices.length
      io.out(`${result.replayed ? 'already submitted' : 'created'} report ${result.data.id} (${chunk.body.items.length} items, ${span(chunk)}): ${notices.join(', ') || 'no new notice'}`)
    } catch (error) {
      bar?.stop()
      if (!(error instanceof ProblemError) || ![400, 409, 413, 422].includes(error.status)) {
        stopped = describeError(error, settings)
        break
      }
      tally.refused++
      io.out(`refused ${span(chunk)}: ${error.message}`)
      for (const line of onLines(error, chunk)) io.out(line)
      bar?.start(total, tally.done, { reports: tally.created + tally.replayed })
    }
    tally.done += chunk.body.items.length
    bar?.update(tally.done, { reports: tally.created + tally.replayed })
  }
  bar?.stop()
  io.out(`${total} items in ${chunks.length} reports: ${tally.created} created, ${tally.replayed} already submitted, ${tally.refused} refused; ${tally.notices} notices`)
  if (stopped !== null) {
    io.err(`stopped: ${stopped}\nrun the same command again to resume: what the gateway took is not sent twice\n`)
    return 1
  }
  return tally.refused > 0 ? 1 : 0
}
