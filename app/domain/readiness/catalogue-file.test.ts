import { describe, expect, it } from 'vitest'
import { COMPANIES } from '../../../prisma/seed/data/companies.ts'
import file from '../../../prisma/seed/data/market-requirements.json'
import { RequirementCatalogueFileSchema, type MarketRequirement } from './requirement-schema'

// The repository's market requirements catalogue (issue 22): it must parse, and every product of the demo
// catalogue must meet at least one rule in each of the overseas markets the readiness view offers.

const OVERSEAS_MARKETS = ['US', 'CN', 'JP', 'VN', 'HK', 'TW', 'EU', 'EAEU', 'GCC', 'IN', 'MY', 'ID', 'MN'] as const

const catalogue = RequirementCatalogueFileSchema.parse(file)
const demoHsCodes = [...new Set(COMPANIES.flatMap((company) => company.products.map((product) => product.hs)))].sort()

/** A rule applies to a code when the longest of its prefixes (hs ∪ exceptHs) matching the code is an `hs` prefix. */
function applies(requirement: MarketRequirement, hs: string): boolean {
  const longest = [...requirement.hs, ...requirement.exceptHs].filter((prefix) => hs.startsWith(prefix)).sort((a, b) => b.length - a.length)[0]
  return longest !== undefined && requirement.hs.includes(longest) && !requirement.exceptHs.includes(longest)
}

function codesFor(market: string, hs: string): string[] {
  return catalogue.requirements.filter((requirement) => requirement.market === market && applies(requirement, hs)).map((requirement) => requirement.code)
}

describe('market-requirements.json', () => {
  it('parses with the catalogue schema', () => {
    expect(RequirementCatalogueFileSchema.safeParse(file).success).toBe(true)
    expect(catalogue.requirements.length).toBeGreaterThan(50)
  })

  it('has unique codes', () => {
    const codes = catalogue.requirements.map((requirement) => requirement.code)
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('cites an https source for every rule and dates only checked ones with an ISO date', () => {
    for (const requirement of catalogue.requirements) {
      expect(new URL(requirement.sourceUrl).protocol, requirement.code).toBe('https:')
      if (requirement.checkedOn !== null) expect(requirement.checkedOn, requirement.code).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('names every rule in all six content languages, each in its own script, and says how to get it in English and Korean', () => {
    for (const { code, name, howToGet } of catalogue.requirements) {
      expect(name.ko, code).toMatch(/\p{Script=Hangul}/u)
      expect(name.zh, code).toMatch(/\p{Script=Han}/u)
      expect(name.ja, code).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u)
      expect(name.ru, code).toMatch(/\p{Script=Cyrillic}/u)
      expect(name.mn, code).toMatch(/\p{Script=Cyrillic}/u)
      expect(howToGet.ko, code).toMatch(/\p{Script=Hangul}/u)
    }
  })

  it('keeps checks (no document) for per-shipment notices and labelling rules', () => {
    for (const requirement of catalogue.requirements.filter((rule) => rule.kind === 'labelling'))
      expect(requirement.documentTypes, requirement.code).toEqual([])
    expect(catalogue.requirements.find((rule) => rule.code === 'US-FDA-PN')?.documentTypes).toEqual([])
  })

  it('has at least one rule for every demo HS code in each of the 13 overseas markets', () => {
    expect(demoHsCodes.length).toBeGreaterThan(50)
    const gaps = OVERSEAS_MARKETS.flatMap((market) => demoHsCodes.filter((hs) => codesFor(market, hs).length === 0).map((hs) => `${market} ${hs}`))
    expect(gaps).toEqual([])
  })

  it('lets the longest prefix decide, so an exemption carves out a heading', () => {
    // GCC halal: food yes, alcoholic beverages (2203–2208) and fresh vegetables no.
    expect(codesFor('GCC', '190219')).toContain('GCC-HALAL')
    expect(codesFor('GCC', '220600')).not.toContain('GCC-HALAL')
    expect(codesFor('GCC', '070490')).not.toContain('GCC-HALAL')
    // Seed potatoes are not food: no FDA food facility registration, but still the origin marking.
    expect(codesFor('US', '070190')).toContain('US-FDA-FFR')
    expect(codesFor('US', '070110')).not.toContain('US-FDA-FFR')
    expect(codesFor('US', '070110')).toContain('US-CBP-COO-MARKING')
    // Industrial X-ray apparatus is not a medical device.
    expect(codesFor('EU', '902214')).toContain('EU-MDR-CE')
    expect(codesFor('EU', '902219')).not.toContain('EU-MDR-CE')
  })

  it('asks for the document types the demo companies record for the key rules', () => {
    const types = (code: string) => catalogue.requirements.find((rule) => rule.code === code)?.documentTypes
    expect(types('US-FDA-FFR')).toEqual(['FDA'])
    expect(types('EU-CPNP')).toEqual(['CPNP'])
    expect(types('CN-GACC-REG')).toEqual(['GACC'])
    expect(types('EAEU-EAC-FOOD')).toEqual(['EAC'])
    expect(types('EU-MDR-CE')).toEqual(['CE'])
    expect(types('US-TTB-COLA')).toEqual(['TTB-COLA'])
    expect(catalogue.requirements.find((rule) => rule.code === 'US-FDA-FFR')?.scope).toBe('company')
    expect(codesFor('EU', '330499')).toEqual(expect.arrayContaining(['EU-CPNP']))
    expect(codesFor('CN', '901819')).toEqual(expect.arrayContaining(['CN-NMPA-DEVICE']))
    expect(codesFor('US', '220600')).toEqual(expect.arrayContaining(['US-FDA-FFR', 'US-FDA-PN', 'US-TTB-COLA']))
  })
})
