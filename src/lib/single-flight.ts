// One run at a time per key: callers asking for a key already under way share its result instead of running again.

export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>()

  async run (key: string, work: () => Promise<T>): Promise<T> {
    const current = this.running.get(key)
    if (current !== undefined) return await current
    const started = work().finally(() => { this.running.delete(key) })
    this.running.set(key, started)
    return await started
  }
}
