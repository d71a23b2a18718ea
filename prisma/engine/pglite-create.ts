import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

/**
 * Every PGlite this project opens (app, CLI, shadow database, restore) carries the same extensions,
 * so `CREATE EXTENSION` in a migration behaves as on PostgreSQL. `loadDataDir`: a `dumpDataDir()`
 * tarball to start an empty folder from (npm run restore).
 */
export function createPGlite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { pg_trgm }, ...options })
}
