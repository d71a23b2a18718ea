// PostgreSQL: pg_dump (custom format) and pg_restore from Debian's postgresql-client
// (scripts/lib.sh install_all installs it). The row counts in the manifest are read inside the very
// snapshot pg_dump dumps (pg_export_snapshot + --snapshot), so a backup taken while the app writes
// still verifies exactly on restore.
import { execFile } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { createDatabase, DatabaseAdminError, dropDatabase, withClient as withAdminClient } from '../../prisma/engine/database-admin.ts'
import { BackupError } from './errors.ts'
import type { DatabasePart, TableCounts } from './manifest.ts'
import { compareCounts, countRows, latestMigration, type Query } from './tables.ts'

// Query parameters Prisma reads from DATABASE_URL that libpq (pg_dump, pg_restore) would reject.
const PRISMA_ONLY_PARAMS = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size', 'socket_timeout', 'sslaccept']

/** The app's schema in the database: Prisma's `?schema=`, else public. */
export function schemaOf(url: string): string {
  return new URL(url).searchParams.get('schema') ?? 'public'
}

/**
 * What the client programs get: a libpq URL without the password (command lines are visible to every
 * user of the machine in `ps`) and the password in PGPASSWORD instead.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url)
  const password = decodeURIComponent(parsed.password)
  parsed.password = ''
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name)
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} }
}

type RunResult = { stdout: string; stderr: string }

function run(program: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) {
        resolve({ stdout, stderr })
        return
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new BackupError('tool', `${program} is not installed: install Debian's postgresql-client (scripts/lib.sh install_all does)`))
        return
      }
      reject(new BackupError('failed', `${program} failed: ${stderr.trim() || error.message}`, { cause: error }))
    })
  })
}

/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → its full text and major version. */
export async function clientVersion(program: 'pg_dump' | 'pg_restore'): Promise<{ text: string; major: number }> {
  const { stdout } = await run(program, ['--version'])
  const text = stdout.trim()
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(text)?.[1])
  if (!Number.isInteger(major)) throw new BackupError('tool', `Cannot read the version of ${program}: "${text}"`)
  return { text, major }
}

export function majorOfDumpTool(dumpTool: string): number | null {
  const major = Number(/\(PostgreSQL\)\s+(\d+)/.exec(dumpTool)?.[1])
  return Number.isInteger(major) ? major : null
}

const toBackupError =
  (url: string) =>
  (error: unknown): never => {
    throw new BackupError('failed', `PostgreSQL at ${new URL(url).host}: ${(error as Error).message}`, { cause: error })
  }

/** A connection for the backup; any failure outside a BackupError is a `failed` one naming the server. */
async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  try {
    return await withAdminClient(url, work)
  } catch (error) {
    if (error instanceof BackupError) throw error
    return toBackupError(url)(error)
  }
}

const queryOf =
  (client: pg.Client): Query =>
  (sql, params) =>
    client.query(sql, params)

/** Dumps the database of `url` into `file`; the manifest's database part except size and checksum. */
export async function dumpPostgres(url: string, file: string): Promise<Omit<DatabasePart, 'file' | 'bytes' | 'sha256'>> {
  const dump = await clientVersion('pg_dump')
  const schema = schemaOf(url)
  return withClient(url, async (client) => {
    const server = await client.query<{ server_version: string; server_version_num: string }>(
      "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS server_version_num",
    )
    const serverVersion = server.rows[0]?.server_version ?? 'unknown'
    const serverMajor = Math.floor(Number(server.rows[0]?.server_version_num) / 10_000)
    // pg_dump refuses servers newer than itself ("server version mismatch"); say what to install instead.
    if (serverMajor > dump.major) {
      throw new BackupError(
        'tool',
        `pg_dump ${dump.major} cannot dump a PostgreSQL ${serverMajor} server: install postgresql-client-${serverMajor} (PGDG apt repository) or run the backup on the server's machine`,
      )
    }
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      const snapshot = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')
      const tables = await countRows(queryOf(client), schema)
      const migration = await latestMigration(queryOf(client), schema, tables)
      const { dbname, env } = libpqConnection(url)
      const snapshotId = snapshot.rows[0]?.id
      if (!snapshotId) throw new BackupError('failed', 'PostgreSQL returned no snapshot id')
      // The exporting transaction stays open until pg_dump is done, so the snapshot stays importable.
      await run('pg_dump', ['--format=custom', '--no-password', `--snapshot=${snapshotId}`, `--file=${file}`, `--dbname=${dbname}`], env)
      return { kind: 'postgresql' as const, migration, tables, serverVersion, dumpTool: dump.text }
    } finally {
      await client.query('COMMIT')
    }
  })
}

/** pg_restore reads the archive's table of contents: a damaged or foreign file is a bad backup. */
export async function checkPgDump(file: string): Promise<void> {
  await run('pg_restore', ['--list', file]).catch((error: unknown) => {
    throw new BackupError('bad-backup', `${path.basename(file)} is not a readable pg_dump archive: ${(error as Error).message}`, { cause: error })
  })
}

type TargetState = { exists: boolean; relations: number }

async function targetState(url: string): Promise<TargetState> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
           AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')`,
      )
      return { exists: true, relations: Number(rows[0]?.n ?? 0) }
    })
  } catch (error) {
    // P1003: the database does not exist yet, which is the freshest target there is.
    if (error instanceof BackupError && error.cause instanceof DatabaseAdminError && error.cause.code === 'P1003') return { exists: false, relations: 0 }
    throw error
  }
}

/** Refuses (before anything is written) a target database that holds tables, unless forced. */
export async function checkPostgresTarget(url: string, force: boolean): Promise<TargetState> {
  const state = await targetState(url)
  if (state.relations > 0 && !force) {
    const { host, pathname } = new URL(url)
    throw new BackupError(
      'not-empty',
      `Database ${decodeURIComponent(pathname.slice(1))} on ${host} already holds ${state.relations} tables, views or sequences: restore into a fresh database, or pass --force to replace its contents`,
    )
  }
  return state
}

/**
 * Restores `file` into `url` in one transaction (a failure leaves the target as it was), then checks
 * the rows per table against the manifest. --force adds --clean: the backup's objects replace the target's.
 */
export async function restorePostgres(file: string, url: string, part: DatabasePart, { force }: { force: boolean }): Promise<TableCounts> {
  const restore = await clientVersion('pg_restore')
  const dumpMajor = majorOfDumpTool(part.dumpTool)
  if (dumpMajor !== null && dumpMajor > restore.major) {
    throw new BackupError(
      'tool',
      `The backup was written by pg_dump ${dumpMajor}; pg_restore ${restore.major} cannot read it: install postgresql-client-${dumpMajor}`,
    )
  }
  const state = await checkPostgresTarget(url, force)
  const { dbname, env } = libpqConnection(url)
  // A readable table of contents, before the target is touched.
  await checkPgDump(file)
  if (!state.exists) await createDatabase({ kind: 'postgres', url }).catch(toBackupError(url))
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', '--no-password', `--dbname=${dbname}`]
  if (force && state.relations > 0) args.push('--clean', '--if-exists')
  try {
    await run('pg_restore', [...args, file], env)
  } catch (error) {
    // The transaction rolled back; a database this restore created goes too, so the target is as it was.
    if (!state.exists) await dropDatabase({ kind: 'postgres', url }).catch(() => undefined)
    throw error
  }
  const restored = await withClient(url, (client) => countRows(queryOf(client), schemaOf(url)))
  const problems = compareCounts(part.tables, restored)
  if (problems.length > 0) throw new BackupError('verify', `The restored database does not match the backup: ${problems.join('; ')}`)
  return restored
}
