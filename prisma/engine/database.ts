// Runtime database access for the app server and tests: open the configured database as a
// Prisma driver adapter factory and apply pending migrations in-process (what
// `prisma migrate deploy` does, through the same Wasm schema engine).
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { createPGlite } from './pglite-create.ts'
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PGLITE_MEMORY, projectRoot, type DatabaseTarget } from './database-url.ts'
import { readMigrationsList } from './migrations-list.ts'
import { createPGliteAdapterFactory } from './pglite-adapter.ts'
import { lockDataDir } from './pglite-lock.ts'
import { createPostgresAdapterFactory } from './postgres-adapter.ts'
import { describeEngineError, openSchemaEngine, PROVIDER_ONLY_SCHEMA } from './wasm-engine.ts'

export { resolveDatabaseTarget, targetFromUrl, targetToUrl, pgliteUrl, type DatabaseTarget } from './database-url.ts'

export type OpenedDatabase = {
  target: DatabaseTarget
  /** Pass to `new PrismaClient({ adapter })`; also drives the schema engine. */
  adapter: SqlMigrationAwareDriverAdapterFactory
  /** Closes the PGlite instance or ends the PostgreSQL pool. Disconnect PrismaClient first. */
  close(): Promise<void>
}

export type OpenOptions = {
  /** PostgreSQL only: a dedicated shadow database (otherwise a temporary one is created). */
  shadowDatabaseUrl?: string
  /** PGlite folder only: how long to wait for another process to release the folder. */
  lockWaitMs?: number
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<OpenedDatabase> {
  if (target.kind === 'postgres') {
    const adapter = createPostgresAdapterFactory(target.url, options.shadowDatabaseUrl)
    return { target, adapter, close: () => adapter.close() }
  }
  if (target.dataDir === PGLITE_MEMORY) {
    const client = await createPGlite(target.dataDir)
    return { target, adapter: createPGliteAdapterFactory(client), close: () => client.close() }
  }
  await mkdir(path.dirname(target.dataDir), { recursive: true })
  const unlock = await lockDataDir(target.dataDir, options.lockWaitMs ?? 5_000)
  try {
    const client = await createPGlite(target.dataDir)
    const close = async () => {
      await client.close()
      await unlock()
    }
    return { target, adapter: createPGliteAdapterFactory(client), close }
  } catch (error) {
    await unlock()
    throw error
  }
}

export class MigrationFailedError extends Error {
  readonly migrationName: string | undefined
  constructor(migrationName: string | undefined, detail: string, cause: unknown) {
    super(migrationName && !detail.includes(migrationName) ? `Migration "${migrationName}" failed: ${detail}` : detail, { cause })
    this.name = 'MigrationFailedError'
    this.migrationName = migrationName
  }
}

/** Applies unapplied migrations (same `_prisma_migrations` bookkeeping as `migrate deploy`). */
export async function applyMigrations(
  opened: Pick<OpenedDatabase, 'adapter'>,
  migrationsDir = path.join(projectRoot, 'prisma/migrations'),
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(migrationsDir)
  const { engine, close } = await openSchemaEngine({ datamodels: [PROVIDER_ONLY_SCHEMA], adapterFactory: opened.adapter })
  try {
    const output = await engine.applyMigrations({
      migrationsList,
      filters: { externalTables: [], externalEnums: [] },
    })
    return { applied: output.appliedMigrationNames }
  } catch (error) {
    const failure = describeEngineError(error)
    throw new MigrationFailedError(failure.migrationName, failure.message, error)
  } finally {
    close()
  }
}
