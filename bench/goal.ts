// A benchmark's goals: each printed with its figure as met or missed, and a missed one makes the run exit non-zero.

let missed = 0

/** Prints `OK  ` or `MISS` before the line; a miss sets the exit code to 1 (the run still prints its other figures). */
export function goal (met: boolean, line: string): boolean {
  console.log(`${met ? 'OK  ' : 'MISS'} ${line}`)
  if (!met) {
    missed++
    process.exitCode = 1
  }
  return met
}

/** How many goals this run has missed so far. */
export const goalsMissed = (): number => missed

/** A closing line that says whether every goal was met (the exit code says the same). */
export function verdict (): void {
  console.log(missed === 0 ? 'all goals met' : `${missed} goal${missed === 1 ? '' : 's'} missed: exit code 1`)
}
