import { describe, expect, it } from 'vitest'
import { matchScore, rankBuyersForExporter, rankExportersForBuyer, type MatchBuyer, type MatchExporter } from './match-score.ts'
import { marketCoversCountry, marketsForCountry } from '~/domain/catalog/markets'

const now = new Date('2026-11-02T09:00:00Z')

const buyer: MatchBuyer = {
  id: 'buyer-kl',
  country: 'MY',
  interests: ['cosmetics', 'skincare'],
  hsChapters: ['33'],
  yearlyVolume: 'FROM_50K_TO_250K',
  languages: ['en-MY', 'ms'],
}

const cosmeticsExporter: MatchExporter = {
  id: 'exp-cosmetics',
  exportMarkets: ['MY', 'SG'],
  languages: ['ko', 'en'],
  products: [
    {
      id: 'p-cream',
      categorySlug: 'skincare',
      hsCode: '330499',
      moq: 1000,
      unitPriceUsdCents: 250, // $2,500 at MOQ: easily several orders a year
      targetMarkets: ['MY'],
    },
  ],
  certifications: [
    { id: 'c1', type: 'HALAL', market: 'MY', validFrom: new Date('2025-01-01Z'), validUntil: new Date('2027-01-01Z') },
    { id: 'c2', type: 'GMP', market: 'KR', validFrom: null, validUntil: null },
  ],
}

const snackExporter: MatchExporter = {
  id: 'exp-snacks',
  exportMarkets: ['US'],
  languages: ['ko'],
  products: [{ id: 'p-chips', categorySlug: 'snacks', hsCode: '190590', moq: 500, unitPriceUsdCents: 100, targetMarkets: ['US'] }],
  certifications: [{ id: 'c3', type: 'FDA', market: 'US', validFrom: null, validUntil: null }],
}

describe('markets', () => {
  it('maps EU and GCC members to their bloc', () => {
    expect(marketsForCountry('DE')).toEqual(['DE', 'EU'])
    expect(marketsForCountry('ae')).toEqual(['AE', 'GCC'])
    expect(marketsForCountry('MY')).toEqual(['MY'])
    expect(marketCoversCountry('EU', 'FR')).toBe(true)
    expect(marketCoversCountry('EU', 'GB')).toBe(false)
    expect(marketCoversCountry('GCC', 'SA')).toBe(true)
    expect(marketCoversCountry('GLOBAL', 'BR')).toBe(true)
  })
})

describe('matchScore', () => {
  it('explains a strong match with machine-readable reasons', () => {
    const result = matchScore(buyer, cosmeticsExporter, { now, interactions: { views: 3, inquiries: 1 } })
    const codes = result.reasons.map((reason) => reason.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'category-match',
        'hs-chapter-match',
        'certified-for-market',
        'volume-fits-moq',
        'shared-language',
        'exports-to-country',
        'past-interest',
      ]),
    )
    expect(result.reasons).toContainEqual({
      code: 'hs-chapter-match',
      params: { chapter: '33', heading: '3304' },
      weight: 20,
    })
    expect(result.reasons).toContainEqual({
      code: 'certified-for-market',
      params: { type: 'HALAL', market: 'MY', country: 'MY' },
      weight: 10,
    })
    expect(result.reasons).toContainEqual({ code: 'shared-language', params: { language: 'en' }, weight: 10 })
    // 1 of 2 interests matched → half the category points.
    expect(result.reasons).toContainEqual({ code: 'category-match', params: { category: 'skincare' }, weight: 10 })
    expect(result.score).toBeGreaterThan(70)
    expect(result.score).toBeLessThanOrEqual(100)
    const sum = result.reasons.reduce((total, reason) => total + reason.weight, 0)
    expect(sum).toBeCloseTo(result.score, 0)
    // Heaviest first
    const weights = result.reasons.map((reason) => reason.weight)
    expect(weights).toEqual([...weights].sort((a, b) => b - a))
  })

  it('gives no points for an unrelated exporter', () => {
    const result = matchScore(buyer, snackExporter, { now })
    expect(result.reasons.map((reason) => reason.code)).toEqual(['volume-fits-moq'])
  })

  it('counts a certification only while it is valid at `now`, and flags the expired one', () => {
    const expiring: MatchExporter = {
      ...cosmeticsExporter,
      certifications: [
        { id: 'c1', type: 'HALAL', market: 'MY', validFrom: null, validUntil: new Date('2026-11-01T00:00:00Z') },
        { id: 'c4', type: 'CE', market: 'EU', validFrom: new Date('2027-01-01Z'), validUntil: null },
      ],
    }
    const result = matchScore(buyer, expiring, { now })
    expect(result.reasons.some((reason) => reason.code === 'certified-for-market')).toBe(false)
    expect(result.cautions).toEqual([{ code: 'certification-expired', params: { type: 'HALAL', market: 'MY', validUntil: '2026-11-01T00:00:00.000Z' } }])
    const before = matchScore(buyer, expiring, { now: new Date('2026-10-31T00:00:00Z') })
    expect(before.reasons.some((reason) => reason.code === 'certified-for-market')).toBe(true)
  })

  it('accepts bloc certifications for member countries', () => {
    const germanBuyer: MatchBuyer = { ...buyer, country: 'DE' }
    const ceExporter: MatchExporter = {
      ...snackExporter,
      certifications: [{ id: 'c5', type: 'CE', market: 'EU', validFrom: null, validUntil: null }],
    }
    const result = matchScore(germanBuyer, ceExporter, { now })
    expect(result.reasons).toContainEqual({
      code: 'certified-for-market',
      params: { type: 'CE', market: 'EU', country: 'DE' },
      weight: 10,
    })
    const saudiBuyer: MatchBuyer = { ...buyer, country: 'SA' }
    expect(matchScore(saudiBuyer, ceExporter, { now }).reasons.some((r) => r.code === 'certified-for-market')).toBe(false)
  })

  it('warns when one order at MOQ exceeds the buyer’s yearly volume', () => {
    const bulk: MatchExporter = {
      ...cosmeticsExporter,
      products: [{ ...cosmeticsExporter.products[0]!, moq: 200_000, unitPriceUsdCents: 300 }], // $600k
    }
    const result = matchScore({ ...buyer, yearlyVolume: 'UNDER_50K' }, bulk, { now })
    expect(result.reasons.some((reason) => reason.code === 'volume-fits-moq')).toBe(false)
    expect(result.cautions).toContainEqual({
      code: 'moq-above-volume',
      params: { productId: 'p-cream', moqValueUsd: 600_000, band: 'UNDER_50K' },
    })
  })

  it('prefers proven exports to a mere target market', () => {
    const targeting: MatchExporter = { ...cosmeticsExporter, exportMarkets: [] }
    const result = matchScore(buyer, targeting, { now })
    expect(result.reasons).toContainEqual({
      code: 'targets-market',
      params: { market: 'MY', productId: 'p-cream' },
      weight: 6,
    })
  })

  it('rescales custom weights to 0–100', () => {
    const onlyLanguages = {
      categories: 0,
      hsChapters: 0,
      certifications: 0,
      volume: 0,
      languages: 1,
      markets: 0,
      interactions: 0,
    }
    expect(matchScore(buyer, cosmeticsExporter, { now, weights: onlyLanguages }).score).toBe(100)
  })
})

describe('ranking', () => {
  const exporters = [snackExporter, cosmeticsExporter, { ...cosmeticsExporter, id: 'exp-cosmetics-2', languages: [] }]

  it('ranks exporters for a buyer by score, ties by id', () => {
    const ranked = rankExportersForBuyer(buyer, exporters, { now, limit: 2 })
    expect(ranked.map((r) => r.exporterId)).toEqual(['exp-cosmetics', 'exp-cosmetics-2'])
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score)
  })

  it('lets past interactions lift an exporter above an otherwise identical one', () => {
    const twin: MatchExporter = { ...cosmeticsExporter, id: 'exp-z-twin' }
    const withoutHistory = rankExportersForBuyer(buyer, [twin, cosmeticsExporter], { now, limit: 2 })
    expect(withoutHistory.map((r) => r.exporterId)).toEqual(['exp-cosmetics', 'exp-z-twin'])
    const ranked = rankExportersForBuyer(buyer, [twin, cosmeticsExporter], {
      now,
      limit: 2,
      interactions: (_buyerId, exporterId) => (exporterId === 'exp-z-twin' ? { views: 20, inquiries: 2 } : undefined),
    })
    expect(ranked.map((r) => r.exporterId)).toEqual(['exp-z-twin', 'exp-cosmetics'])
    expect(ranked[0]!.reasons).toContainEqual({ code: 'past-interest', params: { views: 20, inquiries: 2 }, weight: 10 })
  })

  it('ranks buyers for an exporter and drops buyers with nothing in common', () => {
    const noVolume: MatchBuyer = {
      id: 'buyer-none',
      country: 'BR',
      interests: ['tools'],
      hsChapters: ['82'],
      yearlyVolume: null,
      languages: ['pt'],
    }
    const german: MatchBuyer = { ...buyer, id: 'buyer-de', country: 'DE', languages: ['de'] }
    const ranked = rankBuyersForExporter(cosmeticsExporter, [noVolume, german, buyer], { now, limit: 10 })
    expect(ranked.map((r) => r.buyerId)).toEqual(['buyer-kl', 'buyer-de'])
  })
})
