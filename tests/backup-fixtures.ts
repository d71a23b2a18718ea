// Helpers for the backup/restore tests (scripts/backup/*.test.ts): the app's data as a seeded
// database plus real files, a digest of folders to prove byte-identical restores, and backups an
// attacker or a broken disk could hand to restore.
import { createHash, randomBytes } from 'node:crypto'
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { Header } from 'tar'
import { expect } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { getExporterPublicProfile } from '~/domain/exporters/public-profile.server'
import { seedDemoData } from '../prisma/seed.ts'
import { DEMO_EXPORTER_COMPANY } from '../prisma/seed/data/companies.ts'
import { BackupError } from '../scripts/backup/errors.ts'
import { MANIFEST_FILE, sha256OfFile, type Manifest } from '../scripts/backup/manifest.ts'

/** Pinned, so the seed's relative dates and the profile's "valid now" filters read the same in every run. */
export const SEED_NOW = new Date('2026-11-02T09:00:00Z')

export const LOGO_NAME = `${'ab'.repeat(16)}.png`

/**
 * Seeds the database the app is configured with (DATABASE_URL / PGLITE_DATA_DIR), gives the demo
 * exporter an uploaded logo, writes upload and recording files with random bytes, and returns what
 * the app serves for that company, read through the domain. Closes the database afterwards.
 */
export async function seedAppData(uploadDir: string, recordingsDir: string) {
  const prisma = await getPrisma()
  const seeded = await seedDemoData(prisma, { now: SEED_NOW })
  await prisma.exporterCompany.update({ where: { slug: DEMO_EXPORTER_COMPANY }, data: { logoPath: `/uploads/${LOGO_NAME}` } })
  await mkdir(uploadDir, { recursive: true })
  await writeFile(path.join(uploadDir, LOGO_NAME), randomBytes(150_000))
  await writeFile(path.join(uploadDir, `${'cd'.repeat(16)}.webp`), randomBytes(40_000))
  const recording = path.join(recordingsDir, 'k3v9recording0001')
  await mkdir(recording, { recursive: true })
  await writeFile(path.join(recording, 'p000.m3u8'), '#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:2.0,\np000-00001.ts\n#EXT-X-ENDLIST\n')
  await writeFile(path.join(recording, 'p000-00001.ts'), randomBytes(400_000))
  await writeFile(path.join(recording, 'poster.jpg'), randomBytes(20_000))
  const profile = await readDemoProfile()
  await disconnectPrisma()
  return { seeded, profile }
}

/** What the exporter page of the demo company shows (company, certifications, products, showcases). */
export async function readDemoProfile() {
  return getExporterPublicProfile(DEMO_EXPORTER_COMPANY, { locale: 'en', now: SEED_NOW })
}

/** Every file under `dir` with its sha256, by relative path. */
export async function folderDigest(dir: string): Promise<Record<string, string>> {
  const digest: Record<string, string> = {}
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    digest[path.relative(dir, full)] = createHash('sha256')
      .update(await readFile(full))
      .digest('hex')
  }
  return digest
}

type HostileEntry = { path: string; type?: 'File' | 'SymbolicLink' | 'Link'; body?: string; linkpath?: string }

/** A tar.gz written header by header, so it can hold what `tar` itself would never write. */
export function hostileArchive(entries: HostileEntry[]): Buffer {
  const blocks: Buffer[] = []
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '')
    const header = Buffer.alloc(512)
    new Header({ path: entry.path, type: entry.type ?? 'File', size: body.length, mode: 0o644, mtime: new Date(0), linkpath: entry.linkpath }).encode(header, 0)
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  return gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)]))
}

export async function readManifestJson(backupDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(backupDir, MANIFEST_FILE), 'utf8')) as Manifest
}

/**
 * Replaces one part of a backup and rewrites its size and checksum in the manifest, as a forger (or
 * a tool that re-hashes what it copied) would: only checks beyond the checksum can catch it.
 */
export async function replacePart(backupDir: string, part: 'database' | 'uploads' | 'recordings', bytes: Buffer): Promise<void> {
  const manifest = await readManifestJson(backupDir)
  const file = path.join(backupDir, manifest[part].file)
  await writeFile(file, bytes)
  const described = { bytes: bytes.length, sha256: await sha256OfFile(file) }
  if (part === 'database') manifest.database = { ...manifest.database, ...described }
  else manifest[part] = { ...manifest[part], ...described }
  await writeFile(path.join(backupDir, MANIFEST_FILE), JSON.stringify(manifest))
}

/** Runs `work`, expecting a BackupError with this code; returns it for further checks. */
export async function refused(code: BackupError['code'], work: Promise<unknown>): Promise<BackupError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(BackupError)
  expect((error as BackupError).code).toBe(code)
  return error as BackupError
}
