#!/usr/bin/env node
// Entry point for `npx takedown`: runs the TypeScript CLI through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/takedown.ts')
process.exitCode = await main(process.argv.slice(2))
