// Media routes take a place in the hashing admission before their body is read, and give it back when answered.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MediaHasher } from '../../media/hash-pool.ts'

/** A preParsing hook: a full house is answered 503 with Retry-After before any of the upload is read. */
export function admitMediaHashing (hasher: MediaHasher) {
  return async (_request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const release = hasher.admit()
    // 'close' comes when the answer is sent and also when the client goes away first; a task still running then
    // is bounded by the thread pool's own queue limit.
    reply.raw.once('close', release)
    return payload
  }
}
