// Row counts per table and the newest applied migration, read the same way from PGlite and PostgreSQL.
import type { TableCounts } from './manifest.ts'

/** Runs one statement: pg.Client#query and PGlite#query both fit. */
export type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Exact row counts of every table in `schema` (the app's schema; Prisma's `_prisma_migrations` included). */
export async function countRows(query: Query, schema: string): Promise<TableCounts> {
  const { rows } = await query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
    [schema],
  )
  const tables = rows.map((row) => String(row.name))
  if (tables.length === 0) return {}
  const counts = await query(
    tables.map((table, i) => `SELECT ${i} AS i, count(*)::bigint AS n FROM ${quoteIdent(schema)}.${quoteIdent(table)}`).join(' UNION ALL '),
  )
  const result: TableCounts = {}
  for (const row of counts.rows) {
    const table = tables[Number(row.i)]
    if (table !== undefined) result[table] = Number(row.n)
  }
  return result
}

/** The newest migration Prisma finished (names start with a timestamp), or null on a database without any. */
export async function latestMigration(query: Query, schema: string, tables: TableCounts): Promise<string | null> {
  if (!('_prisma_migrations' in tables)) return null
  const { rows } = await query(
    `SELECT migration_name FROM ${quoteIdent(schema)}._prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  )
  const name = rows[0]?.migration_name
  return typeof name === 'string' ? name : null
}

/** Differences between the rows the manifest promised and the rows a restored database holds. */
export function compareCounts(expected: TableCounts, actual: TableCounts): string[] {
  const problems: string[] = []
  for (const [table, rows] of Object.entries(expected)) {
    const found = actual[table]
    if (found === undefined) problems.push(`${table}: missing (expected ${rows} rows)`)
    else if (found !== rows) problems.push(`${table}: ${found} rows, expected ${rows}`)
  }
  for (const table of Object.keys(actual)) {
    if (!(table in expected)) problems.push(`${table}: not in the backup (left over in the target?)`)
  }
  return problems
}
