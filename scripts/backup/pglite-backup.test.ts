// Backup and restore on the embedded default (PGlite folders on disk), with real upload and recording
// files: restore into a fresh folder and the app serves the same data; damaged, forged or hostile
// backups are refused before anything is written; data is replaced only with force.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma } from '~/domain/db.server'
import { openDatabase } from '../../prisma/engine/database.ts'
import { createPGlite } from '../../prisma/engine/pglite-create.ts'
import { folderDigest, hostileArchive, LOGO_NAME, readDemoProfile, readManifestJson, refused, replacePart, seedAppData } from '../../tests/backup-fixtures.ts'
import { createBackup, listBackups } from './create-backup.ts'
import { MANIFEST_FILE, type Manifest } from './manifest.ts'
import { restoreBackup } from './restore-backup.ts'
import { countRows } from './tables.ts'

let tmp: string
let source: { pglite: string; uploads: string; recordings: string }
let seeded: Awaited<ReturnType<typeof seedAppData>>
let backupDir: string
let manifest: Manifest

const targetsIn = (name: string) => ({
  database: { kind: 'pglite' as const, dataDir: path.join(tmp, name, 'pglite') },
  uploadDir: path.join(tmp, name, 'uploads'),
  recordingsDir: path.join(tmp, name, 'recordings'),
})

async function countsOf(dataDir: string) {
  const db = await createPGlite(dataDir)
  try {
    return await countRows((sql, params) => db.query<Record<string, unknown>>(sql, params), 'public')
  } finally {
    await db.close()
  }
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tradecast-backup-'))
  source = { pglite: path.join(tmp, 'source', 'pglite'), uploads: path.join(tmp, 'source', 'uploads'), recordings: path.join(tmp, 'source', 'recordings') }
  await disconnectPrisma()
  process.env.PGLITE_DATA_DIR = source.pglite
  seeded = await seedAppData(source.uploads, source.recordings)
  const result = await createBackup({
    backupRoot: path.join(tmp, 'backups'),
    database: { kind: 'pglite', dataDir: source.pglite },
    uploadDir: source.uploads,
    recordingsDir: source.recordings,
  })
  backupDir = result.dir
  manifest = result.manifest
}, 120_000)

afterAll(async () => {
  await disconnectPrisma()
  process.env.PGLITE_DATA_DIR = 'memory://'
  await rm(tmp, { recursive: true, force: true })
})

describe('backup of a PGlite deployment', () => {
  it('writes one timestamped folder with the database, both folders and a manifest of what they hold', async () => {
    expect(path.basename(backupDir)).toMatch(/^\d{8}T\d{6}Z$/)
    expect((await readdir(backupDir)).sort()).toEqual(['database.pglite.tar.gz', MANIFEST_FILE, 'recordings.tar.gz', 'uploads.tar.gz'])
    // Password hashes and personal data inside: the folder is its owner's only.
    expect((await stat(backupDir)).mode & 0o777).toBe(0o700)
    expect(manifest.database.kind).toBe('pglite')
    expect(manifest.database.migration).toMatch(/^\d{14}_/)
    // The seed's own counts, not ours: the manifest saw the data the seed wrote.
    expect(manifest.database.tables.Product).toBe(seeded.seeded.counts.products)
    expect(manifest.database.tables.User).toBe(seeded.seeded.counts.users)
    expect(manifest.database.tables).toEqual(await countsOf(source.pglite))
    expect(manifest.uploads).toMatchObject({ files: 2, contentBytes: 190_000 })
    expect(manifest.recordings.files).toBe(3)
  })

  it('refuses while a server holds the folder, and leaves no partial backup behind', async () => {
    const held = await openDatabase({ kind: 'pglite', dataDir: source.pglite }, { lockWaitMs: 0 })
    try {
      const error = await refused(
        'in-use',
        createBackup({ backupRoot: path.join(tmp, 'busy-backups'), database: held.target, uploadDir: source.uploads, recordingsDir: source.recordings }),
      )
      expect(error.message).toContain(`in use by process ${process.pid}`)
    } finally {
      await held.close()
    }
    expect(await readdir(path.join(tmp, 'busy-backups'))).toEqual([])
  })

  it('backs up a deployment whose upload and recording folders do not exist yet; restore gives empty ones', async () => {
    const result = await createBackup({
      backupRoot: path.join(tmp, 'no-files-backups'),
      database: { kind: 'pglite', dataDir: source.pglite },
      uploadDir: path.join(tmp, 'never-uploads'),
      recordingsDir: path.join(tmp, 'never-recordings'),
    })
    expect(result.manifest.uploads).toMatchObject({ files: 0, contentBytes: 0 })
    const target = targetsIn('no-files')
    await restoreBackup({ backupDir: result.dir, ...target, force: false })
    expect(await readdir(target.uploadDir)).toEqual([])
    expect(await readdir(target.recordingsDir)).toEqual([])
    expect(await countsOf(target.database.dataDir)).toEqual(manifest.database.tables)
  }, 60_000)

  it('a backup taken while files are written (a live recording) restores: the manifest counts what the archives hold', async () => {
    const live = { uploads: path.join(tmp, 'live', 'uploads'), recordings: path.join(tmp, 'live', 'recordings') }
    await cp(source.uploads, live.uploads, { recursive: true })
    await cp(source.recordings, live.recordings, { recursive: true })
    const growing = path.join(live.recordings, 'growing.webm')
    // Like ffmpeg during a show: one part grows and new parts appear, every turn of the event loop,
    // from the moment the folders are packed until the backup is done.
    const done = new AbortController()
    let writes = 0
    let writer: Promise<void> = Promise.resolve()
    const startWriting = () => {
      writer = (async () => {
        while (!done.signal.aborted) {
          await appendFile(growing, randomBytes(4096))
          await writeFile(path.join(live.recordings, `part-${writes}.webm`), randomBytes(512))
          writes += 1
          await new Promise((resolve) => setImmediate(resolve))
        }
      })()
    }
    let result: Awaited<ReturnType<typeof createBackup>>
    try {
      result = await createBackup({
        backupRoot: path.join(tmp, 'live-backups'),
        database: { kind: 'pglite', dataDir: source.pglite },
        uploadDir: live.uploads,
        recordingsDir: live.recordings,
        log: (line) => {
          if (line.startsWith('uploads')) startWriting()
        },
      })
    } finally {
      done.abort()
      await writer
    }
    expect(writes).toBeGreaterThan(1)

    const target = targetsIn('live-restored')
    await restoreBackup({ backupDir: result.dir, ...target, force: false })
    const restored = await readdir(target.recordingsDir, { recursive: true, withFileTypes: true })
    expect(restored.filter((entry) => entry.isFile())).toHaveLength(result.manifest.recordings.files)
    // The growing part is restored as far as it had been written when it was read: a prefix of it.
    const restoredPart = await readFile(path.join(target.recordingsDir, 'growing.webm')).catch(() => null)
    if (restoredPart !== null) expect(restoredPart.equals((await readFile(growing)).subarray(0, restoredPart.length))).toBe(true)
    expect(await folderDigest(target.uploadDir)).toEqual(await folderDigest(source.uploads))
  }, 60_000)

  it('removes the .partial folders of runs that were killed, not those of a live run', async () => {
    const root = path.join(tmp, 'killed-runs')
    const deadPid = spawnSync('true').pid
    const killed = path.join(root, `.partial-20261201T020000Z-${deadPid}`)
    const running = path.join(root, `.partial-20261201T020000Z-${process.ppid}`)
    await mkdir(killed, { recursive: true })
    await mkdir(running, { recursive: true })
    await createBackup({ backupRoot: root, database: { kind: 'pglite', dataDir: source.pglite }, uploadDir: source.uploads, recordingsDir: source.recordings })
    const left = await readdir(root)
    expect(left).not.toContain(path.basename(killed))
    expect(left).toContain(path.basename(running))
    expect(left.filter((name) => /^\d{8}T\d{6}Z$/.test(name))).toHaveLength(1)
  }, 60_000)

  it('keeps only the newest backups when asked', async () => {
    const root = path.join(tmp, 'rotated')
    const times = ['2026-12-01T02:00:00Z', '2026-12-02T02:00:00Z', '2026-12-03T02:00:00Z']
    let removed: string[] = []
    for (const time of times) {
      const result = await createBackup({
        backupRoot: root,
        database: { kind: 'pglite', dataDir: source.pglite },
        uploadDir: source.uploads,
        recordingsDir: source.recordings,
        keep: 2,
        now: () => new Date(time),
      })
      removed = result.removed
    }
    expect(removed).toEqual(['20261201T020000Z'])
    expect(await listBackups(root)).toEqual(['20261202T020000Z', '20261203T020000Z'])
  }, 60_000)
})

describe('restore of a PGlite backup', () => {
  const fresh = () => targetsIn('fresh')

  it('into a fresh folder: the app serves the same data and the files are byte-identical', async () => {
    const result = await restoreBackup({ backupDir, ...fresh(), force: false })
    expect(result.tables).toEqual(manifest.database.tables)
    expect(await countsOf(fresh().database.dataDir)).toEqual(await countsOf(source.pglite))

    process.env.PGLITE_DATA_DIR = fresh().database.dataDir
    const served = await readDemoProfile()
    await disconnectPrisma()
    expect(served).not.toBeNull()
    expect(served?.products.length).toBeGreaterThan(0)
    expect(served?.logoPath).toBe(`/uploads/${LOGO_NAME}`)
    expect(served).toEqual(seeded.profile)

    expect(await folderDigest(fresh().uploadDir)).toEqual(await folderDigest(source.uploads))
    expect(await folderDigest(fresh().recordingsDir)).toEqual(await folderDigest(source.recordings))
    expect(await readdir(path.dirname(fresh().database.dataDir))).toEqual(['pglite', 'recordings', 'uploads'])
  }, 60_000)

  it('refuses a target that holds data unless forced, and force replaces it', async () => {
    const target = targetsIn('forced')
    await restoreBackup({ backupDir, ...target, force: false })
    const stray = path.join(target.uploadDir, 'stray.png')
    await writeFile(stray, 'not from the backup')

    const error = await refused('not-empty', restoreBackup({ backupDir, ...target, force: false }))
    expect(error.message).toContain('--force')
    expect(await readFile(stray, 'utf8')).toBe('not from the backup')

    await restoreBackup({ backupDir, ...target, force: true })
    expect(await folderDigest(target.uploadDir)).toEqual(await folderDigest(source.uploads))
    expect(await countsOf(target.database.dataDir)).toEqual(manifest.database.tables)
  }, 60_000)

  it('refuses a damaged backup before touching the target (truncated, flipped byte, no manifest, forged truncation)', async () => {
    const target = targetsIn('kept')
    await restoreBackup({ backupDir, ...target, force: false })
    const before = { uploads: await folderDigest(target.uploadDir), rows: await countsOf(target.database.dataDir) }

    const copy = async (name: string) => {
      const dir = path.join(tmp, name)
      await cp(backupDir, dir, { recursive: true })
      return dir
    }
    const truncated = await copy('truncated')
    await truncate(path.join(truncated, 'database.pglite.tar.gz'), 1000)
    expect((await refused('bad-backup', restoreBackup({ backupDir: truncated, ...target, force: true }))).message).toContain('truncated')

    const flipped = await copy('flipped')
    const uploads = await readFile(path.join(flipped, 'uploads.tar.gz'))
    const middle = uploads.length >> 1
    uploads.writeUInt8(uploads.readUInt8(middle) ^ 0xff, middle)
    await writeFile(path.join(flipped, 'uploads.tar.gz'), uploads)
    expect((await refused('bad-backup', restoreBackup({ backupDir: flipped, ...target, force: true }))).message).toContain('sha256')

    const headless = await copy('headless')
    await rm(path.join(headless, MANIFEST_FILE))
    expect((await refused('bad-backup', restoreBackup({ backupDir: headless, ...target, force: true }))).message).toContain('no manifest.json')

    // A copy cut short whose manifest was re-hashed: the archive itself cannot be read to its end.
    const forged = await copy('forged')
    const recordings = await readFile(path.join(forged, 'recordings.tar.gz'))
    await replacePart(forged, 'recordings', recordings.subarray(0, recordings.length - 5000))
    expect((await refused('bad-backup', restoreBackup({ backupDir: forged, ...target, force: true }))).message).toContain('cannot be read')

    expect(await folderDigest(target.uploadDir)).toEqual(before.uploads)
    expect(await countsOf(target.database.dataDir)).toEqual(before.rows)
  }, 60_000)

  it('refuses archives whose entries escape the folder or are links, and writes nothing', async () => {
    const cases = [
      { entries: [{ path: '../escaped.txt', body: 'pwned' }], reason: 'climbs out' },
      { entries: [{ path: 'ok/../../../escaped.txt', body: 'pwned' }], reason: 'climbs out' },
      { entries: [{ path: `${tmp}/escaped.txt`, body: 'pwned' }], reason: 'absolute path' },
      {
        entries: [
          { path: 'link', type: 'SymbolicLink' as const, linkpath: tmp },
          { path: 'link/escaped.txt', body: 'pwned' },
        ],
        reason: 'SymbolicLink',
      },
      { entries: [{ path: 'hard', type: 'Link' as const, linkpath: '/etc/passwd' }], reason: 'Link' },
    ]
    for (const [i, { entries, reason }] of cases.entries()) {
      const dir = path.join(tmp, `hostile-${i}`)
      await cp(backupDir, dir, { recursive: true })
      await replacePart(dir, 'uploads', hostileArchive(entries))
      const target = targetsIn(`hostile-target-${i}`)
      const error = await refused('bad-backup', restoreBackup({ backupDir: dir, ...target, force: false }))
      expect(error.message).toContain('unsafe')
      expect(error.message).toContain(reason)
      // Nothing restored at all: not the database, not the files, and nothing outside.
      expect(await readdir(tmp)).not.toContain(`hostile-target-${i}`)
    }
    expect(await readdir(tmp)).not.toContain('escaped.txt')
    expect(await readdir(path.dirname(tmp))).not.toContain('escaped.txt')
  }, 60_000)

  it('refuses a backup taken by a newer version (a migration this code lacks) and a PostgreSQL backup', async () => {
    const newer = path.join(tmp, 'newer')
    await cp(backupDir, newer, { recursive: true })
    const changed = { ...(await readManifestJson(newer)) }
    changed.database = { ...changed.database, migration: '29991231000000_from_the_future' }
    await writeFile(path.join(newer, MANIFEST_FILE), JSON.stringify(changed))
    expect((await refused('bad-backup', restoreBackup({ backupDir: newer, ...targetsIn('newer-target'), force: false }))).message).toContain(
      '29991231000000_from_the_future',
    )

    const postgres = { ...targetsIn('pg-target'), database: { kind: 'postgres' as const, url: 'postgresql://postgres@127.0.0.1:1/none' } }
    expect((await refused('usage', restoreBackup({ backupDir, ...postgres, force: false }))).message).toContain('PGlite backup')
  })
})
