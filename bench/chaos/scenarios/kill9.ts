// kill -9 of the gateway under load: no acknowledged report lost, none created twice, numbers gap-free,
// signatures valid, the audit chain intact.
import { Gateway, ReportLoad, checkAuditChain, checkIntegrity, checkSignatures, createClient, sleep, statusSummary } from '../harness.ts'
import type { Scenario } from '../scenario.ts'
import { median } from '../../lib.ts'

export const kill9: Scenario = {
  name: 'kill -9 under load',
  async run (cluster, { short }) {
    const kills = short ? 2 : 10
    const writers = 6
    const url = await cluster.createDatabase('chaos_kill9')
    const gateway = await Gateway.start(url)
    const authority = await createClient(gateway.base, 'authority')
    const load = new ReportLoad(() => [gateway.base], authority.apiKey, 'k9')
    load.start(writers)
    const restartMs: number[] = []
    for (let i = 0; i < kills; i++) {
      // Let the load reach full speed, then kill in the middle of it.
      const before = load.figures.acknowledged.size
      while (load.figures.acknowledged.size < before + 20) await sleep(50)
      await sleep(Math.floor(Math.random() * 300))
      await gateway.kill9()
      const started = Date.now()
      await gateway.launch()
      restartMs.push(Date.now() - started)
    }
    const before = load.figures.acknowledged.size
    while (load.figures.acknowledged.size < before + 10) await sleep(50)
    await load.stop()
    const integrity = await checkIntegrity(url, load.figures, 'k9')
    const signatures = await checkSignatures(gateway.base, authority.apiKey, url, short ? 50 : 200)
    const audit = await checkAuditChain(gateway.base, url)
    await gateway.stop()
    const figures = {
      'kills (kill -9 under load)': kills,
      writers,
      'reports acknowledged': load.figures.acknowledged.size,
      'acknowledged by a replay (answer lost in a kill)': load.figures.replayed,
      'acknowledged but lost': integrity.lost,
      'created twice (same Idempotency-Key)': integrity.duplicated,
      'notices / reference-number gaps': `${integrity.notices} / ${integrity.gaps}`,
      'signatures checked / invalid': `${signatures.checked} / ${signatures.invalid}`,
      'audit chain intact (entries)': `${audit.intact} (${audit.checked})`,
      'restart to listening, median ms': median(restartMs),
      'answers by status': statusSummary(load.figures),
      'unexpected answers': load.figures.other.slice(0, 5)
    }
    const failures: string[] = []
    if (integrity.lost > 0) failures.push(`${integrity.lost} acknowledged reports lost`)
    if (integrity.duplicated > 0) failures.push(`${integrity.duplicated} reports created twice`)
    if (integrity.gaps > 0) failures.push(`${integrity.gaps} reference-number gaps`)
    if (signatures.invalid > 0) failures.push(`${signatures.invalid} invalid signatures`)
    if (!audit.intact) failures.push('audit chain broken')
    if (load.figures.other.length > 0) failures.push(`${load.figures.other.length} answers other than 201, 409 and 503`)
    return { figures, failures }
  }
}

