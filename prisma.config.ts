// Prisma CLI configuration. The CLI runs offline: its schema engine is the project's Wasm-backed
// stand-in (prisma/engine/, see docs/decisions/004-offline-prisma-schema-engine.md).
import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { resolveDatabaseTarget, targetToUrl } from './prisma/engine/database-url.ts'

const root = import.meta.dirname

// Without this the CLI downloads the native engine from binaries.prisma.sh and fails.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, 'prisma/engine/schema-engine')

export default defineConfig({
  schema: path.join(root, 'prisma/schema.prisma'),
  migrations: {
    path: path.join(root, 'prisma/migrations'),
    seed: 'tsx prisma/seed.ts',
  },
  datasource: {
    // DATABASE_URL (real PostgreSQL) when set, else an embedded PGlite in PGLITE_DATA_DIR
    // (default data/pglite), written as postgresql://pglite/tradecast?dataDir=<encoded path>.
    url: targetToUrl(resolveDatabaseTarget()),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
})
