// PGlite (the embedded default): one process per data folder, and the app holds it for its whole life,
// so a consistent copy cannot be read from outside a running server. Backup therefore takes the
// folder's lock itself (prisma/engine/pglite-lock.ts, the same lock the app takes) and refuses while a
// server holds it; with the lock it opens the folder, checkpoints and writes PGlite's own
// dumpDataDir() tarball. Restore loads such a tarball into a new folder beside the target, verifies
// it, then renames it into place while holding the target's lock.
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { createPGlite } from '../../prisma/engine/pglite-create.ts'
import { lockDataDir } from '../../prisma/engine/pglite-lock.ts'
import { BackupError } from './errors.ts'
import { isEmptyOrMissing, replaceFolder } from './folders.ts'
import type { DatabasePart, TableCounts } from './manifest.ts'
import { compareCounts, countRows, latestMigration, type Query } from './tables.ts'

const SCHEMA = 'public'

const PGLITE_VERSION = (
  JSON.parse(readFileSync(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }
).version

const queryOf =
  (db: PGlite): Query =>
  (sql, params) =>
    db.query<Record<string, unknown>>(sql, params)

/** Takes the folder's lock without waiting: a held lock means a running server (or another backup). */
export async function lockOrRefuse(dataDir: string, action: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(dataDir), { recursive: true })
  try {
    return await lockDataDir(dataDir, 0)
  } catch (error) {
    if (!existsSync(`${dataDir}.lock`)) throw error
    throw new BackupError(
      'in-use',
      `Cannot ${action}: ${(error as Error).message} A PGlite folder can be backed up only while no server uses it; for backups while serving, run on PostgreSQL (DATABASE_URL).`,
      { cause: error },
    )
  }
}

export async function dumpPglite(dataDir: string, file: string): Promise<Omit<DatabasePart, 'file' | 'bytes' | 'sha256'>> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new BackupError('usage', `No PGlite data folder at ${dataDir} (set PGLITE_DATA_DIR, or DATABASE_URL for PostgreSQL)`)
  const unlock = await lockOrRefuse(dataDir, `back up ${dataDir}`)
  try {
    const db = await createPGlite(dataDir)
    try {
      const tables = await countRows(queryOf(db), SCHEMA)
      const migration = await latestMigration(queryOf(db), SCHEMA, tables)
      const version = await db.query<{ server_version: string }>("SELECT current_setting('server_version') AS server_version")
      // Everything in the data files, so the tarball does not depend on replaying WAL.
      await db.exec('CHECKPOINT')
      const tarball = await db.dumpDataDir('gzip')
      await writeFile(file, Buffer.from(await tarball.arrayBuffer()))
      return {
        kind: 'pglite',
        migration,
        tables,
        serverVersion: version.rows[0]?.server_version ?? 'unknown',
        dumpTool: `@electric-sql/pglite ${PGLITE_VERSION} dumpDataDir`,
      }
    } finally {
      await db.close()
    }
  } finally {
    await unlock()
  }
}

/** Refuses (before anything is written) a folder that holds data, unless forced; returns its lock. */
export async function prepareRestoreTarget(dataDir: string, force: boolean): Promise<() => Promise<void>> {
  const unlock = await lockOrRefuse(dataDir, `restore into ${dataDir}`)
  try {
    if (!force && !(await isEmptyOrMissing(dataDir))) {
      throw new BackupError('not-empty', `${dataDir} is not empty: restore into a new folder (PGLITE_DATA_DIR / --pglite-dir), or pass --force to replace it`)
    }
    return unlock
  } catch (error) {
    await unlock()
    throw error
  }
}

/** Loads the tarball into a sibling folder, checks the rows per table, then moves it into place. */
export async function restorePglite(file: string, dataDir: string, part: DatabasePart, { force }: { force: boolean }): Promise<TableCounts> {
  const staging = `${dataDir}.restoring-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  try {
    let db: PGlite
    try {
      db = await createPGlite(staging, { loadDataDir: new Blob([await readFile(file)]) })
    } catch (error) {
      throw new BackupError(
        'bad-backup',
        `PGlite ${PGLITE_VERSION} cannot open the backup's data folder (written by ${part.dumpTool}, PostgreSQL ${part.serverVersion}): ${(error as Error).message}`,
        { cause: error },
      )
    }
    let restored: TableCounts
    try {
      restored = await countRows(queryOf(db), SCHEMA)
    } finally {
      await db.close()
    }
    const problems = compareCounts(part.tables, restored)
    if (problems.length > 0) throw new BackupError('verify', `The restored database does not match the backup: ${problems.join('; ')}`)
    await replaceFolder(staging, dataDir, force)
    return restored
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
