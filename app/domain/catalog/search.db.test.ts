import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createProduct } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { parseCatalogQuery } from './search-params'
import { searchCatalog } from './search.server'

const now = new Date('2026-11-24T00:00:00Z')
const inAYear = new Date('2027-11-24T00:00:00Z')
const lastYear = new Date('2025-11-24T00:00:00Z')
let ids: Record<string, string>
let companySlug: string

beforeAll(async () => {
  const prisma = await getPrisma()
  // Newer than any rate other test files write (the db project shares one database), so it is the one used.
  const validFrom = new Date('2026-11-23T00:00:00Z')
  await prisma.exchangeRate.upsert({
    where: { currency_validFrom: { currency: 'KRW', validFrom } },
    update: { usdPerUnit: '0.00072' },
    create: { currency: 'KRW', usdPerUnit: '0.00072', validFrom },
  })
  const sokcho = await createExporter({ city: 'Sokcho-test' })
  const wonju = await createExporter({ city: 'Wonju-test' })
  companySlug = sokcho.company.slug
  ids = {
    squid: (
      await createProduct(sokcho.company.id, {
        name: 'Dried shredded squid',
        koName: '진미채 오징어',
        hsCode: '030743',
        moq: 200,
        priceMinor: 950,
        incoterms: ['FOB'],
        categorySlug: 'seafood-test',
        certification: { type: 'HACCP', market: 'US', validUntil: inAYear },
      })
    ).id,
    ginseng: (
      await createProduct(sokcho.company.id, {
        name: 'Korean red ginseng extract 人参',
        koName: '홍삼 농축액',
        hsCode: '130219',
        moq: 50,
        priceMinor: 42_000,
        currency: 'KRW',
        incoterms: ['EXW', 'CIF'],
        categorySlug: 'supplements-test',
        certification: { type: 'HALAL', market: 'MY', validUntil: inAYear },
      })
    ).id,
    monitor: (
      await createProduct(wonju.company.id, {
        name: 'Patient monitor',
        hsCode: '9018199000',
        moq: 5,
        priceMinor: 180_000,
        incoterms: ['DAP'],
        categorySlug: 'medical-test',
        certification: { type: 'CE', market: 'EU', validUntil: inAYear },
      })
    ).id,
    expiredCe: (
      await createProduct(wonju.company.id, {
        name: 'Ultrasound gel',
        hsCode: '300640',
        moq: 1000,
        priceMinor: 120,
        incoterms: ['FOB'],
        categorySlug: 'medical-test',
        certification: { type: 'CE', market: 'EU', validUntil: lastYear },
      })
    ).id,
    draft: (await createProduct(wonju.company.id, { name: 'Unreleased squid snack', status: 'DRAFT' })).id,
  }
})
afterAll(async () => {
  await disconnectPrisma()
})

// On PostgreSQL the db suites share one database, so other files' products may match too:
// assertions look only at this file's products.
async function search(params: Record<string, string>) {
  const { query } = parseCatalogQuery(new URLSearchParams(params))
  const mine = new Set(Object.values(ids))
  const result = await searchCatalog(query, { locale: 'en', now })
  return result.cards.map((card) => card.id).filter((id) => mine.has(id))
}

describe('catalog search', () => {
  it('finds English words with stemming and never shows drafts', async () => {
    expect(await search({ q: 'squids' })).toEqual([ids.squid])
  })

  it('finds Korean words and Chinese substrings in any locale', async () => {
    expect(await search({ q: '홍삼' })).toEqual([ids.ginseng])
    expect(await search({ q: '人参' })).toEqual([ids.ginseng])
    expect(await search({ q: '오징어' })).toEqual([ids.squid])
  })

  it('filters by HS prefix (dots allowed) and category', async () => {
    expect(await search({ hs: '9018' })).toEqual([ids.monitor])
    expect(await search({ hs: '03.07' })).toEqual([ids.squid])
    expect((await search({ category: 'medical-test' })).sort()).toEqual([ids.monitor, ids.expiredCe].sort())
  })

  it('counts only certifications valid now, for the market or its bloc', async () => {
    expect(await search({ market: 'DE' })).toEqual([ids.monitor]) // EU CE covers Germany; the expired one does not
    expect(await search({ market: 'MY', certType: 'HALAL' })).toEqual([ids.ginseng])
    expect(await search({ market: 'US', certType: 'CE' })).toEqual([])
  })

  it('filters by MOQ, price in USD across currencies, exporter place and Incoterm', async () => {
    expect((await search({ maxMoq: '50' })).sort()).toEqual([ids.ginseng, ids.monitor].sort())
    // 42,000 KRW × 0.00072 = 30.24 USD
    expect(await search({ priceMin: '30', priceMax: '31' })).toEqual([ids.ginseng])
    expect((await search({ region: 'wonju-test' })).sort()).toEqual([ids.monitor, ids.expiredCe].sort())
    expect(await search({ incoterm: 'DAP' })).toEqual([ids.monitor])
  })

  it('sorts by price and by MOQ', async () => {
    const byPrice = await search({ sort: 'price_asc', region: 'Sokcho-test' })
    expect(byPrice).toEqual([ids.squid, ids.ginseng])
    const byMoq = await search({ sort: 'moq_asc', region: 'Wonju-test' })
    expect(byMoq).toEqual([ids.monitor, ids.expiredCe])
  })

  it('treats LIKE wildcards and SQL in the query as plain text', async () => {
    expect(await search({ q: '%' })).toEqual([])
    expect(await search({ q: '\'; DROP TABLE "Product"; --' })).toEqual([])
    const prisma = await getPrisma()
    expect(await prisma.product.count()).toBeGreaterThan(0)
  })

  it('drops invalid filters and reports them instead of failing', () => {
    const { query, rejected } = parseCatalogQuery(
      new URLSearchParams({ hs: '3', maxMoq: '-4', incoterm: 'FREE', priceMin: '10', priceMax: '5', sort: 'random' }),
    )
    expect(rejected.sort()).toEqual(['hs', 'incoterm', 'maxMoq', 'priceMax', 'sort'])
    expect(query).toEqual({ priceMin: 10 })
  })

  it('carries company and certification facts on each card', async () => {
    const { query } = parseCatalogQuery(new URLSearchParams({ q: 'squid', region: 'Sokcho-test' }))
    const { cards } = await searchCatalog(query, { locale: 'ko', now })
    expect(cards.filter((card) => card.id === ids.squid)).toHaveLength(1)
    expect(cards.find((card) => card.id === ids.squid)).toMatchObject({
      name: '진미채 오징어',
      companySlug,
      certifications: ['HACCP · US'],
      fromPrice: { minor: 950, currency: 'USD' },
    })
  })
})
