// Counts assertions in TAP output; a test point with a time is a subtest or a file, not an assertion.

export interface Counts { passed: number, failed: number, skipped: number }

export class TapCounter {
  readonly counts: Counts = { passed: 0, failed: 0, skipped: 0 }
  private leafFailuresInFile = 0

  line (text: string): void {
    const point = /^(\s*)(not )?ok \d+(.*)$/.exec(text)
    if (!point) return
    const [, indent, notOk, rest] = point
    if (/# time=/.test(rest)) {
      if (indent === '') {
        // A file that failed without a failing assertion (it crashed or timed out) still counts as one failure.
        if (notOk && this.leafFailuresInFile === 0) this.counts.failed++
        this.leafFailuresInFile = 0
      }
      return
    }
    if (/#\s*(SKIP|TODO)/i.test(rest)) this.counts.skipped++
    else if (notOk) {
      this.counts.failed++
      this.leafFailuresInFile++
    } else this.counts.passed++
  }
}
