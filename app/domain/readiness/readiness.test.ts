import { describe, expect, it } from 'vitest'
import {
  assessMarket,
  assessRequirement,
  decidingPrefix,
  documentCoversMarket,
  type HeldDocument,
  isMarketCovered,
  isReadyFromRows,
  jurisdictionReadiness,
  jurisdictionsOf,
  requirementsFor,
} from './readiness'
import { MarketRequirementSchema, type MarketRequirement } from './requirement-schema'

const NOW = new Date('2026-12-04T09:00:00.000Z')
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`)

function requirement(fields: Partial<MarketRequirement> & Pick<MarketRequirement, 'code' | 'market' | 'hs'>): MarketRequirement {
  return MarketRequirementSchema.parse({
    kind: 'registration',
    scope: 'product',
    documentTypes: [],
    exceptHs: [],
    name: { en: `Requirement ${fields.code}` },
    howToGet: { en: 'Apply to the regulator.' },
    issuerTypes: ['regulator'],
    leadTimeDays: { min: 5, max: 30 },
    voucherEligible: true,
    sourceUrl: 'https://example.gov/rule',
    checkedOn: '2026-12-04',
    ...fields,
  })
}

let nextId = 0
function document(fields: Partial<HeldDocument> & Pick<HeldDocument, 'type' | 'market'>): HeldDocument {
  nextId += 1
  return { id: `doc-${nextId}`, number: `N-${nextId}`, validFrom: null, validUntil: null, linked: true, ...fields }
}

const halalGcc = requirement({
  code: 'GCC-HALAL',
  market: 'GCC',
  documentTypes: ['HALAL'],
  hs: ['02', '04', '16', '19', '21', '22'],
  exceptHs: ['2203', '2208'],
})
const fdaFacility = requirement({ code: 'US-FDA-FFR', market: 'US', scope: 'company', documentTypes: ['FDA'], hs: ['02', '03', '16', '19', '20', '21', '22'] })
const usLabel = requirement({ code: 'US-ORIGIN-MARK', market: 'US', kind: 'labelling', hs: ['01', '02', '03', '16', '19', '20', '21', '22', '33', '90'] })
const cpnp = requirement({ code: 'EU-CPNP', market: 'EU', kind: 'notification', documentTypes: ['CPNP'], hs: ['3304', '3305', '3307'] })
const euDevice = requirement({
  code: 'EU-MDR-CE',
  market: 'EU',
  kind: 'certificate',
  documentTypes: ['CE'],
  hs: ['9018', '9019', '9021', '9022'],
  exceptHs: ['901890'],
})
const euDeviceAccessory = requirement({ code: 'EU-ACCESSORY', market: 'EU', kind: 'certificate', documentTypes: ['CE'], hs: ['901890'] })
const germanPackaging = requirement({ code: 'DE-LUCID', market: 'DE', kind: 'registration', scope: 'company', documentTypes: ['LUCID'], hs: ['33', '90'] })
const eac = requirement({ code: 'EAEU-EAC-FOOD', market: 'EAEU', kind: 'certificate', documentTypes: ['EAC'], hs: ['16', '19', '21'] })
const CATALOGUE = [halalGcc, fdaFacility, usLabel, cpnp, euDevice, euDeviceAccessory, germanPackaging, eac]

describe('HS prefixes: the longest prefix of the code decides', () => {
  it('a chapter rule applies to every code under it', () => {
    expect(decidingPrefix(halalGcc, '210690')).toEqual({ prefix: '21', exempt: false })
    expect(decidingPrefix(halalGcc, '3304')).toBeNull()
  })

  it('an exemption carves a heading out of the chapter', () => {
    expect(decidingPrefix(halalGcc, '220890')).toEqual({ prefix: '2208', exempt: true })
    expect(decidingPrefix(halalGcc, '220210')).toEqual({ prefix: '22', exempt: false })
    expect(requirementsFor(CATALOGUE, '220890', 'SA').map((r) => r.code)).toEqual([])
    expect(requirementsFor(CATALOGUE, '220210', 'SA').map((r) => r.code)).toEqual(['GCC-HALAL'])
  })

  it('a longer included prefix beats a shorter exemption, and on equal length the exemption wins', () => {
    const reincluded = requirement({ code: 'X-RE', market: 'US', hs: ['22', '220890'], exceptHs: ['2208'] })
    expect(decidingPrefix(reincluded, '22089010')).toEqual({ prefix: '220890', exempt: false })
    expect(decidingPrefix(reincluded, '22082000')).toEqual({ prefix: '2208', exempt: true })
    expect(decidingPrefix({ hs: ['3304'], exceptHs: ['3304'] }, '330499')).toEqual({ prefix: '3304', exempt: true })
  })

  it('an exemption outside every included prefix is refused by the schema', () => {
    expect(MarketRequirementSchema.safeParse({ ...halalGcc, exceptHs: ['3304'] }).success).toBe(false)
  })

  it('the device rule and the accessory rule split 9018 at 901890', () => {
    expect(requirementsFor(CATALOGUE, '901819', 'FR').map((r) => r.code)).toEqual(['EU-MDR-CE'])
    expect(requirementsFor(CATALOGUE, '901890', 'FR').map((r) => r.code)).toEqual(['EU-ACCESSORY'])
  })
})

describe('markets: a country gets its own rules and its blocs’', () => {
  it('jurisdictions of a country, of a bloc', () => {
    expect(jurisdictionsOf('de')).toEqual(['DE', 'EU'])
    expect(jurisdictionsOf('SA')).toEqual(['SA', 'GCC'])
    expect(jurisdictionsOf('KZ')).toEqual(['KZ', 'EAEU'])
    expect(jurisdictionsOf('EU')).toEqual(['EU'])
    expect(jurisdictionsOf('US')).toEqual(['US'])
  })

  it('a German buyer gets the EU rules and the German one; a French buyer only the EU rules; the EU column only the EU rules', () => {
    expect(requirementsFor(CATALOGUE, '330499', 'DE').map((r) => r.code)).toEqual(['EU-CPNP', 'DE-LUCID'])
    expect(requirementsFor(CATALOGUE, '330499', 'FR').map((r) => r.code)).toEqual(['EU-CPNP'])
    expect(requirementsFor(CATALOGUE, '330499', 'EU').map((r) => r.code)).toEqual(['EU-CPNP'])
  })

  it('coverage: a market is covered through its blocs; Brazil is not covered at all', () => {
    expect(isMarketCovered(CATALOGUE, 'AE')).toBe(true)
    expect(isMarketCovered(CATALOGUE, 'KZ')).toBe(true)
    expect(isMarketCovered(CATALOGUE, 'BR')).toBe(false)
    expect(assessMarket(CATALOGUE, { hsCode: '210690', documents: [] }, 'BR', { now: NOW, shipDate: NOW }).status).toBe('not-covered')
  })

  it('documents: same market, a global one, or bloc membership either way', () => {
    expect(documentCoversMarket('RU', 'EAEU')).toBe(true)
    expect(documentCoversMarket('EAEU', 'KZ')).toBe(true)
    expect(documentCoversMarket('EU', 'DE')).toBe(true)
    expect(documentCoversMarket('INT', 'US')).toBe(true)
    expect(documentCoversMarket('GLOBAL', 'GCC')).toBe(true)
    expect(documentCoversMarket('MY', 'GCC')).toBe(false)
    expect(documentCoversMarket('US', 'CN')).toBe(false)
    expect(documentCoversMarket('EU', 'GCC')).toBe(false)
  })
})

describe('documents held now and on the ship date', () => {
  const time = { now: NOW, shipDate: day('2027-03-01') }

  it('held: valid now and on the ship date', () => {
    const cert = document({ type: 'HALAL', market: 'GCC', validUntil: day('2027-06-30') })
    expect(assessRequirement(halalGcc, [cert], time)).toMatchObject({ status: 'held', document: cert })
  })

  it('expiring: valid now, ended by the ship date (the end day itself no longer counts)', () => {
    const cert = document({ type: 'HALAL', market: 'GCC', validUntil: day('2027-03-01') })
    expect(assessRequirement(halalGcc, [cert], time)).toMatchObject({ status: 'expiring', document: cert })
    const lastDay = document({ type: 'HALAL', market: 'GCC', validUntil: new Date(day('2027-03-01').getTime() + 1) })
    expect(assessRequirement(halalGcc, [lastDay], time).status).toBe('held')
  })

  it('a renewal already on file keeps it held for the ship date', () => {
    const current = document({ type: 'HALAL', market: 'GCC', validUntil: day('2027-01-31') })
    const renewal = document({ type: 'HALAL', market: 'GCC', validFrom: day('2027-02-01'), validUntil: day('2028-01-31') })
    expect(assessRequirement(halalGcc, [current, renewal], time)).toMatchObject({ status: 'held', document: current })
  })

  it('missing: none valid now; an expired one is reported to renew', () => {
    const expired = document({ type: 'HALAL', market: 'GCC', validUntil: day('2026-11-30') })
    expect(assessRequirement(halalGcc, [expired], time)).toMatchObject({ status: 'missing', document: null, lapsed: expired })
    const notYet = document({ type: 'HALAL', market: 'GCC', validFrom: day('2027-01-01') })
    expect(assessRequirement(halalGcc, [notYet], time)).toMatchObject({ status: 'missing', lapsed: notYet })
  })

  it('the wrong type, the wrong market or an unlinked product certificate does not count', () => {
    expect(assessRequirement(halalGcc, [document({ type: 'HALAL', market: 'MY' })], time).status).toBe('missing')
    expect(assessRequirement(halalGcc, [document({ type: 'HACCP', market: 'GCC' })], time).status).toBe('missing')
    expect(assessRequirement(halalGcc, [document({ type: 'HALAL', market: 'GCC', linked: false })], time).status).toBe('missing')
  })

  it('a company-wide registration counts for every product, linked or not', () => {
    expect(assessRequirement(fdaFacility, [document({ type: 'FDA', market: 'US', linked: false })], time).status).toBe('held')
  })

  it('labelling is something to check: listed, never blocking', () => {
    const assessment = assessMarket(CATALOGUE, { hsCode: '210690', documents: [document({ type: 'FDA', market: 'US', linked: false })] }, 'US', time)
    expect(assessment).toMatchObject({ status: 'ready', required: 1, missing: 0, expiring: 0 })
    expect(assessment.items.map((item) => [item.requirement.code, item.status])).toEqual([
      ['US-FDA-FFR', 'held'],
      ['US-ORIGIN-MARK', 'check'],
    ])
  })

  it('the market status is the worst item: missing before expiring before ready', () => {
    const documents = [document({ type: 'CPNP', market: 'EU', validUntil: day('2027-01-15') })]
    expect(assessMarket(CATALOGUE, { hsCode: '330499', documents }, 'FR', time).status).toBe('expiring')
    expect(assessMarket(CATALOGUE, { hsCode: '330499', documents }, 'DE', time)).toMatchObject({ status: 'missing', missing: 1, expiring: 1, required: 2 })
    expect(assessMarket(CATALOGUE, { hsCode: '330499', documents }, 'FR', { now: NOW, shipDate: day('2027-01-10') }).status).toBe('ready')
  })
})

describe('stored rows per jurisdiction, read the same way as the catalog filter', () => {
  it('a row per jurisdiction with document requirements; ready until the first document ends', () => {
    const documents = [
      document({ type: 'CPNP', market: 'EU', validUntil: day('2027-05-01') }),
      document({ type: 'LUCID', market: 'DE', linked: false, validUntil: day('2027-02-01') }),
    ]
    const rows = jurisdictionReadiness(CATALOGUE, { hsCode: '330499', documents }, NOW)
    expect(rows).toEqual([
      { market: 'DE', required: 1, missing: 0, readyUntil: day('2027-02-01') },
      { market: 'EU', required: 1, missing: 0, readyUntil: day('2027-05-01') },
    ])
    expect(isReadyFromRows(rows, 'DE', NOW)).toBe(true)
    expect(isReadyFromRows(rows, 'DE', day('2027-02-01'))).toBe(false)
    expect(isReadyFromRows(rows, 'FR', day('2027-02-01'))).toBe(true)
    expect(isReadyFromRows(rows, 'FR', day('2027-05-01'))).toBe(false)
  })

  it('a renewal on file carries the stored readiness past the current document’s end; a gap ends it', () => {
    const current = document({ type: 'CPNP', market: 'EU', validUntil: day('2027-01-01') })
    const renewal = document({ type: 'CPNP', market: 'EU', validFrom: day('2026-12-20'), validUntil: day('2028-01-01') })
    const afterGap = document({ type: 'CPNP', market: 'EU', validFrom: day('2028-02-01'), validUntil: day('2029-01-01') })
    const rows = jurisdictionReadiness(CATALOGUE, { hsCode: '330499', documents: [current, renewal, afterGap] }, NOW)
    expect(rows.find((row) => row.market === 'EU')).toEqual({ market: 'EU', required: 1, missing: 0, readyUntil: day('2028-01-01') })
    for (const instant of [day('2027-02-01'), day('2027-12-31')]) {
      expect(isReadyFromRows(rows, 'FR', instant)).toBe(true)
      expect(assessMarket(CATALOGUE, { hsCode: '330499', documents: [current, renewal, afterGap] }, 'FR', { now: instant, shipDate: instant }).status).toBe(
        'ready',
      )
    }
    // In the gap both say not ready; after it only a rebuild sees the later document (ADR 021).
    expect(isReadyFromRows(rows, 'FR', day('2028-01-15'))).toBe(false)
    expect(
      assessMarket(CATALOGUE, { hsCode: '330499', documents: [current, renewal, afterGap] }, 'FR', { now: day('2028-01-15'), shipDate: day('2028-01-15') })
        .status,
    ).toBe('missing')
    const open = document({ type: 'CPNP', market: 'EU', validFrom: day('2026-12-31') })
    expect(jurisdictionReadiness(CATALOGUE, { hsCode: '330499', documents: [current, open] }, NOW).find((row) => row.market === 'EU')?.readyUntil).toBeNull()
  })

  it('agrees with assessMarket for every market and instant', () => {
    const documents = [
      document({ type: 'FDA', market: 'US', linked: false, validUntil: day('2027-01-01') }),
      document({ type: 'HALAL', market: 'GCC', validUntil: day('2027-04-01') }),
      document({ type: 'EAC', market: 'RU' }),
      document({ type: 'CPNP', market: 'EU', validUntil: day('2026-12-01') }),
      // A Halal renewal that starts before the current one ends.
      document({ type: 'HALAL', market: 'GCC', validFrom: day('2027-03-15'), validUntil: day('2027-09-01') }),
    ]
    for (const hsCode of ['210690', '190230', '220890', '330499', '901819']) {
      for (const instant of [NOW, day('2027-01-01'), day('2027-03-31'), day('2027-04-01'), day('2027-08-31'), day('2027-09-01')]) {
        const rows = jurisdictionReadiness(CATALOGUE, { hsCode, documents }, NOW)
        for (const market of ['US', 'SA', 'KZ', 'DE', 'FR', 'EU', 'GCC']) {
          const pure = assessMarket(CATALOGUE, { hsCode, documents }, market, { now: instant, shipDate: instant }).status
          expect(isReadyFromRows(rows, market, instant), `${hsCode} ${market} ${instant.toISOString()}`).toBe(pure === 'ready')
        }
      }
    }
  })
})
