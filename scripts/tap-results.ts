// Counts assertions in TAP output and names the failures; a test point with a time is a subtest or a file.

export interface Counts { passed: number, failed: number, skipped: number }

export class TapCounter {
  readonly counts: Counts = { passed: 0, failed: 0, skipped: 0 }
  /** Each failure as its file, subtests and assertion joined by ' > ', in the order they were reported. */
  readonly failures: string[] = []
  private leafFailuresInFile = 0
  private readonly subtests: string[] = []

  line (text: string): void {
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(text)
    if (subtest) {
      const depth = subtest[1].length / 4
      this.subtests.length = depth
      this.subtests[depth] = subtest[2]
      return
    }
    const point = /^(\s*)(not )?ok \d+(?: - )?(.*)$/.exec(text)
    if (!point) return
    const [, indent, notOk, rest] = point
    const depth = indent.length / 4
    if (/# time=/.test(rest)) {
      if (indent === '') {
        // A file that failed without a failing assertion (it crashed or timed out) still counts as one failure.
        if (notOk && this.leafFailuresInFile === 0) {
          this.counts.failed++
          this.failures.push(`${rest.replace(/\s*# time=.*$/, '')} (the file failed)`)
        }
        this.leafFailuresInFile = 0
      }
      return
    }
    if (/#\s*(SKIP|TODO)/i.test(rest)) this.counts.skipped++
    else if (notOk) {
      this.counts.failed++
      this.leafFailuresInFile++
      this.failures.push([...this.subtests.slice(0, depth), rest].join(' > '))
    } else this.counts.passed++
  }
}
