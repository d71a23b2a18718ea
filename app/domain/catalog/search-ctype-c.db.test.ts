import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma } from '~/domain/db.server'
import { cyrillicCatalog } from '../../../tests/cyrillic-catalog'

// A PostgreSQL database created with ctype C, where lower(), ILIKE and to_tsvector leave Cyrillic letters
// as they are: the catalog search must still fold «ЖЕНЬШЕНЬ» and «Хүнсний» (it lower-cases with ICU's
// root rules). Runs in the db project only (PostgreSQL); PGlite has no such database to create.

const adminUrl = process.env.TEST_POSTGRES_URL
const suiteUrl = process.env.DATABASE_URL
const onPostgres = Boolean(adminUrl && suiteUrl)
const name = `tradecast_ctype_c_${process.pid}_${Date.now()}`

async function asAdmin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

let catalog: Awaited<ReturnType<typeof cyrillicCatalog>>

beforeAll(async () => {
  if (!onPostgres) return
  await asAdmin(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`)
  const url = new URL(suiteUrl ?? '')
  url.pathname = `/${name}`
  // This file's own database: the app opens it (and applies the migrations) on first use.
  process.env.DATABASE_URL = url.toString()
  catalog = await cyrillicCatalog()
})

afterAll(async () => {
  if (!onPostgres) return
  await disconnectPrisma()
  process.env.DATABASE_URL = suiteUrl
  await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
})

describe.skipIf(!onPostgres)('catalog search on a database with ctype C', () => {
  it('is such a database: its own lower() does not fold Cyrillic', async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    const { rows } = await client.query<{ ctype: string; lowered: string }>(
      `SELECT datctype AS ctype, lower('ЖЕНЬШЕНЬ') AS lowered FROM pg_database WHERE datname = current_database()`,
    )
    await client.end()
    expect(rows[0]).toEqual({ ctype: 'C', lowered: 'ЖЕНЬШЕНЬ' })
  })

  it.each(['ЖЕНЬШЕНЬ', 'женьшен', 'Хүнсний', 'хүнс', 'женьшенем'])('finds the product by «%s»', async (q) => {
    expect(await catalog.search(q)).toEqual([catalog.ginseng.id])
  })

  it('still finds English and nothing unrelated', async () => {
    expect(await catalog.search('Red Ginseng')).toEqual([catalog.ginseng.id])
    expect(await catalog.search('кальмар')).toEqual([])
  })
})
