// One backup = one folder under the backup root, named by its UTC start time, holding the database,
// the upload and recording folders, and manifest.json. It is written as a hidden `.partial-…` folder
// and renamed once complete and checked the way restore checks it, so a crash never leaves something
// that looks like a backup, and a backup that restore would refuse is never kept (nor prunes older ones).
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot, type DatabaseTarget } from '../../prisma/engine/database-url.ts'
import { isAlive } from '../../prisma/engine/pglite-lock.ts'
import { BackupError } from './errors.ts'
import { checkFolderArchive, checkReadableArchive, packFolder, type FolderStats } from './folders.ts'
import {
  describePart,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_FILE,
  readManifest,
  verifyParts,
  writeManifest,
  type DatabasePart,
  type FolderPart,
  type Manifest,
} from './manifest.ts'
import { dumpPglite } from './pglite.ts'
import { checkPgDump, dumpPostgres } from './postgres.ts'

export type BackupOptions = {
  /** Folder that holds the backups (BACKUP_DIR, default backups/). */
  backupRoot: string
  database: DatabaseTarget
  uploadDir: string
  recordingsDir: string
  /** Keep only the newest N complete backups in backupRoot after this one succeeded. */
  keep?: number
  now?: () => Date
  log?: (line: string) => void
}

export type BackupResult = {
  dir: string
  manifest: Manifest
  removed: string[]
  /** Old backups --keep could not delete; the new backup is complete regardless (the next run tries again). */
  pruneFailures: string[]
  skipped: string[]
  /** `.partial-…` folders of earlier runs that were killed, deleted before this one started. */
  staleRemoved: string[]
}

/** 2026-12-03T18:05:01.123Z → 20261203T180501Z (sorts by time, no characters file systems dislike). */
export function backupName(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '')
}

/** Names of complete backups (timestamp folders with a manifest), oldest first. */
export async function listBackups(backupRoot: string): Promise<string[]> {
  const entries = await readdir(backupRoot, { withFileTypes: true }).catch(() => [])
  const names = entries.filter((entry) => entry.isDirectory() && /^\d{8}T\d{6}Z(-\d+)?$/.test(entry.name)).map((entry) => entry.name)
  const complete: string[] = []
  for (const name of names) {
    if (
      await stat(path.join(backupRoot, name, MANIFEST_FILE)).then(
        () => true,
        () => false,
      )
    ) {
      complete.push(name)
    }
  }
  return complete.sort()
}

const PARTIAL_NAME = /^\.partial-\d{8}T\d{6}Z-(\d+)$/

/** Deletes the `.partial-…` folders of runs whose process is gone (killed, power cut); a running one's stays. */
async function removeStalePartials(backupRoot: string): Promise<string[]> {
  const entries = await readdir(backupRoot, { withFileTypes: true }).catch(() => [])
  const removed: string[] = []
  for (const entry of entries) {
    const pid = Number(PARTIAL_NAME.exec(entry.name)?.[1])
    if (!entry.isDirectory() || !Number.isInteger(pid) || isAlive(pid)) continue
    await rm(path.join(backupRoot, entry.name), { recursive: true, force: true })
    removed.push(entry.name)
  }
  return removed
}

/** What restore checks before it writes anything, run on the finished backup before it is kept. */
async function checkBackup(backupDir: string): Promise<void> {
  const manifest = await readManifest(backupDir)
  await verifyParts(backupDir, [manifest.database, manifest.uploads, manifest.recordings])
  const databaseFile = path.join(backupDir, manifest.database.file)
  if (manifest.database.kind === 'postgresql') await checkPgDump(databaseFile)
  else await checkReadableArchive(databaseFile)
  await checkFolderArchive(backupDir, manifest.uploads)
  await checkFolderArchive(backupDir, manifest.recordings)
}

/** Deletes all but the newest `keep` backups; a failure is reported, not thrown: the new backup is already in place. */
async function pruneBackups(backupRoot: string, keep: number): Promise<{ removed: string[]; failures: string[] }> {
  const all = await listBackups(backupRoot)
  const removed: string[] = []
  const failures: string[] = []
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    try {
      await rm(path.join(backupRoot, old), { recursive: true, force: true })
      removed.push(old)
    } catch (error) {
      failures.push(`${old}: ${(error as Error).message}`)
    }
  }
  return { removed, failures }
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version
}

function gitCommit(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: projectRoot }, (error, stdout) => resolve(error ? null : stdout.trim() || null))
  })
}

async function folderPart(dir: string, backupDir: string, file: string): Promise<{ part: FolderPart; stats: FolderStats }> {
  const stats = await packFolder(dir, path.join(backupDir, file))
  return { part: { ...(await describePart(backupDir, file)), files: stats.files, contentBytes: stats.contentBytes }, stats }
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => undefined)
  const started = performance.now()
  const createdAt = (options.now ?? (() => new Date()))()
  const { database } = options
  if (database.kind === 'pglite' && database.dataDir === 'memory://')
    throw new BackupError('usage', 'An in-memory PGlite (memory://) has nothing on disk to back up')

  // Backups hold password hashes and personal data: readable by the backing-up user only.
  await mkdir(options.backupRoot, { recursive: true, mode: 0o700 })
  const staleRemoved = await removeStalePartials(options.backupRoot)
  const name = backupName(createdAt)
  const partial = path.join(options.backupRoot, `.partial-${name}-${process.pid}`)
  await rm(partial, { recursive: true, force: true })
  await mkdir(partial, { mode: 0o700 })
  try {
    // The database first, then the files: an upload added meanwhile is an orphan file in the backup,
    // never a row pointing at a file the backup lacks (uploads are written before their row).
    const databaseFile = database.kind === 'postgres' ? 'database.pgdump' : 'database.pglite.tar.gz'
    log(`database (${database.kind === 'postgres' ? 'PostgreSQL, pg_dump' : `PGlite ${database.dataDir}`})…`)
    const described =
      database.kind === 'postgres'
        ? await dumpPostgres(database.url, path.join(partial, databaseFile))
        : await dumpPglite(database.dataDir, path.join(partial, databaseFile))
    const databasePart: DatabasePart = { ...(await describePart(partial, databaseFile)), ...described }
    log(`uploads (${options.uploadDir})…`)
    const uploads = await folderPart(options.uploadDir, partial, 'uploads.tar.gz')
    log(`recordings (${options.recordingsDir})…`)
    const recordings = await folderPart(options.recordingsDir, partial, 'recordings.tar.gz')

    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      app: { version: packageVersion(), commit: await gitCommit() },
      database: databasePart,
      uploads: uploads.part,
      recordings: recordings.part,
      durationMs: Math.round(performance.now() - started),
    }
    await writeManifest(partial, manifest)
    log('checking the backup as restore will…')
    await checkBackup(partial)

    let finalName = name
    for (
      let n = 2;
      await stat(path.join(options.backupRoot, finalName)).then(
        () => true,
        () => false,
      );
      n += 1
    ) {
      finalName = `${name}-${n}`
    }
    const dir = path.join(options.backupRoot, finalName)
    await rename(partial, dir)

    const pruned = options.keep === undefined ? { removed: [], failures: [] } : await pruneBackups(options.backupRoot, options.keep)
    return {
      dir,
      manifest,
      removed: pruned.removed,
      pruneFailures: pruned.failures,
      skipped: [...uploads.stats.skipped, ...recordings.stats.skipped],
      staleRemoved,
    }
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    throw error
  }
}
