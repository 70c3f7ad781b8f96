// A revoked key on two gateway processes: refused by the process that answered the revoke from that moment,
// and by the other within 1 s.
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
    try {
      for (let round = 0; round < rounds; round++) {
        const client = await createClient(a.base, 'authority', `revoked ${round}`)
        // Readers on both processes keep the key cached and in use; each request notes when it was sent.
        let revokedAt = Infinity
        let stop = false
        const accepted: Array<{ on: 'a' | 'b', sentAt: number }> = []
        const reader = async (on: 'a' | 'b', base: string): Promise<void> => {
          while (!stop) {
            const sentAt = Date.now()
            const res = await api(base, client.apiKey, 'GET', '/v1/reports?limit=1').catch(() => null)
            await res?.arrayBuffer()
            if (res?.status === 200 && sentAt >= revokedAt) accepted.push({ on, sentAt })
          }
        }
        const readers = [reader('a', a.base), reader('a', a.base), reader('b', b.base), reader('b', b.base)]
        await sleep(300)
        const res = await api(a.base, ADMIN_KEY, 'POST', `/v1/clients/${client.id}/revoke`)
        if (res.status !== 200) throw new Error(`revoke answered ${res.status}`)
        revokedAt = Date.now()
        await sleep(1_500)
        stop = true
        await Promise.all(readers)
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
      'accepted after the revoke, same process': acceptedAfterOnSame,
      'other process: last acceptance after the revoke, ms (each)': lagsOnOther,
      'other process: worst, ms': worst
    }
    const failures: string[] = []
    if (acceptedAfterOnSame > 0) failures.push(`${acceptedAfterOnSame} requests accepted after the revoke on its process`)
    if (worst >= OTHER_PROCESS_GOAL_MS) failures.push(`the other process accepted the key ${worst} ms after the revoke`)
    return { figures, failures }
  }
}
