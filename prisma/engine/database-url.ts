// Which database to use, as a value and as a datasource URL the Prisma CLI accepts.
//
// PGlite URL convention: the CLI only accepts postgresql:// URLs for provider "postgresql", so an
// embedded PGlite is written as a PostgreSQL URL whose host is the reserved name `pglite`:
//   postgresql://pglite/tradecast?dataDir=<percent-encoded absolute path>   (data folder)
//   postgresql://pglite/tradecast?dataDir=memory%3A%2F%2F                     (in memory)
// The database name in the path is only for display; one PGlite folder holds one database.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type DatabaseTarget = { kind: 'pglite'; /** absolute folder, or 'memory://' */ dataDir: string } | { kind: 'postgres'; url: string }

export const PGLITE_HOST = 'pglite'
export const PGLITE_MEMORY = 'memory://'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export function pgliteUrl(dataDir: string): string {
  const dir = dataDir === PGLITE_MEMORY ? dataDir : path.resolve(dataDir)
  return `postgresql://${PGLITE_HOST}/tradecast?dataDir=${encodeURIComponent(dir)}`
}

export function targetFromUrl(url: string): DatabaseTarget {
  const parsed = new URL(url)
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new Error(`Unsupported database URL protocol "${parsed.protocol}" (expected postgresql://)`)
  }
  if (parsed.hostname !== PGLITE_HOST) return { kind: 'postgres', url }
  const dataDir = parsed.searchParams.get('dataDir')
  if (!dataDir) throw new Error(`PGlite URL needs a dataDir parameter: ${url}`)
  return { kind: 'pglite', dataDir: dataDir === PGLITE_MEMORY ? dataDir : path.resolve(dataDir) }
}

/**
 * DATABASE_URL when set (real PostgreSQL, or a PGlite URL as above); otherwise an embedded PGlite
 * in PGLITE_DATA_DIR (relative paths resolve against the working directory), by default
 * <project>/data/pglite.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return targetFromUrl(env.DATABASE_URL)
  const dataDir = env.PGLITE_DATA_DIR || path.join(projectRoot, 'data', 'pglite')
  return { kind: 'pglite', dataDir: dataDir === PGLITE_MEMORY ? dataDir : path.resolve(dataDir) }
}

export function targetToUrl(target: DatabaseTarget): string {
  return target.kind === 'postgres' ? target.url : pgliteUrl(target.dataDir)
}
