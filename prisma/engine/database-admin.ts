// Whole-database operations behind the engine's one-shot commands
// (`schema-engine cli can-connect-to-database | create-database | drop-database`).
// Errors carry the Prisma error codes the CLI understands (P1001 unreachable, P1003 missing).
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { PGLITE_MEMORY, type DatabaseTarget } from './database-url.ts'
import { openDatabase } from './database.ts'

export class DatabaseAdminError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

function describe(url: string): { database: string; location: string } {
  const parsed = new URL(url)
  return { database: decodeURIComponent(parsed.pathname.slice(1)) || 'postgres', location: `${parsed.hostname}:${parsed.port || 5432}` }
}

function toAdminError(error: unknown, url: string): unknown {
  const { database, location } = describe(url)
  const code = (error as { code?: string }).code
  if (code === '3D000') return new DatabaseAdminError('P1003', `Database \`${database}\` does not exist on the database server at \`${location}\`.`)
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT') {
    return new DatabaseAdminError('P1001', `Can't reach database server at \`${location}\``)
  }
  if (code === '28P01' || code === '28000') return new DatabaseAdminError('P1000', `Authentication failed against database server at \`${location}\``)
  return error
}

/** Runs `run` on a connection to `url`; connection failures become DatabaseAdminErrors with Prisma's codes. */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  try {
    await client.connect()
    return await run(client)
  } catch (error) {
    throw toAdminError(error, url)
  } finally {
    await client.end().catch(() => {
      // The error that matters (if any) was thrown above.
    })
  }
}

/** The server's maintenance database, to create or drop the target database from. */
function maintenanceUrl(url: string): string {
  const parsed = new URL(url)
  parsed.pathname = '/postgres'
  return parsed.toString()
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
const isPGliteFolder = (dataDir: string) => existsSync(path.join(dataDir, 'PG_VERSION'))

export async function canConnect(target: DatabaseTarget): Promise<void> {
  if (target.kind === 'postgres')
    return withClient(target.url, async () => {
      // Connecting is the check.
    })
  if (target.dataDir === PGLITE_MEMORY || isPGliteFolder(target.dataDir)) return
  throw new DatabaseAdminError('P1003', `Database does not exist: no PGlite data folder at \`${target.dataDir}\`.`)
}

export async function createDatabase(target: DatabaseTarget): Promise<string> {
  if (target.kind === 'pglite') {
    const opened = await openDatabase(target) // initialises the folder
    await opened.close()
    return 'tradecast'
  }
  const { database } = describe(target.url)
  await withClient(maintenanceUrl(target.url), async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quote(database)}`)
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error // 42P04: already exists
    }
  })
  return database
}

export async function dropDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind === 'pglite') {
    // Only remove folders that are PGlite data folders, never an arbitrary path.
    if (target.dataDir !== PGLITE_MEMORY && isPGliteFolder(target.dataDir)) await rm(target.dataDir, { recursive: true })
    return
  }
  const { database } = describe(target.url)
  await withClient(maintenanceUrl(target.url), (client) => client.query(`DROP DATABASE IF EXISTS ${quote(database)}`))
}
