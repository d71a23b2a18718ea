// Reads a migrations folder into the MigrationList shape the schema engine expects
// (what the Prisma CLI sends it for `migrate deploy`).
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { MigrationList } from '@prisma/schema-engine-wasm'

const LOCKFILE = 'migration_lock.toml'
const MIGRATION_FILE = 'migration.sql'

async function readOrNull(file: string): Promise<string | null> {
  return readFile(file, 'utf8').catch(() => null)
}

export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir)
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => [])
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const sql = await readOrNull(path.join(baseDir, name, MIGRATION_FILE))
      return {
        path: name,
        migrationFile: {
          path: MIGRATION_FILE,
          content: sql === null ? { tag: 'error' as const, value: `${MIGRATION_FILE} not found in ${name}` } : { tag: 'ok' as const, value: sql },
        },
      }
    }),
  )
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: await readOrNull(path.join(baseDir, LOCKFILE)) },
    shadowDbInitScript: '',
    migrationDirectories,
  }
}
