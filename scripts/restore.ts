// `npm run restore -- <backup> [--force]`: restores a backup made by `npm run backup` into the database
// and folders the app is configured with (or the ones given), after checking the whole backup. A
// target that holds data is replaced only with --force. See docs/backups.md.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { resolveDatabaseTarget, targetFromUrl, type DatabaseTarget } from '../prisma/engine/database-url.ts'
import { getEnv } from '../app/utils/env.server.ts'
import { backupEnv, parseOptions, progress, runCli } from './backup/cli.ts'
import { listBackups } from './backup/create-backup.ts'
import { BackupError } from './backup/errors.ts'
import { restoreBackup } from './backup/restore-backup.ts'

const USAGE = `Usage: npm run restore -- <backup folder | name in BACKUP_DIR | latest> [options]
  --force                replace a database or folder that already holds data
  --database-url URL     restore a PostgreSQL backup into this database (default DATABASE_URL);
                         without a password: it comes from PGPASSWORD or ~/.pgpass
  --pglite-dir DIR       restore a PGlite backup into this folder (default PGLITE_DATA_DIR or data/pglite)
  --upload-dir DIR       default UPLOAD_DIR or data/uploads
  --recordings-dir DIR   default RECORDINGS_DIR or data/recordings
Stop the app first: a restore replaces what it serves.`

const OptionsSchema = z
  .object({
    force: z.boolean().default(false),
    // Command lines are visible to every user of the machine (ps) for the minutes a restore takes:
    // the password comes from PGPASSWORD or ~/.pgpass, or the whole URL from DATABASE_URL.
    'database-url': z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .refine((url) => URL.canParse(url) && new URL(url).password === '', {
        error: 'must not contain a password (any user can read it in ps): give it in PGPASSWORD or ~/.pgpass, or set DATABASE_URL instead',
      })
      .optional(),
    'pglite-dir': z.string().trim().min(1).optional(),
    'upload-dir': z.string().trim().min(1).optional(),
    'recordings-dir': z.string().trim().min(1).optional(),
    help: z.boolean().optional(),
  })
  .refine((o) => !(o['database-url'] && o['pglite-dir']), { error: 'give --database-url or --pglite-dir, not both' })

const BackupArgument = z.string().trim().min(1, 'name the backup to restore')

async function resolveBackupDir(argument: string, backupRoot: string): Promise<string> {
  if (argument === 'latest') {
    const newest = (await listBackups(backupRoot)).at(-1)
    if (!newest) throw new BackupError('usage', `No backups in ${backupRoot}`)
    return path.join(backupRoot, newest)
  }
  if (existsSync(argument)) return path.resolve(argument)
  const inRoot = path.join(backupRoot, argument)
  if (existsSync(inRoot)) return inRoot
  throw new BackupError('usage', `No backup at ${path.resolve(argument)} or ${inRoot}`)
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    options: {
      force: { type: 'boolean' },
      'database-url': { type: 'string' },
      'pglite-dir': { type: 'string' },
      'upload-dir': { type: 'string' },
      'recordings-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  })
  const options = parseOptions(OptionsSchema, values, USAGE)
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if (positionals.length > 1) throw new BackupError('usage', `One backup at a time, got: ${positionals.join(' ')}\n\n${USAGE}`)
  const argument = parseOptions(BackupArgument, positionals[0] ?? '', USAGE)
  let appEnv: ReturnType<typeof getEnv>
  try {
    appEnv = getEnv()
  } catch (error) {
    throw new BackupError('usage', (error as Error).message)
  }
  const backupDir = await resolveBackupDir(argument, backupEnv().BACKUP_DIR)
  let database: DatabaseTarget
  if (options['database-url']) database = targetFromUrl(options['database-url'])
  else if (options['pglite-dir']) database = { kind: 'pglite', dataDir: path.resolve(options['pglite-dir']) }
  else database = resolveDatabaseTarget(process.env)
  const result = await restoreBackup({
    backupDir,
    database,
    uploadDir: path.resolve(options['upload-dir'] ?? appEnv.UPLOAD_DIR),
    recordingsDir: path.resolve(options['recordings-dir'] ?? appEnv.RECORDINGS_DIR),
    force: options.force,
    log: progress,
  })
  const rows = Object.values(result.tables).reduce((sum, n) => sum + n, 0)
  process.stdout.write(
    [
      `restored ${backupDir} (taken ${result.manifest.createdAt})`,
      `  database   ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite ${database.dataDir}`}: ${Object.keys(result.tables).length} tables, ${rows} rows, as in the manifest`,
      `  uploads    ${result.manifest.uploads.files} files`,
      `  recordings ${result.manifest.recordings.files} files`,
      `  took ${result.durationMs} ms`,
      '',
    ].join('\n'),
  )
})
