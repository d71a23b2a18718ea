// Restore checks everything it can before it writes anything: the manifest, every part's size and
// sha256, the kind of database, the migrations this code knows, every archive entry, and that each
// target is empty (or --force). Then the database, then the folders, each prepared beside its target,
// verified against the manifest and swapped in.
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot, type DatabaseTarget } from '../../prisma/engine/database-url.ts'
import { BackupError } from './errors.ts'
import { checkFolderArchive, isEmptyOrMissing, restoreFolder } from './folders.ts'
import { readManifest, verifyParts, type FolderPart, type Manifest, type TableCounts } from './manifest.ts'
import { prepareRestoreTarget, restorePglite } from './pglite.ts'
import { checkPostgresTarget, restorePostgres } from './postgres.ts'

export type RestoreOptions = {
  backupDir: string
  database: DatabaseTarget
  uploadDir: string
  recordingsDir: string
  /** Replace a target that already holds data. */
  force: boolean
  migrationsDir?: string
  log?: (line: string) => void
}

export type RestoreResult = { manifest: Manifest; tables: TableCounts; durationMs: number }

async function knownMigrations(migrationsDir: string): Promise<Set<string>> {
  const entries = await readdir(migrationsDir, { withFileTypes: true })
  return new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name))
}

async function checkFolderTarget(backupDir: string, label: string, part: FolderPart, target: string, force: boolean): Promise<void> {
  await checkFolderArchive(backupDir, part)
  if (!force && !(await isEmptyOrMissing(target))) {
    throw new BackupError('not-empty', `The ${label} folder ${target} is not empty: restore into an empty one, or pass --force to replace it`)
  }
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => undefined)
  const started = performance.now()
  const { backupDir, database, force } = options

  const manifest = await readManifest(backupDir)
  try {
    log(`checking ${backupDir} (taken ${manifest.createdAt}, ${manifest.database.kind})…`)
    await verifyParts(backupDir, [manifest.database, manifest.uploads, manifest.recordings])

    const targetKind = database.kind === 'postgres' ? 'postgresql' : 'pglite'
    if (manifest.database.kind !== targetKind) {
      throw new BackupError(
        'usage',
        manifest.database.kind === 'postgresql'
          ? 'This is a PostgreSQL backup: set DATABASE_URL (or --database-url) to the PostgreSQL database to restore into'
          : 'This is a PGlite backup: unset DATABASE_URL and set PGLITE_DATA_DIR (or --pglite-dir) to the folder to restore into',
      )
    }
    if (database.kind === 'pglite' && database.dataDir === 'memory://') throw new BackupError('usage', 'Cannot restore into an in-memory PGlite (memory://)')
    const migration = manifest.database.migration
    if (migration !== null && !(await knownMigrations(options.migrationsDir ?? path.join(projectRoot, 'prisma/migrations'))).has(migration)) {
      throw new BackupError(
        'bad-backup',
        `The backup's schema is at migration ${migration}, which this code does not have: restore with the Tradecast version that took it (${manifest.app.version}${manifest.app.commit ? `, commit ${manifest.app.commit}` : ''})`,
      )
    }
    await checkFolderTarget(backupDir, 'upload', manifest.uploads, options.uploadDir, force)
    await checkFolderTarget(backupDir, 'recordings', manifest.recordings, options.recordingsDir, force)
  } catch (error) {
    // Every check above runs before anything is written: say so, so the operator knows the target is as it was.
    if (error instanceof BackupError && error.code === 'bad-backup')
      throw new BackupError('bad-backup', `${error.message}; nothing was restored`, { cause: error })
    throw error
  }

  const databaseFile = path.join(backupDir, manifest.database.file)
  let tables: TableCounts
  if (database.kind === 'postgres') {
    await checkPostgresTarget(database.url, force)
    log('database (pg_restore)…')
    tables = await restorePostgres(databaseFile, database.url, manifest.database, { force })
  } else {
    const unlock = await prepareRestoreTarget(database.dataDir, force)
    try {
      log(`database (PGlite into ${database.dataDir})…`)
      tables = await restorePglite(databaseFile, database.dataDir, manifest.database, { force })
    } finally {
      await unlock()
    }
  }
  log(`uploads (${options.uploadDir})…`)
  await restoreFolder(path.join(backupDir, manifest.uploads.file), options.uploadDir, manifest.uploads, force)
  log(`recordings (${options.recordingsDir})…`)
  await restoreFolder(path.join(backupDir, manifest.recordings.file), options.recordingsDir, manifest.recordings, force)
  return { manifest, tables, durationMs: Math.round(performance.now() - started) }
}
