// The upload and recording folders as tar.gz parts (npm `tar`: entries can be checked one by one in
// JavaScript before anything is written, which system tar's text listing does not allow reliably).
import { lstat, mkdir, mkdtemp, readdir, rename, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { create, extract, list, type ReadEntry } from 'tar'
import { BackupError } from './errors.ts'
import type { FolderPart } from './manifest.ts'

export type FolderStats = { files: number; contentBytes: number; skipped: string[] }

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT'

/** Regular files (count and bytes) under `dir`; symbolic links and special files are skipped, and named. */
export async function folderStats(dir: string): Promise<FolderStats> {
  const stats: FolderStats = { files: 0, contentBytes: 0, skipped: [] }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: unknown) => {
    if (isMissing(error)) return []
    throw error
  })
  for (const entry of entries) {
    if (entry.isDirectory()) continue
    const full = path.join(entry.parentPath, entry.name)
    if (!entry.isFile()) {
      stats.skipped.push(path.relative(dir, full))
      continue
    }
    stats.files += 1
    stats.contentBytes += (await lstat(full)).size
  }
  return stats
}

// A file deleted or shortened while tar reads it (a recording removed, a part rewritten) fails the
// pack; the folder is packed again from scratch, a few times, before the backup gives up.
const PACK_ATTEMPTS = 3
const isVanishedFile = (error: unknown) => ['ENOENT', 'EOF'].includes((error as NodeJS.ErrnoException).code ?? '')

/**
 * Packs `dir` (missing = empty) into `archive`: regular files and folders only, no owners (portable).
 * The counts are read back from the finished archive, not from a walk of the folder: files the app
 * writes meanwhile (a live recording) make the walk and the archive differ, and restore checks the archive.
 */
export async function packFolder(dir: string, archive: string): Promise<FolderStats> {
  const exists = await lstat(dir).then(
    (s) => {
      if (!s.isDirectory()) throw new BackupError('usage', `${dir} is not a folder`)
      return true
    },
    (error: unknown) => {
      if (isMissing(error)) return false
      throw error
    },
  )
  // A folder the app has not created yet is archived as an empty one, so every backup has both parts.
  const root = exists ? dir : await mkdtemp(path.join(tmpdir(), 'tradecast-empty-'))
  try {
    for (let attempt = 1; ; attempt += 1) {
      const skipped: string[] = []
      try {
        await create(
          {
            gzip: true,
            file: archive,
            cwd: root,
            portable: true,
            filter: (entryPath, entry) => {
              if (!('isFile' in entry) || entry.isFile() || entry.isDirectory()) return true
              skipped.push(path.relative('.', entryPath))
              return false
            },
          },
          ['.'],
        )
      } catch (error) {
        if (attempt < PACK_ATTEMPTS && isVanishedFile(error)) continue
        throw error
      }
      return { ...(await inspectArchive(archive)), skipped }
    }
  } finally {
    if (!exists) await rm(root, { recursive: true, force: true })
  }
}

const SAFE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile', 'Directory'])

/** Why an archive entry must not be extracted (escapes the folder, links, devices), or null when it is safe. */
export function unsafeEntry(entry: Pick<ReadEntry, 'path' | 'type'>): string | null {
  const name = entry.path
  if (!SAFE_TYPES.has(entry.type)) return `"${name}" is a ${entry.type} (only files and folders are restored)`
  if (name.includes('\0') || name.includes('\\')) return `"${name}" has a NUL or backslash in its name`
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return `"${name}" is an absolute path`
  if (name.split('/').includes('..')) return `"${name}" climbs out of the folder (..)`
  return null
}

/**
 * Reads the whole archive: any unsafe entry or a damaged stream refuses it; returns what extracting
 * it would write. Restore runs it before anything is extracted; backup on the archive it just wrote.
 */
export async function inspectArchive(archive: string): Promise<{ files: number; contentBytes: number }> {
  const found = { files: 0, contentBytes: 0 }
  const refusals: string[] = []
  try {
    await list({
      file: archive,
      strict: true,
      onReadEntry: (entry) => {
        const reason = unsafeEntry(entry)
        if (reason !== null) refusals.push(reason)
        if (entry.type !== 'Directory') {
          found.files += 1
          found.contentBytes += entry.size
        }
      },
    })
  } catch (error) {
    throw new BackupError('bad-backup', `${path.basename(archive)} cannot be read (${(error as Error).message})`, { cause: error })
  }
  if (refusals.length > 0) throw new BackupError('bad-backup', `${path.basename(archive)} is unsafe: ${refusals.join('; ')}`)
  return found
}

/** Reads a gzipped tar to its end (the PGlite database part): a damaged stream is a bad backup. */
export async function checkReadableArchive(archive: string): Promise<void> {
  await list({ file: archive, strict: true }).catch((error: unknown) => {
    throw new BackupError('bad-backup', `${path.basename(archive)} cannot be read (${(error as Error).message})`, { cause: error })
  })
}

/** A folder that is missing or empty can be restored into without --force. */
export async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0
  } catch (error) {
    if (isMissing(error)) return true
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new BackupError('usage', `${dir} is a file, not a folder`)
    throw error
  }
}

/**
 * Puts a fully prepared `staging` folder (a sibling of `target`, so renames stay on one disk) in place
 * of `target`; a non-empty target is replaced only when forced.
 */
export async function replaceFolder(staging: string, target: string, force: boolean): Promise<void> {
  if (!(await isEmptyOrMissing(target))) {
    if (!force) throw new BackupError('not-empty', `${target} is not empty: pass --force to replace it`)
    const aside = `${target}.replaced-${process.pid}`
    await rm(aside, { recursive: true, force: true })
    await rename(target, aside)
    await rename(staging, target)
    await rm(aside, { recursive: true, force: true })
    return
  }
  await rmdir(target).catch((error: unknown) => {
    if (!isMissing(error)) throw error
  })
  await mkdir(path.dirname(target), { recursive: true })
  await rename(staging, target)
}

/** Checks a folder archive against its manifest part: readable, safe, and holding what the manifest counts. */
export async function checkFolderArchive(backupDir: string, part: FolderPart): Promise<void> {
  const found = await inspectArchive(path.join(backupDir, part.file))
  if (found.files !== part.files || found.contentBytes !== part.contentBytes) {
    throw new BackupError(
      'bad-backup',
      `${part.file} holds ${found.files} files (${found.contentBytes} bytes), the manifest says ${part.files} (${part.contentBytes})`,
    )
  }
}

/** Extracts an inspected archive next to `target`, checks it against the manifest, then swaps it in. */
export async function restoreFolder(archive: string, target: string, expected: { files: number; contentBytes: number }, force: boolean): Promise<void> {
  const staging = `${target}.restoring-${process.pid}`
  await rm(staging, { recursive: true, force: true })
  await mkdir(staging, { recursive: true })
  try {
    await extract({
      file: archive,
      cwd: staging,
      strict: true,
      preserveOwner: false,
      // inspectArchive refused the archive already if this would drop anything; the filter is the belt.
      filter: (_path, entry) => !('type' in entry) || unsafeEntry(entry) === null,
    })
    const restored = await folderStats(staging)
    if (restored.files !== expected.files || restored.contentBytes !== expected.contentBytes) {
      throw new BackupError(
        'verify',
        `${target}: extracted ${restored.files} files (${restored.contentBytes} bytes), the manifest says ${expected.files} (${expected.contentBytes} bytes)`,
      )
    }
    await replaceFolder(staging, target, force)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}
