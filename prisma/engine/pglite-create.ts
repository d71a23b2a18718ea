import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'

/**
 * Every PGlite this project opens (app, CLI, shadow database) carries the same extensions,
 * so `CREATE EXTENSION` in a migration behaves as on PostgreSQL.
 */
export function createPGlite(dataDir: string): Promise<PGlite> {
  return PGlite.create({ dataDir, extensions: { pg_trgm } })
}
