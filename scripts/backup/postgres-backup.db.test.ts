// Backup and restore on PostgreSQL (db project: TEST_POSTGRES_URL): pg_dump/pg_restore between scratch
// databases created here, with real upload and recording files. Skipped in the unit project (PGlite).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma } from '~/domain/db.server'
import { folderDigest, readDemoProfile, refused, replacePart, seedAppData } from '../../tests/backup-fixtures.ts'
import { createScratchDatabase, databaseUrlOf, dropScratchDatabase } from '../../tests/postgres.ts'
import { createBackup } from './create-backup.ts'
import type { Manifest } from './manifest.ts'
import { restoreBackup } from './restore-backup.ts'
import { countRows } from './tables.ts'

const adminUrl = process.env.TEST_POSTGRES_URL
const suiteUrl = process.env.DATABASE_URL
const onPostgres = Boolean(adminUrl && suiteUrl)
const prefix = `tradecast_backup_${process.pid}_${Date.now()}`
const names = { source: `${prefix}_source`, fresh: `${prefix}_fresh`, kept: `${prefix}_kept` }
const created: string[] = []

let tmp: string
let sourceUrl: string
let seeded: Awaited<ReturnType<typeof seedAppData>>
let backupDir: string
let manifest: Manifest

async function countsOf(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await countRows((sql, params) => client.query(sql, params), 'public')
  } finally {
    await client.end()
  }
}

const folders = (name: string) => ({ uploadDir: path.join(tmp, name, 'uploads'), recordingsDir: path.join(tmp, name, 'recordings') })

beforeAll(async () => {
  if (!onPostgres || !adminUrl) return
  tmp = await mkdtemp(path.join(tmpdir(), 'tradecast-pg-backup-'))
  sourceUrl = await createScratchDatabase(adminUrl, names.source)
  created.push(names.source)
  await disconnectPrisma()
  process.env.DATABASE_URL = sourceUrl
  seeded = await seedAppData(folders('source').uploadDir, folders('source').recordingsDir)
  const result = await createBackup({ backupRoot: path.join(tmp, 'backups'), database: { kind: 'postgres', url: sourceUrl }, ...folders('source') })
  backupDir = result.dir
  manifest = result.manifest
}, 120_000)

afterAll(async () => {
  if (!onPostgres || !adminUrl) return
  await disconnectPrisma()
  process.env.DATABASE_URL = suiteUrl
  for (const name of [...created, names.fresh]) await dropScratchDatabase(adminUrl, name)
  await rm(tmp, { recursive: true, force: true })
})

describe.skipIf(!onPostgres)('backup and restore on PostgreSQL', () => {
  it('dumps with pg_dump and records the rows of every table the seed wrote', async () => {
    expect(manifest.database).toMatchObject({ kind: 'postgresql', file: 'database.pgdump' })
    expect(manifest.database.dumpTool).toMatch(/^pg_dump \(PostgreSQL\) \d+/)
    expect(manifest.database.migration).toMatch(/^\d{14}_/)
    expect(manifest.database.tables.Product).toBe(seeded.seeded.counts.products)
    expect(manifest.database.tables.ChatMessage).toBe(seeded.seeded.counts.chatMessages)
    expect(manifest.database.tables).toEqual(await countsOf(sourceUrl))
  })

  it('restores into a database that does not exist yet: the app serves the same data, files byte-identical', async () => {
    const fresh = databaseUrlOf(adminUrl ?? '', names.fresh)
    const result = await restoreBackup({ backupDir, database: { kind: 'postgres', url: fresh }, ...folders('fresh'), force: false })
    expect(result.tables).toEqual(manifest.database.tables)
    expect(await countsOf(fresh)).toEqual(await countsOf(sourceUrl))

    process.env.DATABASE_URL = fresh
    const served = await readDemoProfile()
    await disconnectPrisma()
    expect(served?.products.length).toBeGreaterThan(0)
    expect(served).toEqual(seeded.profile)
    expect(await folderDigest(folders('fresh').uploadDir)).toEqual(await folderDigest(folders('source').uploadDir))
    expect(await folderDigest(folders('fresh').recordingsDir)).toEqual(await folderDigest(folders('source').recordingsDir))
  }, 60_000)

  it('refuses a database with tables unless forced; force replaces its contents', async () => {
    const kept = await createScratchDatabase(adminUrl ?? '', names.kept)
    created.push(names.kept)
    await restoreBackup({ backupDir, database: { kind: 'postgres', url: kept }, ...folders('kept'), force: false })
    const client = new pg.Client({ connectionString: kept })
    await client.connect()
    // Someone kept using the restored database: its notifications are gone now.
    await client.query('DELETE FROM "Notification"')
    await client.end()
    const changed = await countsOf(kept)
    expect(changed).not.toEqual(manifest.database.tables)

    const error = await refused('not-empty', restoreBackup({ backupDir, database: { kind: 'postgres', url: kept }, ...folders('other-kept'), force: false }))
    expect(error.message).toContain('--force')
    expect(await countsOf(kept)).toEqual(changed)

    await restoreBackup({ backupDir, database: { kind: 'postgres', url: kept }, ...folders('kept'), force: true })
    expect(await countsOf(kept)).toEqual(manifest.database.tables)
  }, 60_000)

  it('refuses a corrupted dump before touching the target database', async () => {
    const target = databaseUrlOf(adminUrl ?? '', names.fresh)
    const before = await countsOf(target)
    const corrupt = path.join(tmp, 'corrupt')
    await cp(backupDir, corrupt, { recursive: true })
    const dump = await readFile(path.join(corrupt, 'database.pgdump'))
    dump.writeUInt8(dump.readUInt8(dump.length - 100) ^ 0xff, dump.length - 100)
    await writeFile(path.join(corrupt, 'database.pgdump'), dump)
    const error = await refused(
      'bad-backup',
      restoreBackup({ backupDir: corrupt, database: { kind: 'postgres', url: target }, ...folders('fresh'), force: true }),
    )
    expect(error.message).toContain('database.pgdump')
    expect(await countsOf(target)).toEqual(before)
  }, 60_000)

  it('rolls back a dump that fails half-way (cut short, checksum forged): the target is as it was', async () => {
    const target = databaseUrlOf(adminUrl ?? '', names.fresh)
    const before = await countsOf(target)
    const forged = path.join(tmp, 'forged')
    await cp(backupDir, forged, { recursive: true })
    const dump = await readFile(path.join(forged, 'database.pgdump'))
    // The table of contents at the start still reads; the table data after it ends early.
    await replacePart(forged, 'database', dump.subarray(0, Math.floor(dump.length * 0.6)))

    await refused('failed', restoreBackup({ backupDir: forged, database: { kind: 'postgres', url: target }, ...folders('forged-kept'), force: true }))
    expect(await countsOf(target)).toEqual(before)

    // Into a database that did not exist: the one the restore created is dropped again.
    const missing = databaseUrlOf(adminUrl ?? '', `${prefix}_never`)
    await refused('failed', restoreBackup({ backupDir: forged, database: { kind: 'postgres', url: missing }, ...folders('forged-new'), force: false }))
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [`${prefix}_never`])
    await client.end()
    expect(rowCount).toBe(0)
  }, 60_000)
})
