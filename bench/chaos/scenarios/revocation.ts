// A revoked key on two gateway processes: accepted by both before the revoke, refused by the process that answered
// the revoke from that moment, and by the other within 1 s. Every reader's request is answered 200 or 401.
import { ADMIN_KEY, Gateway, api, createClient, sleep } from '../harness.ts'
import type { Scenario } from '../scenario.ts'

const OTHER_PROCESS_GOAL_MS = 1_000

export const revocation: Scenario = {
  name: 'revocation on two processes',
  async run (cluster, { short }) {
    const rounds = short ? 2 : 10
    const url = await cluster.createDatabase('chaos_revocation')
    const a = await Gateway.start(url)
    const b = await Gateway.start(url)
    let acceptedAfterOnSame = 0
    const lagsOnOther: number[] = []
    /** Per round, the key's acceptances on each process before the revoke was sent. */
    const acceptedBefore: Array<{ a: number, b: number }> = []
    /** Requests with no answer or an answer other than 200 and 401, and 401s before the revoke was sent. */
    const readerErrors: string[] = []
    try {
      for (let round = 0; round < rounds; round++) {
        const client = await createClient(a.base, 'authority', `revoked ${round}`)
        // Readers on both processes keep the key cached and in use; each request notes when it was sent.
        let revokedAt = Infinity
        let revokeSentAt = Infinity
        let stop = false
        const accepted: Array<{ on: 'a' | 'b', sentAt: number }> = []
        const before = { a: 0, b: 0 }
        const reader = async (on: 'a' | 'b', base: string): Promise<void> => {
          // eslint-disable-next-line no-unmodified-loop-condition -- set once the revocation is seen
          while (!stop) {
            const sentAt = Date.now()
            let status = 0
            try {
              const res = await api(base, client.apiKey, 'GET', '/v1/reports?limit=1', undefined, {}, AbortSignal.timeout(5_000))
              await res.arrayBuffer()
              status = res.status
            } catch (error) {
              readerErrors.push(`${on}: no answer (${(error as Error).name})`)
              continue
            }
            const answeredAt = Date.now()
            if (status === 200 && sentAt >= revokedAt) accepted.push({ on, sentAt })
            if (status === 200 && answeredAt < revokeSentAt) before[on]++
            if (status !== 200 && status !== 401) readerErrors.push(`${on}: ${status}`)
            if (status === 401 && answeredAt < revokeSentAt) readerErrors.push(`${on}: 401 before the revoke`)
          }
        }
        const readers = [reader('a', a.base), reader('a', a.base), reader('b', b.base), reader('b', b.base)]
        await sleep(300)
        revokeSentAt = Date.now()
        const res = await api(a.base, ADMIN_KEY, 'POST', `/v1/clients/${client.id}/revoke`)
        if (res.status !== 200) throw new Error(`revoke answered ${res.status}`)
        revokedAt = Date.now()
        await sleep(1_500)
        stop = true
        await Promise.all(readers)
        acceptedBefore.push(before)
        acceptedAfterOnSame += accepted.filter((x) => x.on === 'a').length
        const lastOnOther = Math.max(revokedAt, ...accepted.filter((x) => x.on === 'b').map((x) => x.sentAt))
        lagsOnOther.push(lastOnOther - revokedAt)
      }
    } finally {
      await a.stop()
      await b.stop()
    }
    const worst = Math.max(...lagsOnOther)
    const figures = {
      rounds,
      'accepted before the revoke (process a / b, each round)': acceptedBefore.map((x) => `${x.a}/${x.b}`),
      'reader errors (no answer, not 200 or 401, 401 before the revoke)': readerErrors.length,
      'accepted after the revoke, same process': acceptedAfterOnSame,
      'other process: last acceptance after the revoke, ms (each)': lagsOnOther,
      'other process: worst, ms': worst
    }
    const failures: string[] = []
    const neverAccepted = acceptedBefore.filter((x) => x.a === 0 || x.b === 0).length
    if (neverAccepted > 0) failures.push(`in ${neverAccepted} rounds the key was not accepted by both processes before the revoke`)
    if (readerErrors.length > 0) failures.push(`${readerErrors.length} reader errors, e.g. ${readerErrors.slice(0, 3).join('; ')}`)
    if (acceptedAfterOnSame > 0) failures.push(`${acceptedAfterOnSame} requests accepted after the revoke on its process`)
    if (worst >= OTHER_PROCESS_GOAL_MS) failures.push(`the other process accepted the key ${worst} ms after the revoke`)
    return { figures, failures }
  }
}
