// Prisma driver adapter factory for real PostgreSQL (@prisma/adapter-pg) over one pool that this
// module owns, with the fixes the schema engine needs.
import { randomUUID } from 'node:crypto'
import { PrismaPg } from '@prisma/adapter-pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import pg from 'pg'

const CHAR_OID = 18
const TEXT_OID = 25

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> }

function reportCharAsText<T>(result: T): T {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as QueryResultLike | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID
    }
  }
  return result
}

/**
 * adapter-pg 7.10 cannot deserialize the one-byte "char" type (OID 18) that the engine's schema
 * describer selects from pg_catalog. pg returns it as a string anyway, so this Client reports
 * such columns as text. It covers pool queries (callback form) and transactions (promise form).
 */
class CharAsTextClient extends pg.Client {}
// Taken off the prototype on purpose: it is applied below with the client as `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const originalQuery = pg.Client.prototype.query
CharAsTextClient.prototype.query = function query(this: pg.Client, ...args: unknown[]): unknown {
  const last = args.at(-1)
  if (typeof last === 'function') {
    const callback = last as (error: unknown, result: unknown) => void
    args[args.length - 1] = (error: unknown, result: unknown) => {
      callback(error, error ? result : reportCharAsText(result))
    }
    return Reflect.apply(originalQuery, this, args)
  }
  const returned = Reflect.apply(originalQuery, this, args) as unknown
  return returned instanceof Promise ? returned.then(reportCharAsText) : returned
} as typeof originalQuery

/**
 * adapter-pg splits scripts on ";" (breaks on $$ bodies and string literals). Send the whole
 * script as one simple-protocol query instead, like the native engine does; executeRaw with no
 * arguments does exactly that and maps errors like any other query.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapter.executeScript = async (script: string) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] })
  }
  return adapter
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${encodeURIComponent(database)}`
  return parsed.toString()
}

function schemaOf(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined
}

function newPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, Client: CharAsTextClient })
}

async function resetDatabase(pool: pg.Pool, schema: string): Promise<void> {
  const quoted = `"${schema.replaceAll('"', '""')}"`
  await pool.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted}`)
}

export type PostgresAdapterFactory = SqlMigrationAwareDriverAdapterFactory & {
  /** Ends the pool. Adapters handed out by connect() do not end it (PrismaClient may still use it). */
  close(): Promise<void>
}

export function createPostgresAdapterFactory(url: string, shadowDatabaseUrl?: string): PostgresAdapterFactory {
  const schema = schemaOf(url)
  const pool = newPool(url)
  const inner = new PrismaPg(pool, schema ? { schema } : undefined)
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      return wholeScripts(await inner.connect())
    },
    // adapter-pg's own shadow database is the main database when given a connection string
    // (P3006), and it drops it while its pool is still connected (leaking one per run). The
    // temp database is created here and dropped after its pool has ended. A configured
    // shadowDatabaseUrl is reset first: the Wasm engine, unlike the native one, does not.
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        const shadowPool = newPool(shadowDatabaseUrl)
        await resetDatabase(shadowPool, schemaOf(shadowDatabaseUrl) ?? 'public')
        return shadowAdapter(shadowPool, schemaOf(shadowDatabaseUrl), () => shadowPool.end())
      }
      const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`
      await pool.query(`CREATE DATABASE "${database}"`)
      const shadowPool = newPool(withDatabase(url, database))
      return shadowAdapter(shadowPool, schema, async () => {
        await shadowPool.end()
        await pool.query(`DROP DATABASE IF EXISTS "${database}"`)
      })
    },
    close: () => pool.end(),
  }
}

async function shadowAdapter(pool: pg.Pool, schema: string | undefined, dispose: () => Promise<void>) {
  const adapter = wholeScripts(await new PrismaPg(pool, schema ? { schema } : undefined).connect())
  adapter.dispose = dispose
  return adapter
}
