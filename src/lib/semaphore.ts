// At most `size` holders at a time; the others wait their turn, first come first served.

export class Semaphore {
  private held = 0
  private readonly waiting: Array<() => void> = []

  constructor (private readonly size: number) {}

  async use<T> (work: () => Promise<T>): Promise<T> {
    if (this.held >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve))
    else this.held++
    try {
      return await work()
    } finally {
      // The place passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift()
      if (next === undefined) this.held--
      else next()
    }
  }
}
