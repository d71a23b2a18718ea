import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createExporter, createProduct } from '../../../tests/fixtures'
import { disconnectPrisma, getPrisma } from '~/domain/db.server'
import { refreshReadiness } from '~/domain/readiness/readiness.server'
import { createRequirement } from '~/domain/readiness/requirement-fixtures'
import type { MarketRequirement } from '~/domain/readiness/requirement-schema'
import { parseCatalogQuery } from './search-params'
import { searchCatalog } from './search.server'

// "Ready for my market" in the catalog: the filter (SQL on the stored readiness) and the badges on a page of
// cards, checked against an expectation this file computes from the documents it gives each product.

const DAY = 86_400_000
const NOW = new Date('2026-12-04T12:00:00Z')
/** When the stored readiness was computed: ten days before the search. */
const COMPUTED = new Date(NOW.getTime() - 10 * DAY)
const TAG = `walkingstick${randomUUID().slice(0, 8)}`

/** The jurisdictions whose rules a buyer in each market faces, written out (not the app's jurisdictionsOf). */
const JURISDICTIONS: Record<string, string[]> = { BR: ['BR'], KZ: ['KZ', 'EAEU'], RU: ['RU', 'EAEU'], EAEU: ['EAEU'], UY: ['UY'] }

type Doc = { type: string; market: string; validUntil: Date | null; linked: boolean }
const products: Record<string, { id: string; docs: Doc[] }> = {}
let requirements: MarketRequirement[] = []

/** Ready at `t` for a buyer in `market`: every document requirement of its jurisdictions held by a document valid at `t`. */
function expectedReady(docs: readonly Doc[], market: string, t: Date): boolean {
  return requirements
    .filter((r) => (JURISDICTIONS[market] ?? []).includes(r.market) && r.documentTypes.length > 0)
    .every((r) =>
      docs.some(
        (d) =>
          r.documentTypes.includes(d.type) &&
          (r.scope === 'company' || d.linked) &&
          (d.market === r.market || JURISDICTIONS[d.market]?.includes(r.market)) &&
          (d.validUntil === null || d.validUntil.getTime() > t.getTime()),
      ),
    )
}
const expectedIds = (market: string, t: Date) =>
  Object.values(products)
    .filter((p) => expectedReady(p.docs, market, t))
    .map((p) => p.id)
    .sort()

beforeAll(async () => {
  const prisma = await getPrisma()
  requirements = [
    await createRequirement({ market: 'BR', scope: 'product', documentTypes: ['UMB-BR'], hs: ['6602'], name: { en: 'Brazil umbrella certificate' } }),
    // A check item (labelling): shown, never blocks.
    await createRequirement({ market: 'BR', scope: 'product', documentTypes: [], hs: ['6602'], name: { en: 'Portuguese label' } }),
    await createRequirement({ market: 'EAEU', scope: 'company', documentTypes: ['UMB-EAC'], hs: ['6602'], name: { en: 'EAC declaration for umbrellas' } }),
  ]
  const a = await createExporter()
  const b = await createExporter()
  const inAYear = new Date(NOW.getTime() + 365 * DAY)
  const plan: Array<[string, string, Doc[]]> = [
    ['ready', a.company.id, [{ type: 'UMB-BR', market: 'BR', validUntil: inAYear, linked: true }]],
    // Valid when the readiness was computed, expired one day before the search.
    ['lapsed', a.company.id, [{ type: 'UMB-BR', market: 'BR', validUntil: new Date(NOW.getTime() - DAY), linked: true }]],
    ['missing', a.company.id, []],
    // A product-level certificate the company holds but did not attach to this product.
    ['unlinked', a.company.id, [{ type: 'UMB-BR', market: 'BR', validUntil: null, linked: false }]],
    // A company-level EAC declaration: every product of company B holds it.
    ['eac', b.company.id, [{ type: 'UMB-EAC', market: 'EAEU', validUntil: null, linked: false }]],
  ]
  for (const [key, companyId, docs] of plan) {
    const product = await createProduct(companyId, { name: `${TAG} ${key}`, hsCode: '660200' })
    for (const doc of docs) {
      const certification = await prisma.certification.create({
        data: { companyId, type: doc.type, market: doc.market, number: randomUUID(), validUntil: doc.validUntil },
      })
      if (doc.linked) await prisma.productCertification.create({ data: { productId: product.id, certificationId: certification.id } })
    }
    products[key] = { id: product.id, docs }
  }
  await refreshReadiness(prisma, { productIds: Object.values(products).map((p) => p.id) }, { now: COMPUTED })
})
afterAll(async () => {
  await disconnectPrisma()
})

/** This file's products only (the db suites share one database on PostgreSQL). */
async function search(params: Record<string, string>, options: { now?: Date; readerCountry?: string | null } = {}) {
  const { query, rejected } = parseCatalogQuery(new URLSearchParams({ q: TAG, ...params }))
  expect(rejected).toEqual([])
  const result = await searchCatalog(query, { locale: 'en', now: options.now ?? NOW, readerCountry: options.readerCountry ?? null })
  return { ...result, ids: result.cards.map((card) => card.id).sort() }
}

describe('catalog: ready for my market', () => {
  it('keeps the products holding every requirement of the market now; a document that expired since the last refresh no longer counts', async () => {
    const result = await search({ readyFor: 'BR' })
    expect(result.readiness).toEqual({ market: 'BR', applied: true })
    expect(result.ids).toEqual(expectedIds('BR', NOW))
    expect(result.ids).toEqual([products.ready?.id])
    expect(result.total).toBe(1)
    // Two days earlier the lapsed certificate was still valid.
    const earlier = new Date(NOW.getTime() - 2 * DAY)
    expect((await search({ readyFor: 'BR' }, { now: earlier })).ids).toEqual(expectedIds('BR', earlier))
    expect(expectedIds('BR', earlier)).toHaveLength(2)
  })

  it('a country in a bloc faces the bloc’s rules (and its own); the bloc itself can be chosen', async () => {
    for (const market of ['KZ', 'RU', 'EAEU']) {
      const result = await search({ readyFor: market })
      expect(result.readiness?.applied).toBe(true)
      expect(result.ids).toEqual(expectedIds(market, NOW))
    }
    expect(expectedIds('KZ', NOW)).toEqual([products.eac?.id])
  })

  it('combines with the other filters in the same search', async () => {
    expect((await search({ readyFor: 'BR', hs: '6602', maxMoq: '100' })).ids).toEqual(expectedIds('BR', NOW))
    expect((await search({ readyFor: 'BR', hs: '3304' })).ids).toEqual([])
  })

  it('is not applied for a market without any requirement on file, and says so', async () => {
    const prisma = await getPrisma()
    expect(await prisma.marketRequirement.count({ where: { market: 'UY' } })).toBe(0)
    const result = await search({ readyFor: 'UY' })
    expect(result.readiness).toEqual({ market: 'UY', applied: false })
    expect(result.ids).toEqual(
      Object.values(products)
        .map((p) => p.id)
        .sort(),
    )
    // Nothing is called ready there either.
    expect(result.cards.filter((card) => card.readyFor !== null)).toEqual([])
  })

  it('badges the cards ready for the reader’s market: the filter’s, else a buyer’s country', async () => {
    const page = await search({}, { readerCountry: 'BR' })
    expect(page.ids).toHaveLength(Object.keys(products).length)
    const badged = page.cards
      .filter((card) => card.readyFor === 'BR')
      .map((card) => card.id)
      .sort()
    expect(badged).toEqual(expectedIds('BR', NOW))
    expect(page.cards.every((card) => card.readyFor === null || card.readyFor === 'BR')).toBe(true)
    // The filter's market wins over the profile's.
    const kz = await search({ readyFor: 'KZ' }, { readerCountry: 'BR' })
    expect(kz.cards.map((card) => card.readyFor)).toEqual(expectedIds('KZ', NOW).map(() => 'KZ'))
    // No market, no badges.
    expect((await search({})).cards.every((card) => card.readyFor === null)).toBe(true)
    // A buyer from a market without requirements gets no badge (not "ready" by default).
    expect((await search({}, { readerCountry: 'UY' })).cards.every((card) => card.readyFor === null)).toBe(true)
  })
})
