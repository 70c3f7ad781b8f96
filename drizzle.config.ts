// drizzle-kit reads this to generate SQL migrations from the drizzle tables into migrations/.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/schema-hash-bank.ts'],
  out: './migrations'
})
