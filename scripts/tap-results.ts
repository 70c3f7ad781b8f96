// Counts the assertions in tap's per-file TAP results; a test point with a time is a subtest, not an assertion.
import fs from 'node:fs'
import path from 'node:path'

export function countResults (dir: string): { passed: number, failed: number, skipped: number } {
  let passed = 0
  let failed = 0
  let skipped = 0
  if (!fs.existsSync(dir)) return { passed, failed, skipped }
  for (const entry of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, String(entry))
    if (!file.endsWith('.tap') || !fs.statSync(file).isFile()) continue
    let fileFailed = 0
    let fileCrashed = false
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const point = /^(\s*)(not )?ok \d+(.*)$/.exec(line)
      if (!point) continue
      if (/# time=/.test(point[3])) {
        if (point[2] && point[1] === '') fileCrashed = true
        continue
      }
      if (/#\s*(SKIP|TODO)/i.test(point[3])) skipped++
      else if (point[2]) fileFailed++
      else passed++
    }
    // A file that failed without a failing assertion (it crashed or timed out) still counts as one failure.
    failed += fileFailed > 0 ? fileFailed : fileCrashed ? 1 : 0
  }
  return { passed, failed, skipped }
}
