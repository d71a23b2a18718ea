import { describe, expect, it } from 'vitest'
import { parseCatalogQuery } from './search-params'

describe('catalog readyFor parameter', () => {
  it('takes a country or a bloc', () => {
    for (const market of ['DE', 'KZ', 'US', 'EU', 'GCC', 'EAEU'])
      expect(parseCatalogQuery(new URLSearchParams({ readyFor: market })).query.readyFor).toBe(market)
  })

  it('drops hostile or unknown values like any other parameter, keeping the rest of the search', () => {
    const hostile = ['de', 'XX', 'ZZ', 'EUR', 'ASEAN', "EU' OR 1=1 --", 'US\u0000', ' US', 'GLOBAL', '<script>', 'U', 'é']
    for (const value of hostile) {
      const { query, rejected } = parseCatalogQuery(new URLSearchParams({ readyFor: value, q: 'ginseng' }))
      expect(query.readyFor).toBeUndefined()
      expect(rejected).toEqual(['readyFor'])
      expect(query.q).toBe('ginseng')
    }
  })

  it('reads the first of repeated values (a ticked own-market box before the other choice) and ignores an empty one', () => {
    expect(parseCatalogQuery(new URLSearchParams('readyFor=FR&readyFor=US')).query.readyFor).toBe('FR')
    expect(parseCatalogQuery(new URLSearchParams('readyFor=')).query).toEqual({})
  })
})
