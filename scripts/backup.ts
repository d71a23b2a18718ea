// `npm run backup [-- --keep N]`: backs up the database the app is configured with (DATABASE_URL, or the
// PGlite folder PGLITE_DATA_DIR / data/pglite), UPLOAD_DIR and RECORDINGS_DIR into a new timestamped
// folder under BACKUP_DIR (default backups/). See docs/backups.md.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { resolveDatabaseTarget } from '../prisma/engine/database-url.ts'
import { getEnv } from '../app/utils/env.server.ts'
import { backupEnv, formatBytes, parseOptions, progress, runCli } from './backup/cli.ts'
import { createBackup } from './backup/create-backup.ts'
import { BackupError } from './backup/errors.ts'

const USAGE = `Usage: npm run backup [-- --keep N]
  --keep N   after this backup succeeds, delete all but the newest N backups in BACKUP_DIR (or BACKUP_KEEP)
Reads DATABASE_URL or PGLITE_DATA_DIR, UPLOAD_DIR, RECORDINGS_DIR, BACKUP_DIR like the app does.`

const OptionsSchema = z.object({
  keep: z.coerce.number().int().min(1).max(10_000).optional(),
  help: z.boolean().optional(),
})

runCli(async () => {
  const { values, positionals } = parseArgs({ options: { keep: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true })
  const options = parseOptions(OptionsSchema, values, USAGE)
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (positionals.length > 0) throw new BackupError('usage', `Unexpected argument ${positionals.join(' ')}\n\n${USAGE}`)
  let appEnv: ReturnType<typeof getEnv>
  try {
    appEnv = getEnv()
  } catch (error) {
    throw new BackupError('usage', (error as Error).message)
  }
  const env = backupEnv()
  const result = await createBackup({
    backupRoot: env.BACKUP_DIR,
    database: resolveDatabaseTarget(process.env),
    uploadDir: appEnv.UPLOAD_DIR,
    recordingsDir: appEnv.RECORDINGS_DIR,
    keep: options.keep ?? env.BACKUP_KEEP,
    log: progress,
  })
  const { manifest } = result
  const rows = Object.values(manifest.database.tables).reduce((sum, n) => sum + n, 0)
  for (const skipped of result.skipped) progress(`skipped (not a regular file): ${skipped}`)
  for (const stale of result.staleRemoved) progress(`removed ${stale} (left by a run that was killed)`)
  for (const removed of result.removed) progress(`removed old backup ${removed}`)
  // The backup itself is complete and checked: exit 0; the next run tries the pruning again.
  for (const failure of result.pruneFailures) progress(`warning: could not remove old backup ${failure}`)
  process.stdout.write(
    [
      `backup ${result.dir}`,
      `  database   ${manifest.database.kind}, ${Object.keys(manifest.database.tables).length} tables, ${rows} rows, migration ${manifest.database.migration ?? 'none'}, ${formatBytes(manifest.database.bytes)}`,
      `  uploads    ${manifest.uploads.files} files, ${formatBytes(manifest.uploads.contentBytes)} → ${formatBytes(manifest.uploads.bytes)}`,
      `  recordings ${manifest.recordings.files} files, ${formatBytes(manifest.recordings.contentBytes)} → ${formatBytes(manifest.recordings.bytes)}`,
      `  took ${manifest.durationMs} ms`,
      '',
    ].join('\n'),
  )
})
