import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { cyrillicCatalog } from '../../../tests/cyrillic-catalog'

// Russian and Mongolian queries in any case and as parts of words, on the database this suite runs on
// (PGlite in the unit project, PostgreSQL in the db project). A database whose ctype is C is covered by
// search-ctype-c.db.test.ts.

let catalog: Awaited<ReturnType<typeof cyrillicCatalog>>

beforeAll(async () => {
  catalog = await cyrillicCatalog()
})
afterAll(async () => {
  await disconnectPrisma()
})

describe('catalog search in Cyrillic', () => {
  it.each(['ЖЕНЬШЕНЬ', 'женьшен', 'Женьшеня', 'Хүнсний', 'хүНСНИЙ', 'хүнс', 'ОРХООДОЙ', 'канвондо'])('finds the product by «%s»', async (q) => {
    expect(await catalog.search(q)).toEqual([catalog.ginseng.id])
  })

  it('finds Russian word forms the text does not contain (Russian stemming)', async () => {
    // «женьшенем» (instrumental case) is no substring of the text; its stem is.
    expect(await catalog.search('женьшенем')).toEqual([catalog.ginseng.id])
    expect(await catalog.search('КРАСНЫЙ ЭКСТРАКТ')).toEqual([catalog.ginseng.id])
  })

  it('still finds English and Korean, and nothing for Cyrillic that is not there', async () => {
    expect(await catalog.search('red GINSENG')).toEqual([catalog.ginseng.id])
    expect(await catalog.search('Squid')).toEqual([catalog.squid.id])
    expect(await catalog.search('오징어')).toEqual([catalog.squid.id])
    expect(await catalog.search('кальмар')).toEqual([])
  })

  it('stores the search text lower-cased, Cyrillic included', async () => {
    const prisma = await getPrisma()
    const { searchText } = await prisma.product.findUniqueOrThrow({ where: { id: catalog.ginseng.id }, select: { searchText: true } })
    expect(searchText).toContain('экстракт красного женьшеня')
    expect(searchText).toContain('хүнсний улаан')
    expect(searchText).toBe(searchText.toLowerCase())
  })
})
