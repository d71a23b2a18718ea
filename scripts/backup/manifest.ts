// manifest.json: what one backup holds and how to check it before anything is restored.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { z } from 'zod'
import { BackupError } from './errors.ts'

export const MANIFEST_FILE = 'manifest.json'
export const FORMAT = 'tradecast-backup'
/** Raise when the layout changes; restore refuses versions it does not know. */
export const FORMAT_VERSION = 1

const Sha256 = z.string().regex(/^[a-f0-9]{64}$/)
// Part files are plain names inside the backup folder: a manifest can never point outside it.
const PartFile = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,80}$/)

const PartSchema = z.object({ file: PartFile, bytes: z.number().int().min(0), sha256: Sha256 })
export type Part = z.infer<typeof PartSchema>

const TableCounts = z.record(z.string(), z.number().int().min(0))
export type TableCounts = z.infer<typeof TableCounts>

const DatabasePartSchema = PartSchema.extend({
  kind: z.enum(['pglite', 'postgresql']),
  /** The newest applied Prisma migration; restore refuses a backup newer than this code's migrations. */
  migration: z.string().nullable(),
  /** Rows per table of the app's schema at backup time; restore verifies against these. */
  tables: TableCounts,
  /** PostgreSQL: server version and the pg_dump that wrote the archive. PGlite: its package version. */
  serverVersion: z.string(),
  dumpTool: z.string(),
})
export type DatabasePart = z.infer<typeof DatabasePartSchema>

const FolderPartSchema = PartSchema.extend({
  /** Regular files in the folder (directories are not counted) and their total size. */
  files: z.number().int().min(0),
  contentBytes: z.number().int().min(0),
})
export type FolderPart = z.infer<typeof FolderPartSchema>

export const ManifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.iso.datetime(),
  app: z.object({ version: z.string(), commit: z.string().nullable() }),
  database: DatabasePartSchema,
  uploads: FolderPartSchema,
  recordings: FolderPartSchema,
  durationMs: z.number().int().min(0),
})
export type Manifest = z.infer<typeof ManifestSchema>

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256')
  await pipeline(createReadStream(file), hash)
  return hash.digest('hex')
}

/** Size and checksum of a part file just written into the backup folder. */
export async function describePart(backupDir: string, file: string): Promise<Part> {
  const full = path.join(backupDir, file)
  const [{ size }, sha256] = await Promise.all([stat(full), sha256OfFile(full)])
  return { file, bytes: size, sha256 }
}

export async function writeManifest(backupDir: string, manifest: Manifest): Promise<void> {
  await writeFile(path.join(backupDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
}

/** Reads and validates manifest.json; any problem is a `bad-backup` error naming the folder. */
export async function readManifest(backupDir: string): Promise<Manifest> {
  const file = path.join(backupDir, MANIFEST_FILE)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it has no manifest.json (an interrupted or foreign backup?)' : String(error)
    throw new BackupError('bad-backup', `${backupDir} is not a Tradecast backup: ${reason}`, { cause: error })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new BackupError('bad-backup', `${file} is not valid JSON (truncated or edited?)`, { cause: error })
  }
  const format = z.object({ format: z.literal(FORMAT), formatVersion: z.number().int() }).safeParse(json)
  if (!format.success) throw new BackupError('bad-backup', `${file} is not a Tradecast backup manifest`)
  if (format.data.formatVersion > FORMAT_VERSION) {
    throw new BackupError(
      'bad-backup',
      `${file} has format version ${format.data.formatVersion}; this code reads up to ${FORMAT_VERSION}: restore with a newer Tradecast`,
    )
  }
  const parsed = ManifestSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new BackupError('bad-backup', `${file} is damaged: ${problems}`)
  }
  return parsed.data
}

/** Checks every part's size and sha256 against the manifest before anything is touched. */
export async function verifyParts(backupDir: string, parts: readonly Part[]): Promise<void> {
  for (const part of parts) {
    const full = path.join(backupDir, part.file)
    const size = await stat(full).then(
      (s) => s.size,
      () => null,
    )
    if (size === null) throw new BackupError('bad-backup', `${part.file} is missing from ${backupDir}`)
    if (size !== part.bytes) {
      throw new BackupError('bad-backup', `${part.file} has ${size} bytes, the manifest says ${part.bytes} (truncated or replaced)`)
    }
    if ((await sha256OfFile(full)) !== part.sha256) {
      throw new BackupError('bad-backup', `${part.file} does not match its sha256 in the manifest (corrupted)`)
    }
  }
}
