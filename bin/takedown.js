#!/usr/bin/env node
// Entry point for `npx takedown`: runs the TypeScript CLI through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api'

register()
const { run } = await import('../src/cli/main.ts')
process.exitCode = await run(process.argv.slice(2), process.env)
