import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { timeZoneData } from './tools/time-zone-data.ts'

const alias = { '~': fileURLToPath(new URL('./app', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // The Intl polyfills' time zone data (app/lib/intl-polyfills.test.ts loads them).
        plugins: [timeZoneData()],
        test: {
          name: 'unit',
          include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'prisma/**/*.test.ts', 'tools/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // Each file opens its own in-memory PGlite; booting it and applying migrations takes seconds.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          setupFiles: ['./tests/setup/unit-env.ts'],
        },
      },
      {
        resolve: { alias },
        plugins: [timeZoneData()],
        test: {
          name: 'db',
          // The database-facing suites, run again on real PostgreSQL (TEST_POSTGRES_URL).
          include: ['app/**/*.db.test.ts', 'server/**/*.db.test.ts', 'prisma/**/*.test.ts', 'scripts/**/*.db.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ['./tests/setup/postgres-global.ts'],
          setupFiles: ['./tests/setup/postgres-env.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
})
