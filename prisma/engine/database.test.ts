// In-process migrations through the Wasm schema engine, on an in-memory PGlite and (when
// TEST_POSTGRES_URL is set) on a scratch PostgreSQL database created and dropped here.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations, MigrationFailedError, openDatabase, type DatabaseTarget, type OpenedDatabase } from './database.ts'
import { FAILING_MIGRATION, GOOD_MIGRATIONS, makeTempDir, writeMigrations } from './test-fixtures.ts'

// Booting a fresh PGlite takes a few seconds on 2 cores.
const SLOW = 60_000

async function rows(opened: OpenedDatabase, sql: string): Promise<unknown[][]> {
  const connection = await opened.adapter.connect()
  try {
    return (await connection.queryRaw({ sql, args: [], argTypes: [] })).rows
  } finally {
    await connection.dispose()
  }
}

function migrationSuite(open: () => Promise<{ target: DatabaseTarget; cleanup(): Promise<void> }>) {
  let opened: OpenedDatabase
  let migrationsDir: string
  const cleanups: Array<() => Promise<void>> = []

  beforeAll(async () => {
    const temp = await makeTempDir('engine-migrations')
    cleanups.push(() => temp.remove())
    migrationsDir = path.join(temp.dir, 'migrations')
    await writeMigrations(migrationsDir, GOOD_MIGRATIONS)
    const database = await open()
    cleanups.push(() => database.cleanup())
    opened = await openDatabase(database.target)
    cleanups.unshift(() => opened.close())
  }, SLOW)

  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup()
  }, SLOW)

  it(
    'applies every migration, each script in one piece',
    async () => {
      const { applied } = await applyMigrations(opened, migrationsDir)
      expect(applied).toEqual(Object.keys(GOOD_MIGRATIONS))
      expect(await rows(opened, 'SELECT "name", "kind"::text FROM "Item"')).toEqual([['a;b;x', 'A']])
    },
    SLOW,
  )

  it(
    'does nothing when re-applied',
    async () => {
      expect(await applyMigrations(opened, migrationsDir)).toEqual({ applied: [] })
    },
    SLOW,
  )

  it('reads the one-byte "char" type the schema describer selects', async () => {
    expect(await rows(opened, `SELECT relkind FROM pg_class WHERE relname = 'Item'`)).toEqual([['r']])
  })

  it(
    'reports a failing migration as failed, rolled back and blocking',
    async () => {
      const [name, sql] = FAILING_MIGRATION
      await writeMigrations(migrationsDir, { [name]: sql })

      const failure = await applyMigrations(opened, migrationsDir).catch((error: unknown) => error)
      expect(failure).toBeInstanceOf(MigrationFailedError)
      expect((failure as MigrationFailedError).migrationName).toBe(name)
      expect((failure as Error).message).toMatch(/DoesNotExist/)

      const recorded = await rows(
        opened,
        `SELECT finished_at IS NULL, rolled_back_at IS NULL, logs IS NOT NULL FROM _prisma_migrations WHERE migration_name = '${name}'`,
      )
      expect(recorded).toEqual([[true, true, true]]) // unfinished, not rolled back, error logged
      expect(await rows(opened, `SELECT to_regclass('"Broken"')::text`)).toEqual([[null]])

      // Later deploys refuse to run past a failed migration, naming it.
      await expect(applyMigrations(opened, migrationsDir)).rejects.toThrow(name)
    },
    SLOW,
  )

  it(
    'hands out a disposable shadow database',
    async () => {
      const shadow = await opened.adapter.connectToShadowDb()
      expect(await shadow.queryRaw({ sql: 'SELECT 1', args: [], argTypes: [] })).toMatchObject({ rows: [[1]] })
      await shadow.dispose()
    },
    SLOW,
  )
}

describe('applyMigrations on in-memory PGlite', () => {
  migrationSuite(async () => ({ target: { kind: 'pglite', dataDir: 'memory://' }, cleanup: async () => {} }))
})

const postgresUrl = process.env.TEST_POSTGRES_URL

async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: postgresUrl })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

describe.skipIf(!postgresUrl)('applyMigrations on PostgreSQL', () => {
  migrationSuite(async () => {
    const name = `tradecast_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`
    await adminQuery(`CREATE DATABASE "${name}"`)
    const url = new URL(postgresUrl!)
    url.pathname = `/${name}`
    return {
      target: { kind: 'postgres', url: url.toString() },
      cleanup: async () => {
        await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      },
    }
  })

  it(
    'drops the temporary shadow database after use',
    async () => {
      const countShadows = async () =>
        ((await adminQuery(`SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'prisma_shadow_%'`)).rows[0] as { n: number }).n
      const opened = await openDatabase({ kind: 'postgres', url: postgresUrl! })
      try {
        const before = await countShadows()
        const shadow = await opened.adapter.connectToShadowDb()
        expect(await countShadows()).toBe(before + 1)
        await shadow.dispose()
        expect(await countShadows()).toBe(before)
      } finally {
        await opened.close()
      }
    },
    SLOW,
  )
})
